"""Scenarios: loading, errors with their place, changing keys."""
import re

import numpy as np
import pytest

import flywheel
from conftest import DATA, SCENARIOS, SMALL


def test_load_file():
    sc = flywheel.Scenario(SCENARIOS / "default.yaml")
    assert sc.name == "Fix onboarding or add channels?"
    assert sc.variants == ["baseline", "fix-onboarding", "add-channels",
                           "fix-access"]
    assert (sc.horizon, sc.replications, sc.seed) == (60, 1000, 20261122)
    assert sc.file == str(SCENARIOS / "default.yaml")
    assert sc.hash == fnv1a64((SCENARIOS / "default.yaml").read_bytes())
    assert sc.descriptions["fix-access"] == \
        "Access hub that gets written scripts filled"
    assert sc.descriptions["baseline"] is None


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = (h ^ b) * 0x100000001b3 % 2**64
    return f"fnv1a64:{h:016x}"


def test_from_string_is_the_file():
    text = (SCENARIOS / "default.yaml").read_text()
    a = flywheel.Scenario(SCENARIOS / "default.yaml")
    b = flywheel.Scenario.from_string(text, name="mine.yaml")
    assert b.file == "mine.yaml"
    assert a.hash == b.hash
    assert a.to_yaml() == b.to_yaml()


@pytest.mark.parametrize("name", ["minimal", "real-world"])
def test_to_yaml_is_what_check_shows(name):
    want = (DATA / "good" / f"{name}.out").read_text().split("\n", 1)[1]
    assert flywheel.Scenario(DATA / "good" / f"{name}.yaml").to_yaml() == want
    # and it loads as a scenario itself, which gives every value
    def values(text):
        return re.sub(r"  # default$", "", text, flags=re.M)
    again = flywheel.Scenario.from_string(want)
    assert values(again.to_yaml()) == values(want)


