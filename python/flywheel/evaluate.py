"""A scenario evaluated at a matrix of points, one row per point and one
column per input, as samplers such as SALib's lay them out: each point a
run on the same random numbers, each metric its mean over the
replications, as sweep.csv's METRIC_mean columns hold them."""
import ctypes

import numpy as np

from . import _lib
from ._lib import lib
from .progress import reporter


def problem_inputs(problem):
    """The (variant or None, path) of each input a SALib-style problem
    names ("path" or "variant:path", as a sweep labels its parameters),
    checked against num_vars and bounds."""
    try:
        names = list(problem["names"])
    except (TypeError, KeyError):
        raise ValueError("a problem is a dict with 'names' (and "
                         "'num_vars', 'bounds')") from None
    k = problem.get("num_vars", len(names))
    if k != len(names) or len(problem.get("bounds", names)) != k:
        raise ValueError(f"the problem's num_vars ({k}), names "
                         f"({len(names)}) and bounds do not agree")
    return [tuple(n.split(":", 1)) if ":" in n else (None, n)
            for n in names]


def evaluate(sc, problem, X, metrics, reps=None, months=None, seed=None,
             threads=None, progress=None):
    from .sweep import Sweep
    inputs = problem_inputs(problem)
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != len(inputs):
        raise ValueError(f"X must be a matrix of {len(inputs)} columns, one "
                         f"per input (got shape {X.shape})")
    if isinstance(metrics, (str, dict)):
        metrics = [metrics]
    if len(X):              # each input's path checked, as set() does
        trial = sc.copy()
        for (variant, path), x in zip(inputs, X[0]):
            trial.set(path, float(x), variant=variant)
    # The metrics as a sweep defines them (a sweep of one point over the
    # same inputs, which also checks that each input can be set).
    sweep = Sweep.from_dict(name="<evaluate>", text={
        "scenario": sc, "design": "grid", "metrics": list(metrics),
        "replications": reps or sc.replications,
        "parameters": [dict({"path": path, "values": [float(X[0, j])
                                                      if len(X) else 0.0]},
                            **({"variant": v} if v else {}))
                       for j, (v, path) in enumerate(inputs)]})
    M = len(sweep.metrics)
    Y = np.empty((len(X), M))
    stats = _lib.FwStats()
    report = reporter(progress, "evaluate")
    for i, point in enumerate(X):
        s = sc.copy()
        for (variant, path), x in zip(inputs, point):
            s.set(path, float(x), variant=variant)
        run = s.run(reps=reps, months=months, seed=seed, threads=threads,
                    progress=False)
        for m in range(M):
            x = sweep.metric_values(m, run)
            lib.fw_stats_of(x.ctypes.data_as(_lib.c_double_p), len(x),
                            ctypes.byref(stats))
            Y[i, m] = stats.mean
        if report:
            report(i + 1, len(X))
    return Y
