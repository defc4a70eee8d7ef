"""Every limit the package checks is the library's: FW_MAX_THREADS of
flywheel.h and the ranges of keys.def, none written in Python."""
import re

import pytest

import flywheel
from flywheel._lib import lib
from conftest import DATA, SMALL, SRC
from test_sweep import small


def header_threads():
    text = (SRC / "sim" / "flywheel.h").read_text()
    return int(re.search(r"^#define FW_MAX_THREADS (\d+)$", text,
                         re.M).group(1))


def test_threads_are_flywheel_h():
    most = lib.fw_max_threads()
    assert most == header_threads()
    sc = flywheel.Scenario.from_string(SMALL)
    with pytest.raises(ValueError, match=rf"threads must be in 1\.\.{most}"):
        sc.run(reps=1, months=1, threads=most + 1)
    with pytest.raises(ValueError, match=rf"1\.\.{most}"):
        flywheel.Calibration(DATA / "calibration" / "good.yaml",
                             threads=most + 1)


def test_run_limits_are_keys():
    sc = flywheel.Scenario.from_string(SMALL)
    for arg, path in (("reps", "replications"),
                      ("months", "horizon_months")):
        hi = int(flywheel.key(path)["hi"])
        with pytest.raises(ValueError, match=rf"{arg} must be in .*{hi}"):
            sc.run(**{arg: hi + 1})


def test_sweep_limits_are_keys(tmp_path):
    sw = flywheel.Sweep(small("tornado", tmp_path))
    hi = int(flywheel.keys.key("replications", "sweep")["hi"])
    with pytest.raises(ValueError, match=rf"replications must be in .*{hi}"):
        sw.replications = hi + 1
    # the library refuses it too, from its own table
    assert lib.fw_sweep_set_replications(sw._ptr, hi + 1) != 0
    sw.replications = hi
    assert sw.replications == hi
