"""Where value leaks (fw_leakage in the library): what each stage of
friction costs a variant, as `flywheel leakage` computes it -- every
subset of stages removed, simulated on common random numbers, each stage's
gain alone and its exact Shapley share."""
import ctypes
import weakref

import pandas as pd

from . import _lib
from ._lib import lib
from .errors import error_from
from .run import _steps

# Replications unless told otherwise, when the file asks for more: every
# replication runs 2^K configurations (as `flywheel leakage`).
DEFAULT_REPS = 100

# The figures of leakage.csv, each with its 95% interval.
FIGURES = ("actual", "one_at_a_time", "shapley", "share", "interaction")
COLUMNS = ("stage", "metric") + tuple(
    f"{f}{s}" for f in FIGURES for s in ("", "_lo95", "_hi95"))


def _free(lk, run):
    lib.fw_run_free(run)
    lib.fw_leakage_free(lk)


class _Decomposition:
    """The C decomposition and its run, freed together when the last
    user (an interrupted step among them) lets go."""

    def __init__(self, sc, variant):
        self.lk, self.run = ctypes.c_void_p(), ctypes.c_void_p()
        _lib.call(lib.fw_leakage_alloc, sc,
                  _lib.optional_arg(variant, "variant"),
                  ctypes.byref(self.lk))
        weakref.finalize(self, _free, self.lk, self.run)


def decompose(sc, stages, variant, opt, report):
    """The decomposition of the C scenario sc, with the five friction
    stages and then stages (path: target as YAML text), run with options
    opt: a DataFrame with the columns and rows of leakage.csv but its
    labels."""
    d = _Decomposition(sc, variant)
    _lib.call(lib.fw_leakage_set_friction, d.lk)
    for path, target in (stages or {}).items():
        _lib.call(lib.fw_leakage_set_stage, d.lk, _lib.arg(path, "path"),
                  _lib.arg(target, "target"))
    bad = ctypes.c_size_t()
    _lib.call(lib.fw_leakage_build, d.lk, ctypes.byref(bad))
    _lib.call(lib.fw_run_alloc, lib.fw_leakage_scenario(d.lk),
              ctypes.byref(opt), ctypes.byref(d.run))
    _steps(d.run, report, d)
    _lib.call(lib.fw_leakage_decompose, d.lk, d.run)
    st, row = _lib.FwLeakageStage(), _lib.FwLeakageRow()
    n = lib.fw_leakage_stage_count(d.lk)
    rows = []
    for m in range(lib.fw_leakage_metric_count()):
        for i in range(n + 1):
            if i < n:
                lib.fw_leakage_get_stage(d.lk, i, ctypes.byref(st))
            if lib.fw_leakage_get_row(d.lk, m, i, ctypes.byref(row)) != 0:
                raise error_from(3, "no decomposition")
            rows.append([_lib.text(st.path) if i < n else "all",
                         _lib.text(lib.fw_leakage_metric(m))] +
                        [x for f in ("actual", "alone", "shapley", "share",
                                     "interaction")
                         for x in (getattr(row, f).mean,
                                   getattr(row, f).lo95,
                                   getattr(row, f).hi95)])
    return pd.DataFrame(rows, columns=COLUMNS)