BAD = sorted((DATA / "bad").glob("*.yaml"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_gives_the_commands_message(path, monkeypatch):
    monkeypatch.chdir(path.parent)
    with pytest.raises(flywheel.ScenarioError) as e:
        flywheel.Scenario(path.name)
    # The command shows control characters as \\xNN (C1 as \\u00NN).
    got = re.sub("[\x00-\x1f\x7f]", lambda m: "\\x%02x" % ord(m.group()),
                 str(e.value))
    got = re.sub("[\x80-\x9f]", lambda m: "\\u%04x" % ord(m.group()), got)
    assert got == path.with_suffix(".err").read_text().rstrip("\n")
    assert e.value.status == 3 and isinstance(e.value, ValueError)
    assert e.value.file == path.name


def test_error_has_its_parts():
    text = SMALL.replace("hcps: 200", "hcps: -3")
    with pytest.raises(flywheel.ScenarioError) as e:
        flywheel.Scenario.from_string(text, name="s.yaml")
    err = e.value
    assert (err.file, err.line, err.path) == ("s.yaml", 8, "segments[1].hcps")
    assert err.column == text.splitlines()[7].index("-3") + 1
    assert err.message == "must be a whole number from 0 to 10000000 " \
        "(got -3)"
    assert str(err) == f"s.yaml:8:{err.column}: segments[1].hcps: " + \
        err.message


def test_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(flywheel.FileError) as e:
        flywheel.Scenario(tmp_path / "nope.yaml")
    assert isinstance(e.value, OSError) and e.value.status == 4
    assert e.value.file == str(tmp_path / "nope.yaml")


def test_set_baseline_reaches_variants_that_do_not_set_it(small):
    small.set("friction.onboarding", 0.2)
    assert small.value("friction.onboarding") == 0.2
    assert small.value("friction.onboarding", "hub") == 0.2
    assert small.value("friction.onboarding", "fix") == 0.1


def test_set_in_one_variant(small):
    small.set("friction.prescribe", 0.3, variant="hub")
    assert small.value("friction.prescribe", "hub") == 0.3
    assert small.value("friction.prescribe") == 0.1
    assert small.value("friction.prescribe", "fix") == 0.1
    # the variant now sets it itself: a change of the baseline passes by
    small.set("friction.prescribe", 0.05)
    assert small.value("friction.prescribe", "hub") == 0.3


def test_set_distribution(small):
    small.set("economics.price_per_patient_month",
              {"dist": "uniform", "min": 400, "max": np.float64(600)})
    assert small.is_uncertain("economics.price_per_patient_month")
    assert small.value("economics.price_per_patient_month", q=0.25) == 450
    small.set("economics.price_per_patient_month",
              "{dist: uniform, min: 100, max: 200}")
    assert small.value("economics.price_per_patient_month", q=0.5) == 150
    small.set("economics.price_per_patient_month", np.int64(480))
    assert not small.is_uncertain("economics.price_per_patient_month")


def test_set_segment_and_channel_by_name(small):
    small.set("segments.b.hcps", 250)
    small.set("channels.rep.reach", 0.1)
    assert small.value("segments.b.hcps") == 250
    assert small.value("channels.rep.reach", "fix") == 0.1


@pytest.mark.parametrize("path, value, message", [
    ("friction.access", 1.5, "friction.access: must be a number in [0, 1] "
     "(got 1.5)"),
    ("friction.acess", 0.3, "friction.acess: no such key to set (did you "
     "mean 'friction.access'?)"),
    ("friction.access", True, "friction.access: must be a number"),
    ("friction.access", float("nan"), "friction.access: must be a number"),
])
def test_bad_set_leaves_the_scenario_as_it_was(small, path, value, message):
    before = small.to_yaml()
    with pytest.raises(flywheel.ScenarioError) as e:
        small.set(path, value)
    assert message in str(e.value)
    assert e.value.path == path
    assert small.to_yaml() == before


def test_unknown_variant(small):
    with pytest.raises(flywheel.ScenarioError, match="no variant named 'x'"):
        small.set("friction.access", 0.3, variant="x")
    with pytest.raises(flywheel.ScenarioError):
        small.value("friction.access", "x")
    with pytest.raises(flywheel.ScenarioError):
        small.is_uncertain("friction.nothing")


def test_add_variant(small):
    small.add_variant("cheap-hub", base="hub")
    small.set("program_cost.monthly", 100, variant="cheap-hub")
    assert small.variants[-1] == "cheap-hub"
    assert small.value("friction.access", "cheap-hub") == 0.25
    with pytest.raises(flywheel.ScenarioError, match="the name is taken"):
        small.add_variant("hub")
    r = small.run(reps=2)
    assert r.variants == small.variants
    assert list(r.compare.variant) == ["fix", "hub", "cheap-hub"]


def test_copy_is_independent(small):
    other = small.copy()
    other.set("friction.access", 0.1)
    assert small.is_uncertain("friction.access")
    assert other.value("friction.access") == 0.1


@pytest.mark.parametrize("call", [
    lambda sc: flywheel.key(None),
    lambda sc: flywheel.key(5),
    lambda sc: sc.set(None, 0.2),
    lambda sc: sc.set("friction.access", 0.2, variant=3),
    lambda sc: sc.set(b"friction.access", 0.2),
    lambda sc: sc.value(None),
    lambda sc: sc.value("friction.access", variant=b"hub"),
    lambda sc: sc.is_uncertain(None),
    lambda sc: sc.add_variant(None),
    lambda sc: sc.add_variant("more", base=1),
    lambda sc: flywheel.Scenario.from_string(None),
    lambda sc: flywheel.Scenario.from_string(SMALL, name=None),
])
def test_not_a_text_is_a_type_error(call):
    """What must be a str and is not raises TypeError (never reaches the
    library as a NULL)."""
    sc = flywheel.Scenario.from_string(SMALL)
    before = sc.to_yaml()
    with pytest.raises(TypeError):
        call(sc)
    assert sc.to_yaml() == before


@pytest.mark.parametrize("call", [
    lambda sc: flywheel.key("friction.access\0x"),
    lambda sc: sc.set("friction.access\0x", 0.2),
    lambda sc: sc.set("friction.access", "0.2\0 junk"),
    lambda sc: sc.value("friction.access\0x"),
    lambda sc: sc.is_uncertain("friction.access\0x"),
    lambda sc: sc.add_variant("new\0er"),
    lambda sc: flywheel.Scenario(str(SCENARIOS / "default.yaml") + "\0x"),
])
def test_a_nul_in_a_text_is_a_value_error(call):
    """A NUL would cut the text short in C, and a name or value would be
    taken for another: refused."""
    sc = flywheel.Scenario.from_string(SMALL)
    with pytest.raises(ValueError):
        call(sc)
