"""Interactive use: a run in steps gives the bytes of a run in one call,
reports its progress, stops on Ctrl-C with KeyboardInterrupt, and a
Scenario or Run crosses to another process (pickle) unchanged."""
import concurrent.futures
import multiprocessing
import pickle
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd

import flywheel
from flywheel import _lib, run as runmod
from conftest import SCENARIOS, SMALL

TABLES = ("summary", "timeseries", "replications", "compare", "paired")


def one_call(sc, reps, months, seed, threads):
    """The run as one call of the library (fw_run_finish)."""
    opt = _lib.FwRunOptions(reps, months, 1, seed, threads)
    r = runmod.Run._alloc(runmod._copy_scenario(sc._ptr), opt)
    _lib.call(_lib.lib.fw_run_finish, r._run)
    return r


def same_tables(a, b):
    for t in TABLES:
        pd.testing.assert_frame_equal(getattr(a, t), getattr(b, t),
                                      check_exact=True)


def test_steps_give_the_bytes_of_one_call(monkeypatch):
    sc = flywheel.Scenario.from_string(SMALL, name="small.yaml")
    seen = []
    # the shortest steps there are: one block per thread each
    monkeypatch.setattr(runmod, "STEP_SECONDS", 0.0)
    stepped = sc.run(reps=40, seed=5, threads=2,
                     progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 5 and seen[-1] == (40, 40)
    assert all(a[0] < b[0] for a, b in zip(seen, seen[1:]))
    same_tables(stepped, one_call(sc, 40, 0, 5, 2))


def test_no_bar_unless_watched(capsys):
    flywheel.Scenario.from_string(SMALL).run(reps=3)
    assert capsys.readouterr().err == ""
    flywheel.Scenario.from_string(SMALL).run(reps=3, progress=True)
    assert "run  [" in capsys.readouterr().err


INTERRUPTED = textwrap.dedent("""\
    import os, signal, sys, time
    import flywheel
    sc = flywheel.Scenario(sys.argv[1])
    last = []
    def progress(done, total):
        last.append((done, total, time.monotonic()))
        if len(last) == 1:
            print("started", flush=True)
    try:
        sc.run(reps=4000, threads=1, progress=progress)
    except KeyboardInterrupt:
        done, total, at = last[-1]
        print("interrupted", done, total, flush=True)
        print(f"stopped {time.monotonic() - at:.2f} s after the last step",
              file=sys.stderr)
        sys.exit(0)
    print("finished", flush=True)
""")


def test_ctrl_c_stops_a_run(tmp_path):
    script = tmp_path / "long.py"
    script.write_text(INTERRUPTED)
    p = subprocess.Popen([sys.executable, str(script),
                          str(SCENARIOS / "default.yaml")],
                         stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    assert p.stdout.readline() == "started\n"
    p.send_signal(signal.SIGINT)
    out = p.stdout.read()
    assert p.wait(timeout=600) == 0
    word, done, total = out.split()
    assert word == "interrupted" and int(done) < int(total) == 4000
    assert list(tmp_path.iterdir()) == [script]     # nothing written


def test_write_interrupted_leaves_no_file(tmp_path, monkeypatch, small_run):
    from flywheel import tables
    real = tables._write

    def written_then_ctrl_c(*args):
        real(*args)             # every table in its temporary file
        raise KeyboardInterrupt
    monkeypatch.setattr(tables, "_write", written_then_ctrl_c)
    try:
        small_run.write(tmp_path / "out")
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("no KeyboardInterrupt")
    assert not (tmp_path / "out").exists() or \
        list((tmp_path / "out").iterdir()) == []


def run_in_pool(sc):
    return sc.run(reps=7, seed=3, threads=1, progress=False)


def test_pickle_across_processes():
    sc = flywheel.Scenario(SCENARIOS / "uncertain.yaml")
    sc.set("friction.access", 0.31)
    sc.set("experience.trust_gain", {"dist": "uniform", "min": 0.04,
                                     "max": 0.08}, variant="fix-onboarding")
    sc.add_variant("cheaper", base="fix-onboarding")
    sc.set("program_cost.monthly", 90000, variant="cheaper")
    here = sc.run(reps=7, seed=3, threads=1, progress=False)
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as pool:
        there = list(pool.map(run_in_pool, [sc, sc.copy()]))
    for r in there:
        same_tables(r, here)
        assert r.overrides == here.overrides == sc.overrides
        assert r.scenario_sha256 == sc.sha256
        assert r.scenario_hash == sc.hash
        assert r.variants == here.variants


def test_pickled_run_and_scenario_are_the_same(small_run):
    r = pickle.loads(pickle.dumps(small_run))
    same_tables(r, small_run)
    np.testing.assert_array_equal(r.monthly("revenue"),
                                  small_run.monthly("revenue"))
    assert (r.reps, r.months, r.seed) == (small_run.reps, small_run.months,
                                          small_run.seed)
    sc = flywheel.Scenario.from_string(SMALL, name="small.yaml")
    sc.set("friction.access", 0.33)
    back = pickle.loads(pickle.dumps(sc))
    assert back.to_yaml() == sc.to_yaml() and back.hash == sc.hash
    assert back.file == "small.yaml" and back.overrides == sc.overrides


def test_an_interrupted_fit_goes_on_to_the_same_fit():
    from conftest import DATA
    good = DATA / "calibration" / "good.yaml"
    whole = flywheel.Calibration(good).fit(progress=False)
    cal = flywheel.Calibration(good)
    steps = []

    def ctrl_c_at_the_third(*progress):
        steps.append(progress)
        if len(steps) == 3:
            raise KeyboardInterrupt
    try:
        cal.fit(progress=ctrl_c_at_the_third)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("no KeyboardInterrupt")
    assert not cal.done
    cal.fit(progress=False)
    pd.testing.assert_frame_equal(cal.fit_table(), whole.fit_table())
    pd.testing.assert_frame_equal(cal.series(), whole.series())
