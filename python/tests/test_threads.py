"""Runs from Python threads: the GIL is released while a run computes,
and runs in two threads at once give what they give one after the
other."""
import threading
import time

import numpy as np

import flywheel
from conftest import SCENARIOS


def test_gil_is_released_while_a_run_computes():
    sc = flywheel.Scenario(SCENARIOS / "default.yaml")
    running = threading.Event()
    done = threading.Event()
    result = {}

    def work():
        running.set()
        result["run"] = sc.run(reps=16, months=24, threads=1)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    running.wait()
    ticks = 0
    while not done.is_set():
        time.sleep(0.002)
        ticks += 1
    t.join()
    # The run takes a good fraction of a second; had it held the GIL,
    # this thread could not have counted while it computed.
    assert result["run"].elapsed > 0.05
    assert ticks >= 10, f"{ticks} ticks in {result['run'].elapsed:.2f} s"


def test_two_runs_in_two_threads():
    sc = flywheel.Scenario(SCENARIOS / "uncertain.yaml")
    other = sc.copy()
    other.set("friction.onboarding", 0.2)
    results = {}

    def work(name, s):
        results[name] = s.run(reps=6, months=12, threads=1)

    threads = [threading.Thread(target=work, args=(n, s))
               for n, s in (("a", sc), ("b", other), ("c", sc))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alone = sc.run(reps=6, months=12, threads=2)
    assert np.array_equal(results["a"].values("npv"), alone.values("npv"))
    assert np.array_equal(results["c"].values("npv"), alone.values("npv"))
    b = other.run(reps=6, months=12)
    assert np.array_equal(results["b"].values("npv"), b.values("npv"))
    assert not np.array_equal(results["a"].values("npv"), b.values("npv"))
