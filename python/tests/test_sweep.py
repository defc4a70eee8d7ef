"""Sweeps from Python give the command's sweep.csv and sensitivity.csv."""
import re

import numpy as np
import pandas as pd
import pytest

import flywheel
from conftest import SCENARIOS, cli


def small(name, tmp_path):
    """A small copy of an example sweep, as the command's tests make
    them: few replications, months and points."""
    text = (SCENARIOS / "sweeps" / f"{name}.yaml").read_text()
    text = re.sub(r"^scenario: \.\./", f"scenario: {SCENARIOS}/", text,
                  flags=re.M)
    for key, value in (("replications", "2\nmonths: 12"),
                       ("base_samples", "4"), ("bootstrap", "50"),
                       ("points", "5")):
        text = re.sub(rf"^{key}: .*", f"{key}: {value}", text, flags=re.M)
    file = tmp_path / f"{name}.yaml"
    file.write_text(text.replace("steps: 10", "steps: 3"))
    return file


@pytest.mark.parametrize("name", ["sobol", "tornado", "breakeven"])
def test_sweep_is_the_commands(name, tmp_path):
    file = small(name, tmp_path)
    sw = flywheel.Sweep(file)
    table = sw.run(threads=2)
    cli("sweep", "-q", "-o", tmp_path / "out", file)
    want = pd.read_csv(tmp_path / "out" / "sweep.csv",
                       float_precision="round_trip")
    pd.testing.assert_frame_equal(table, want.drop(columns="row_hash"),
                                  check_dtype=False)
    if sw.design in ("oneway", "sobol"):
        want = pd.read_csv(tmp_path / "out" / "sensitivity.csv",
                           float_precision="round_trip")
        pd.testing.assert_frame_equal(sw.sensitivity(table), want)
        # a table of fewer (or more) rows than points is refused, not
        # read past its end
        for rows in (table.iloc[:-1], table.iloc[:1],
                     pd.concat([table, table.iloc[:1]])):
            with pytest.raises(ValueError, match="rows"):
                sw.sensitivity(rows)
    else:
        with pytest.raises(flywheel.ScenarioError):
            sw.sensitivity(table)


def test_design(tmp_path):
    sw = flywheel.Sweep(small("sobol", tmp_path))
    assert (sw.design, len(sw), sw.replications, sw.months) == \
        ("sobol", 4 * (5 + 2), 2, 12)
    assert list(sw.points.block[:5]) == ["A"] * 4 + ["B"]
    assert sw.metrics == ["dnpv:fix-onboarding"]
    p = sw.parameters
    assert list(p.label) == ["friction.access", "friction.onboarding",
                             "experience.trust_gain", "experience.trust_loss",
                             "economics.price_per_patient_month"]
    x = sw.points.iloc[:, 2:].to_numpy()
    assert (p.low.to_numpy() <= x).all() and (x <= p.high.to_numpy()).all()
    point = sw.scenario(5)
    assert point.value("friction.access") == sw.points.loc[5,
                                                            "friction.access"]
    sw.replications = 3
    assert sw.run_point(0).reps == 3
    with pytest.raises(IndexError):
        sw.scenario(len(sw))


def test_lhs_seed_moves_the_points(tmp_path):
    sw = flywheel.Sweep(small("lhs", tmp_path))
    before = sw.points
    sw.seed = sw.seed + 1
    assert not np.array_equal(before.iloc[:, 1:], sw.points.iloc[:, 1:])
