"""The package and the flywheel command agree to the byte: the same
scenario, seed and settings give the same tables, and the key table is
the one `flywheel params` prints."""
import json
import subprocess

import pytest

import flywheel
from conftest import SCENARIOS, SMALL, cli

TABLES = ("summary.csv", "timeseries.csv", "replications.csv", "compare.csv",
          "paired.csv")
# What run.json may say differently of two runs with the same results.
CIRCUMSTANCES = ("threads", "elapsed_seconds", "finished", "command_line")


def same_files(a, b):
    for name in TABLES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    ja = json.loads((a / "run.json").read_text())
    jb = json.loads((b / "run.json").read_text())
    assert list(ja) == list(jb)
    for k in CIRCUMSTANCES:
        del ja[k], jb[k]
    assert ja == jb
    # and the lines that are the same are written the same way
    la = [l for l in (a / "run.json").read_text().splitlines()
          if not l.strip().startswith(tuple(f'"{k}"' for k in CIRCUMSTANCES))]
    lb = [l for l in (b / "run.json").read_text().splitlines()
          if not l.strip().startswith(tuple(f'"{k}"' for k in CIRCUMSTANCES))]
    assert la == lb


def test_default_scenario_as_the_command_runs_it(tmp_path):
    file = SCENARIOS / "default.yaml"
    sc = flywheel.Scenario(file)
    sc.set("friction.access", 0.30)
    r = sc.run(reps=6, months=18, seed=7, threads=2)
    r.write(tmp_path / "py")
    cli("run", "--no-plots", "-q", "--reps", 6, "--months", 18, "--seed", 7,
        "--threads", 1, "--set", "friction.access=0.30", "-o",
        tmp_path / "cli", file)
    same_files(tmp_path / "py", tmp_path / "cli")
    meta = json.loads((tmp_path / "py" / "run.json").read_text())
    assert meta["threads"] == 2 and meta["scenario_hash"] == sc.hash
    # what an auditor checks the file against
    sha = subprocess.run(["sha256sum", str(file)], capture_output=True,
                         text=True, check=True).stdout.split()[0]
    assert meta["scenario_sha256"] == sha == sc.sha256
    assert meta["overrides"] == [{"variant": None,
                                  "path": "friction.access", "value": "0.3"}]
    assert meta["processes"] == 1


def test_uncertain_inputs_and_a_distribution_set(tmp_path):
    file = SCENARIOS / "uncertain.yaml"
    sc = flywheel.Scenario(file)
    # as the command's --set gives it, so that run.json records the same
    sc.set("experience.trust_gain", "{dist: uniform, min: 0.04, max: 0.08}")
    sc.run(reps=5, months=13).write(tmp_path / "py", command_line="x")
    cli("run", "--no-plots", "-q", "--reps", 5, "--months", 13, "--set",
        "experience.trust_gain={dist: uniform, min: 0.04, max: 0.08}",
        "-o", tmp_path / "cli", file)
    same_files(tmp_path / "py", tmp_path / "cli")
    header = (tmp_path / "py" / "replications.csv").open().readline()
    assert "experience.trust_gain" in header.rstrip().split(",")
    assert json.loads((tmp_path / "py" / "run.json").read_text())[
        "command_line"] == "x"


# Names a CSV must quote, or a spreadsheet would run as a formula.
AWKWARD = SMALL.replace("name: a,", 'name: "HYPERLINK(1,2)",').replace(
    "name: b,", 'name: "b, \\"the\\" other",').replace(
    "hcps: 300,", "hcps: 300, trust: {dist: uniform, min: 0.4, max: 0.6},"
).replace("  fix:", '  "fix+":').replace("  hub:", '  "hub@":') + \
    '  "minus-":\n    set: {"segments.b, \\"the\\" other.trust": 0.9}\n'


