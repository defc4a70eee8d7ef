"""Sweeps and calibrations from dicts and text, Scenario.evaluate over a
matrix of points (the command's sweep of the same points), and Morris
elementary effects on functions whose effects are known."""
import numpy as np
import pandas as pd
import pytest

import flywheel
from conftest import DATA, SCENARIOS, cli

GRID = {
    "design": "grid",
    "replications": 4,
    "seed": 9,
    "months": 12,
    "parameters": [
        {"path": "friction.access", "range": [0.3, 0.5], "steps": 2},
        {"path": "friction.onboarding", "variant": "fix-onboarding",
         "values": [0.05, 0.2]}],
    "metrics": [{"dnpv": "fix-onboarding"}, {"npv": "baseline"}],
}


def small_scenario(folder):
    """default.yaml with a tenth of its market, as a file."""
    sc = flywheel.Scenario(SCENARIOS / "default.yaml")
    sc.set("segments.cardiology.hcps", 300)
    sc.set("segments.primary-care.hcps", 500)
    path = folder / "small.yaml"
    path.write_text(sc.to_yaml())
    return path


def test_evaluate_is_the_commands_sweep(tmp_path):
    file = small_scenario(tmp_path)
    sweep_file = tmp_path / "grid.yaml"
    sweep_file.write_text(flywheel.specs.json.dumps(dict(GRID,
                                                         scenario=file.name)))
    cli("sweep", "-q", "--no-plots", "-o", tmp_path / "out", sweep_file)
    table = pd.read_csv(tmp_path / "out" / "sweep.csv",
                        float_precision="round_trip")
    problem = {"num_vars": 2,
               "names": ["friction.access",
                         "fix-onboarding:friction.onboarding"],
               "bounds": [[0.3, 0.5], [0.05, 0.2]]}
    X = table[["friction.access",
               "fix_onboarding.friction.onboarding"]].to_numpy()
    Y = flywheel.Scenario(file).evaluate(problem, X, GRID["metrics"],
                                         reps=4, months=12, seed=9)
    want = table[["dnpv.fix_onboarding_mean", "npv.baseline_mean"]]
    assert Y.shape == (4, 2)
    np.testing.assert_array_equal(Y, want.to_numpy())


def test_evaluate_checks_its_arguments():
    sc = flywheel.Scenario(SCENARIOS / "default.yaml")
    problem = {"num_vars": 1, "names": ["friction.access"],
               "bounds": [[0.3, 0.5]]}
    with pytest.raises(ValueError, match="2 columns|1 columns"):
        sc.evaluate(problem, np.zeros((3, 2)), [{"npv": "baseline"}])
    with pytest.raises(flywheel.ScenarioError, match="friction.acess"):
        sc.evaluate(dict(problem, names=["friction.acess"]), [[0.4]],
                    [{"npv": "baseline"}])


def test_sweep_from_dict_text_and_set_is_the_file(tmp_path):
    file = small_scenario(tmp_path)
    spec = dict(GRID, scenario=str(file))
    sweep_file = tmp_path / "grid.yaml"
    sweep_file.write_text(flywheel.specs.json.dumps(spec))
    from_file = flywheel.Sweep(sweep_file)
    from_file.set("friction.support", 0.3)
    from_dict = flywheel.Sweep.from_dict(spec)
    from_dict.set("friction.support", 0.3)
    from_text = flywheel.Sweep.from_string(sweep_file.read_text(),
                                           name=str(sweep_file))
    from_text.set("friction.support", 0.3)
    want = from_file.run(progress=False)
    pd.testing.assert_frame_equal(from_dict.run(progress=False), want)
    pd.testing.assert_frame_equal(from_text.run(progress=False), want)
    cli("sweep", "-q", "--no-plots", "--set", "friction.support=0.3", "-o",
        tmp_path / "out", sweep_file)
    table = pd.read_csv(tmp_path / "out" / "sweep.csv",
                        float_precision="round_trip").drop(columns="row_hash")
    pd.testing.assert_frame_equal(want, table, check_dtype=False)
    with pytest.raises(flywheel.ScenarioError):
        from_dict.set("friction.support", 7)
    assert from_dict.scenario(0).value("friction.support") == 0.3


