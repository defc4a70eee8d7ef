"""Runs and their results: the tables, the arrays, and how they agree."""
import numpy as np
import pandas as pd
import pytest

import flywheel
from conftest import SCENARIOS, SMALL


def test_tables_have_the_commands_columns(small_run):
    r = small_run
    V, R, T = 3, 9, 14
    assert r.variants == ["baseline", "fix", "hub"]
    assert (r.reps, r.months, r.seed) == (R, T, 31)
    M, K = len(flywheel.metrics()), len(flywheel.series())
    assert list(r.summary.columns) == [
        "variant", "metric", "mean", "sd", "se", "min", "p5", "p25", "p50",
        "p75", "p95", "max", "es5"]
    assert len(r.summary) == V * M
    assert list(r.timeseries.columns) == ["variant", "month", "metric",
                                          "mean", "p5", "p50", "p95"]
    assert len(r.timeseries) == V * T * K
    assert list(r.replications.columns) == ["replication", "variant"] + \
        flywheel.metrics() + ["friction.access"]
    assert len(r.replications) == V * R
    assert list(r.compare.variant) == ["fix", "hub"]
    assert r.compare.columns[0] == "variant" and len(r.compare.columns) == 23
    assert len(r.paired) == (V - 1) * T


def test_values_are_the_replications_table(small_run):
    reps = small_run.replications
    for metric in ("npv", "revenue", "advocate"):
        x = small_run.values(metric)
        assert x.shape == (9, 3)
        assert np.array_equal(x.ravel(), reps[metric].to_numpy())
    d = small_run.draws("friction.access")
    assert np.array_equal(d.ravel(), reps["friction.access"].to_numpy(),
                          equal_nan=True)
    # the hub variant sets access friction itself: it draws nothing
    assert np.isnan(d[:, 2]).all() and (d[:, :2] >= 0.3).all()
    assert np.array_equal(d[:, 0], d[:, 1])     # common random numbers


def test_summary_is_the_statistics_of_the_values(small_run):
    s = small_run.summary.set_index(["variant", "metric"])
    x = small_run.values("npv")[:, 1]
    row = s.loc[("fix", "npv")]
    assert row["mean"] == pytest.approx(x.mean(), rel=1e-14)
    assert row["sd"] == pytest.approx(x.std(ddof=1), rel=1e-12)
    assert row["min"] == x.min() and row["max"] == x.max()
    for p in (5, 25, 50, 75, 95):
        assert row[f"p{p}"] == pytest.approx(np.percentile(x, p), rel=1e-14)
    assert row["es5"] == np.sort(x)[0]             # ceil(0.05 * 9) = 1
    assert s["es5"].drop(index="npv", level="metric").isna().all()


def test_compare_is_the_paired_difference(small_run):
    npv = small_run.values("npv")
    c = small_run.compare.set_index("variant")
    d = npv[:, 2] - npv[:, 0]
    assert c.loc["hub", "dnpv_mean"] == pytest.approx(d.mean(), rel=1e-12)
    assert c.loc["hub", "p_dnpv_positive"] == (d > 0).mean()
    assert str(c["payback_month"].dtype) == "Int64"


def test_monthly_series(small_run):
    rev = small_run.monthly("revenue")
    assert rev.shape == (9, 3, 14)
    ts = small_run.timeseries
    mean = ts[(ts.metric == "revenue") & (ts.variant == "hub")]["mean"]
    # kept per replication in single precision; the means come from sums
    assert np.allclose(rev[:, 2, :].mean(axis=0), mean, rtol=1e-6)
    total = small_run.values("revenue")
    assert np.allclose(rev.sum(axis=2), total, rtol=1e-6)
    with pytest.raises(flywheel.ScenarioError, match="not kept"):
        small_run.monthly("adopter")
    with pytest.raises(flywheel.ScenarioError, match="no series"):
        small_run.monthly("nothing")
    with pytest.raises(flywheel.ScenarioError, match="no metric"):
        small_run.values("nothing")


def test_tables_read_back_from_the_files(small_run, tmp_path):
    small_run.write(tmp_path)
    for name in ("summary", "timeseries", "replications", "compare",
                 "paired"):
        back = pd.read_csv(tmp_path / f"{name}.csv",
                           float_precision="round_trip")
        pd.testing.assert_frame_equal(getattr(small_run, name), back,
                                      check_dtype=False)


def test_threads_change_no_result(small):
    one = small.run(threads=1)
    three = small.run(threads=3)
    assert three.threads == 3
    for m in flywheel.metrics():
        assert np.array_equal(one.values(m), three.values(m))
    pd.testing.assert_frame_equal(one.timeseries, three.timeseries)
    pd.testing.assert_frame_equal(one.paired, three.paired)


def test_options_replace_the_files():
    sc = flywheel.Scenario(SCENARIOS / "default.yaml")
    r = sc.run(reps=3, months=5, seed=11)
    assert (r.reps, r.months, r.seed) == (3, 5, 11)
    assert r.scenario_file == str(SCENARIOS / "default.yaml")
    assert r.scenario_hash == sc.hash
    other = sc.run(reps=3, months=5, seed=12)
    assert not np.array_equal(r.values("npv"), other.values("npv"))


@pytest.mark.parametrize("options, error", [
    ({"reps": 0}, ValueError), ({"reps": 2**32}, ValueError),
    ({"months": 601}, ValueError), ({"months": 0}, ValueError),
    ({"seed": -1}, ValueError), ({"seed": 2**64}, ValueError),
    ({"threads": 0}, ValueError), ({"reps": True}, TypeError),
    ({"reps": 2.5}, TypeError),
])
def test_bad_options(small, options, error):
    with pytest.raises(error):
        small.run(**options)


def test_a_run_keeps_its_own_copy(small):
    r = small.run(reps=4)
    before = r.values("npv").copy()
    small.set("friction.onboarding", 0.01)
    small.add_variant("late")
    assert r.variants == ["baseline", "fix", "hub"]
    assert np.array_equal(r.values("npv"), before)
    assert len(r.summary) == 3 * len(flywheel.metrics())


def test_a_value_beyond_its_limit_is_refused_with_the_reason():
    # Every accepted value runs to finite results; one beyond its limit
    # never reaches a run.
    huge = SMALL.replace("variants:", "economics: {price_per_patient_month: "
                         "1e308}\nvariants:")
    with pytest.raises(flywheel.ScenarioError,
                       match="no therapy brings in more than") as e:
        flywheel.Scenario.from_string(huge)
    assert e.value.status == 3


def test_value_of_information_is_the_command_s(small_run, tmp_path):
    import pandas as pd
    from conftest import cli, SMALL
    voi = small_run.value_of_information()
    (tmp_path / "small.yaml").write_text(SMALL)
    cli("run", "-q", "--no-plots", "-o", tmp_path / "out",
        tmp_path / "small.yaml")
    written = pd.read_csv(tmp_path / "out" / "voi.csv")
    assert list(voi.columns) == list(written.columns)
    assert list(voi.measure) == list(written.measure)
    assert list(voi.subject) == list(written.subject)
    # the table's numbers are written to 16 significant digits
    assert np.allclose(voi.value, written.value, rtol=1e-15, atol=0)
    assert np.allclose(voi.se, written.se, rtol=1e-15, atol=0,
                       equal_nan=True)
    evppi = voi[voi.measure == "evppi"].value
    evpi = voi[voi.measure == "evpi"].value.iloc[0]
    assert (evppi >= 0).all() and (evppi <= evpi + 1e-9).all()