def test_awkward_names_are_quoted_and_defused(tmp_path):
    file = tmp_path / "awkward.yaml"
    file.write_text(AWKWARD)
    flywheel.Scenario(file).run(reps=3).write(tmp_path / "py")
    cli("run", "--no-plots", "-q", "--reps", 3, "-o", tmp_path / "cli", file)
    same_files(tmp_path / "py", tmp_path / "cli")
    text = (tmp_path / "py" / "replications.csv").read_text()
    assert text.splitlines()[0].endswith(',"segments.HYPERLINK(1,2).trust"')
    assert "fix+" in text and "minus-" in text and "hub@" in text
    # A name that a spreadsheet would run is refused at load.
    with pytest.raises(flywheel.ScenarioError, match="spreadsheets"):
        flywheel.Scenario.from_string(SMALL.replace("name: a,",
                                                    'name: "=A1",'))


@pytest.mark.parametrize("kind", ["scenario", "sweep", "calibration"])
def test_params_is_the_commands_table(kind):
    import csv
    import io
    import math
    text = cli("params", "--format", "csv", "--kind", kind)
    rows = list(csv.DictReader(io.StringIO(text)))
    p = flywheel.params(kind)
    assert list(p.path) == [r["key"] for r in rows]
    assert list(p.range) == [r["range"] for r in rows]
    assert list(p.meaning) == [r["meaning"] for r in rows]
    real = flywheel._lib.formatter()
    for (_, k), r in zip(p.iterrows(), rows):
        if k.required:
            assert r["default"] == "required"
        elif k.default_text == "-":
            assert r["default"] == ""
        elif k.default_text is not None:
            assert r["default"] == k.default_text
        elif not math.isnan(k.default):
            assert r["default"] == real(k.default)
    assert set(p.type) <= {"text", "integer", "number", "mapping", "list",
                           "boolean"}


def test_key():
    access = flywheel.key("friction.access")
    assert (access["lo"], access["hi"], access["default"]) == (0, 1, 0.42)
    assert access["file"] == "scenario" and access["required"] is False
    with pytest.raises(flywheel.ScenarioError):
        flywheel.key("friction.nothing")
    with pytest.raises(ValueError):
        flywheel.params("plot")


def test_version_is_the_commands():
    assert cli("--version").split()[1] == flywheel.__version__


def test_calibrated_scenario_names_its_fit(tmp_path):
    """run.json of a scenario a calibration made names the fit table,
    from Python as from the command."""
    from conftest import SMALL
    file = tmp_path / "calibrated.yaml"
    file.write_text(SMALL + 'calibration: "fit.csv"\n')
    flywheel.Scenario(file).run(reps=3).write(tmp_path / "py")
    cli("run", "--no-plots", "-q", "--reps", 3, "-o", tmp_path / "cli", file)
    same_files(tmp_path / "py", tmp_path / "cli")
    meta = json.loads((tmp_path / "py" / "run.json").read_text())
    assert meta["calibration"] == str(tmp_path / "fit.csv")


def test_relative_fit_table_named_from_the_results(tmp_path, monkeypatch):
    """A fit table named relatively is recorded from the results
    directory, as the command records it, so a replot from anywhere
    finds it."""
    (tmp_path / "sc").mkdir()
    (tmp_path / "sc" / "calibrated.yaml").write_text(
        SMALL + 'calibration: "fit.csv"\n')
    monkeypatch.chdir(tmp_path)
    file = "sc/calibrated.yaml"
    flywheel.Scenario(file).run(reps=3).write("res/py")
    cli("run", "--no-plots", "-q", "--reps", 3, "-o", "res/cli", file)
    py = json.loads((tmp_path / "res" / "py" / "run.json").read_text())
    cmd = json.loads((tmp_path / "res" / "cli" / "run.json").read_text())
    assert py["calibration"] == cmd["calibration"] == "../../sc/fit.csv"


def test_write_never_follows_a_planted_link(tmp_path):
    """Links planted at a table's name, or at the temporary names an
    earlier version used, are never written through: the file they
    point at outside stays as it was."""
    import os
    victim = tmp_path / "victim"
    victim.write_text("keep\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.csv").symlink_to(victim)
    planted = [out / f".{name}.{os.getpid()}.tmp"
               for name in TABLES + ("run.json",)]
    for link in planted:
        link.symlink_to(victim)
    flywheel.Scenario(SCENARIOS / "default.yaml").run(
        reps=2, months=6).write(out)
    assert victim.read_text() == "keep\n"
    assert not (out / "summary.csv").is_symlink()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        TABLES + ("run.json",) + tuple(p.name for p in planted))
