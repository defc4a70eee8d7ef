"""Morris elementary effects: a screening of which inputs matter, from
r trajectories of k + 1 points each (Morris 1991; Campolongo, Cariboni
and Saltelli 2007 for mu*).

    problem = {"num_vars": 2, "names": ["friction.access",
               "friction.onboarding"], "bounds": [[0.3, 0.5], [0.2, 0.4]]}
    X = flywheel.morris.sample(problem, trajectories=20, seed=1)
    Y = sc.evaluate(problem, X, metrics=[{"dnpv": "fix-onboarding"}])
    flywheel.morris.analyze(problem, X, Y[:, 0])

Each trajectory starts at a random point of a grid of `levels` levels in
the unit cube and moves one input at a time, in random order, by
delta = levels / (2 (levels - 1)), up or down. The elementary effect of
the input moved is the change in the output over delta, so that it is
per whole range of the input (as SALib reports it). mu is their mean,
mu_star the mean of their absolute values (how much the input matters),
sigma their standard deviation (how far the effect depends on where it
is measured: a nonlinear effect or an interaction).
"""
import numpy as np
import pandas as pd

from .evaluate import problem_inputs


def _bounds(problem):
    problem_inputs(problem)
    b = np.asarray(problem["bounds"], dtype=float)
    if b.ndim != 2 or b.shape[1] != 2 or not np.all(b[:, 1] > b[:, 0]):
        raise ValueError("each input's bounds are [low, high] with "
                         "low < high")
    return b[:, 0], b[:, 1]


def sample(problem, trajectories, levels=4, seed=None):
    """A Morris design: trajectories x (k + 1) rows of the k inputs,
    within the problem's bounds. levels is even, at least 2."""
    lo, hi = _bounds(problem)
    k = len(lo)
    if levels < 2 or levels % 2:
        raise ValueError(f"levels must be even and at least 2 (got {levels})")
    if trajectories < 2:
        raise ValueError("at least 2 trajectories are needed for sigma")
    rng = np.random.default_rng(seed)
    delta = levels / (2 * (levels - 1))
    # starting levels low enough that a step up stays in [0, 1]
    starts = np.arange(levels // 2) / (levels - 1)
    rows = []
    for _ in range(trajectories):
        x = rng.choice(starts, size=k)
        up = rng.random(k) < 0.5
        x = np.where(up, x, x + delta)      # a step down from x + delta
        rows.append(x.copy())
        for i in rng.permutation(k):
            x[i] += delta if up[i] else -delta
            rows.append(x.copy())
    u = np.array(rows)
    return lo + (hi - lo) * u


def effects(problem, X, Y):
    """The elementary effects of a Morris design: an array of
    trajectories x k, effect [t, i] that of input i in trajectory t."""
    lo, hi = _bounds(problem)
    k = len(lo)
    X = (np.asarray(X, dtype=float) - lo) / (hi - lo)
    Y = np.asarray(Y, dtype=float)
    if Y.ndim != 1 or len(Y) != len(X) or len(X) % (k + 1):
        raise ValueError(f"X and Y must have trajectories x {k + 1} rows "
                         "(Y a vector: one output)")
    ee = np.empty((len(X) // (k + 1), k))
    for t in range(len(ee)):
        x, y = X[t * (k + 1):(t + 1) * (k + 1)], Y[t * (k + 1):(t + 1) *
                                                  (k + 1)]
        for j in range(k):
            step = x[j + 1] - x[j]
            moved = np.flatnonzero(np.abs(step) > 1e-12)
            if len(moved) != 1:
                raise ValueError(f"trajectory {t + 1}, step {j + 1} moves "
                                 f"{len(moved)} inputs, not one: X is not "
                                 "a Morris design")
            i = moved[0]
            ee[t, i] = (y[j + 1] - y[j]) / step[i]
    return ee


def analyze(problem, X, Y):
    """mu, mu_star and sigma of each input's elementary effects (see the
    module's text), as a DataFrame indexed by the inputs' names."""
    ee = effects(problem, X, Y)
    return pd.DataFrame({"mu": ee.mean(axis=0),
                         "mu_star": np.abs(ee).mean(axis=0),
                         "sigma": ee.std(axis=0, ddof=1)},
                        index=pd.Index(list(problem["names"]), name="name"))
