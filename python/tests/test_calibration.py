"""Calibrations from Python are the command's: the same estimates and
bounds as fit.csv, the same series as fit-series.csv and the same
calibrated scenario, for any number of threads."""
import numpy as np
import pandas as pd
import pytest

import flywheel
from conftest import DATA, cli

GOOD = DATA / "calibration" / "good.yaml"


@pytest.fixture(scope="module")
def fitted():
    return flywheel.Calibration(GOOD, threads=2).fit()


def test_fit_is_the_commands(fitted, tmp_path):
    cli("calibrate", "-q", "--no-plots", "-o", tmp_path, GOOD)
    want = pd.read_csv(tmp_path / "fit.csv", float_precision="round_trip")
    got = fitted.fit_table()
    for col in ("parameter", "estimate", "lower95", "upper95", "range_low",
                "range_high", "bound_at_edge"):
        pd.testing.assert_series_equal(got[col], want[col],
                                       check_dtype=False)
    assert list(got.identified) == list(want.identified == "yes")
    want = pd.read_csv(tmp_path / "fit-series.csv",
                       float_precision="round_trip",
                       dtype={"segment": str}, keep_default_na=False,
                       na_values={"observed": [""]})
    pd.testing.assert_frame_equal(fitted.series(), want, check_dtype=False)
    body = [line for line in
            (tmp_path / "calibrated.yaml").read_text().splitlines()
            if not line.startswith("#")]
    # calibrated.yaml adds the fit table written beside it
    assert body[-1] == 'calibration: "fit.csv"'
    assert fitted.fitted().to_yaml().splitlines() == body[:-1]
    assert "dist:" not in fitted.fitted(point=True).to_yaml()


def test_threads_change_nothing(fitted):
    one = flywheel.Calibration(GOOD, threads=1)
    seen = []
    one.fit(progress=lambda *p: seen.append(p))
    assert seen and seen[-1][0] > 0 and np.isfinite(seen[-1][1])
    assert one.objective == fitted.objective
    pd.testing.assert_frame_equal(one.fit_table(), fitted.fit_table())
    pd.testing.assert_frame_equal(one.series(), fitted.series())


def test_inputs_targets_and_errors(tmp_path):
    cal = flywheel.Calibration(GOOD)
    assert list(cal.parameters.path) == ["friction.access",
                                         "experience.trust_gain"]
    assert list(cal.targets.metric) == ["scripts_written", "revenue"]
    assert list(cal.targets.weight) == [1, 0.5]
    with pytest.raises(flywheel.ScenarioError):
        cal.objective
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.read_text().replace("scenario: brand.yaml",
                                            f"scenario: {GOOD.parent}/brand.yaml")
                   .replace("data: observed.csv",
                            f"data: {GOOD.parent}/observed.csv")
                   .replace("replications: 4", "replication: 4"))
    with pytest.raises(flywheel.ScenarioError) as e:
        flywheel.Calibration(bad)
    assert e.value.line == 3 and "did you mean 'replications'" in str(e.value)