def test_sweep_text_errors_name_the_text():
    with pytest.raises(flywheel.ScenarioError) as e:
        flywheel.Sweep.from_string("design: grid\n", name="mine.yaml")
    assert e.value.file == "mine.yaml"


def test_calibration_from_a_dataframe_is_the_file():
    good = DATA / "calibration" / "good.yaml"
    observed = pd.read_csv(DATA / "calibration" / "observed.csv",
                           comment="#")
    spec = {"scenario": str(DATA / "calibration" / "brand.yaml"),
            "replications": 4,
            "parameters": [{"path": "friction.access", "range": [0.1, 0.7]},
                           {"path": "experience.trust_gain"}],
            "targets": [{"metric": "scripts_written"},
                        {"metric": "revenue", "weight": 0.5}]}
    a = flywheel.Calibration(good).fit(progress=False)
    b = flywheel.Calibration.from_dict(spec, data=observed).fit(
        progress=False)
    pd.testing.assert_frame_equal(a.fit_table(), b.fit_table())
    pd.testing.assert_frame_equal(a.series(), b.series())
    # the scenario as a Scenario, changed with set()
    sc = flywheel.Scenario(DATA / "calibration" / "brand.yaml")
    sc.set("friction.support", 0.3)
    c = flywheel.Calibration.from_dict(dict(spec, scenario=sc, data=observed))
    assert c.fit(progress=False).fitted().value("friction.support") == 0.3
    # set() on a calibration read from its file: the same fit
    d = flywheel.Calibration(good)
    with pytest.raises(flywheel.ScenarioError, match="friction.suport"):
        d.set("friction.suport", 0.3)
    d.set("friction.support", 0.3)
    assert d.file == str(good)
    pd.testing.assert_frame_equal(d.fit(progress=False).fit_table(),
                                  c.fit_table())
    with pytest.raises(flywheel.ScenarioError, match="before fit"):
        d.set("friction.support", 0.2)


# Morris elementary effects on f = 3 a + b c + d^2 (e inert), on inputs of
# different ranges: a's effect is 3 per unit, so 3 x its range everywhere
# (sigma 0); e has none; b and c interact and d is curved (sigma > 0).
PROBLEM = {"num_vars": 5, "names": ["a", "b", "c", "d", "e"],
           "bounds": [[0, 2], [0, 1], [1, 3], [-1, 1], [5, 6]]}


def f(X):
    a, b, c, d, e = X.T
    return 3 * a + b * c + d ** 2


def test_morris_on_known_effects():
    X = flywheel.morris.sample(PROBLEM, trajectories=40, levels=4, seed=2)
    assert X.shape == (40 * 6, 5)
    lo, hi = np.array(PROBLEM["bounds"]).T
    assert np.all(X >= lo) and np.all(X <= hi + 1e-12)
    m = flywheel.morris.analyze(PROBLEM, X, f(X))
    assert m.loc["a", "mu"] == pytest.approx(6, abs=1e-12)
    assert m.loc["a", "mu_star"] == pytest.approx(6, abs=1e-12)
    assert m.loc["a", "sigma"] == pytest.approx(0, abs=1e-12)
    assert (m.loc["e"] == 0).all()
    for x in "bcd":
        assert m.loc[x, "sigma"] > 0.1
    # b's effect is c over b's range 1: its mean is c's mean, 2
    ee = flywheel.morris.effects(PROBLEM, X, f(X))
    c_at_b = []
    for t in range(40):
        rows = X[t * 6:(t + 1) * 6]
        step = np.flatnonzero(np.abs(np.diff(rows[:, 1])) > 0)[0]
        c_at_b.append(rows[step, 2])
    np.testing.assert_allclose(ee[:, 1], c_at_b, atol=1e-12)
    # d^2 on [-1, 1]: an effect of delta = 2/3 of the range from x is
    # ((x + 4/3)^2 - x^2) / (2/3) for a step up
    assert m.loc["d", "mu_star"] > 0


def test_morris_refuses_what_is_not_a_design():
    X = flywheel.morris.sample(PROBLEM, trajectories=3, seed=1)
    X[1] = X[0]
    with pytest.raises(ValueError, match="not a Morris design"):
        flywheel.morris.analyze(PROBLEM, X, f(X))
    with pytest.raises(ValueError, match="even"):
        flywheel.morris.sample(PROBLEM, 4, levels=3)
