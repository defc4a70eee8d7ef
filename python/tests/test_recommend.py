"""The recommendation from Python is the library's, and says what the
command prints: the same words for the same scenario and seed, and each
figure the paired comparison's."""
import math

import flywheel
from conftest import SCENARIOS, cli


def test_the_words_the_command_prints(tmp_path):
    file = SCENARIOS / "default.yaml"
    r = flywheel.Scenario(file).run(reps=12, months=24, seed=5, threads=2)
    rec = r.recommendation
    out = cli("run", "--no-plots", "--reps", 12, "--months", 24, "--seed", 5,
              "--threads", 1, "-o", tmp_path, file)
    assert "\n" + str(rec) in out
    assert rec.title.startswith(("Recommendation: ", "A close call: "))
    assert len(rec.lines) == len(r.variants) - 1


def test_figures_are_the_paired_comparison(tmp_path):
    r = flywheel.Scenario(SCENARIOS / "default.yaml").run(reps=20, seed=3)
    rec = r.recommendation
    compare = r.compare.set_index("variant")
    assert list(rec.options["option"]) == list(
        compare["dnpv_mean"].sort_values(ascending=False, kind="stable")
        .index)
    for _, o in rec.options.iterrows():
        c = compare.loc[o["option"]]
        assert o["dnpv_mean"] == c["dnpv_mean"]
        assert o["dnpv_p5"] == c["dnpv_p5"]
        assert o["p_dnpv_positive"] == c["p_dnpv_positive"]
        assert o["incremental_cost"] == c["incremental_cost"]
    assert rec.leader == rec.options["option"][0]
    assert rec.runner_up == rec.options["option"][1]
    npv = r.values("npv")
    lead = r.variants.index(rec.leader)
    runner = r.variants.index(rec.runner_up)
    d = npv[:, lead] - npv[:, runner]
    assert math.isclose(rec.lead["mean"], d.mean(), rel_tol=1e-12)
    assert rec.lead["p_ahead"] == (d > 0).mean()
    assert rec.p_best == (npv[:, lead] >= npv.max(axis=1)).mean()
    assert rec.close == (rec.call == "close")


def test_a_scenario_without_options():
    sc = flywheel.Scenario.from_string(
        "name: t\nhorizon_months: 12\nreplications: 3\nsegments:\n"
        "  - {name: a, hcps: 10, scripts_per_month: 1, initial: "
        "{engaged: 1}}\n")
    rec = sc.run().recommendation
    assert rec.call == "none" and rec.leader is None
    assert rec.options.empty and rec.lines == []
    assert str(rec) == ("No option to weigh: the scenario holds the "
                        "baseline only.\n")
