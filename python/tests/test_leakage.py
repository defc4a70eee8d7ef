"""Scenario.leakage is `flywheel leakage`: the same stages, replications
and seed give leakage.csv's numbers, written as the command writes them."""
import csv

import pytest

import flywheel
from conftest import SMALL, cli


def test_leakage_is_the_commands(tmp_path):
    file = tmp_path / "small.yaml"
    file.write_text(SMALL)
    sc = flywheel.Scenario(file)
    df = sc.leakage(stages={"experience.incoherence": 0,
                            "friction.access": 0.2},
                    variant="hub", reps=5, months=13, seed=3, threads=2,
                    progress=False)
    cli("leakage", "--no-plots", "-q", "--reps", 5, "--months", 13,
        "--seed", 3, "--threads", 1, "--variant", "hub",
        "--stage", "experience.incoherence=0",
        "--stage", "friction.access=0.2", "-o", tmp_path / "cli", file)
    rows = list(csv.reader((tmp_path / "cli" / "leakage.csv").open()))
    # the command's columns but its labels, the same rows in order
    assert list(df.columns) == [c for c in rows[0] if c != "label"]
    assert len(df) == len(rows) - 1
    real = flywheel._lib.formatter()
    for got, want in zip(df.itertuples(index=False), rows[1:]):
        want = [w for j, w in enumerate(want) if rows[0][j] != "label"]
        assert list(got[:2]) == want[:2]
        assert [real(x) if x == x else "" for x in got[2:]] == want[2:]
    # six stages: the five friction keys, then incoherence
    assert list(df["stage"].unique()) == [
        "friction.prescribe", "friction.onboarding", "friction.access",
        "friction.continuity", "friction.support", "experience.incoherence",
        "all"]


def test_leakage_refuses_what_the_command_refuses(small):
    with pytest.raises(flywheel.ScenarioError, match="no variant"):
        small.leakage(variant="nope", reps=2, progress=False)
    with pytest.raises(flywheel.ScenarioError, match="friction.onboarding"):
        small.leakage(stages={"friction.onboarding": 1.5}, reps=2,
                      progress=False)
