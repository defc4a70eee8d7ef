"""Sweeps: a design of points over a scenario's inputs, each point a
full run on the same random streams."""
import ctypes
import json
import numbers
import operator
import os
import re

import numpy as np
import pandas as pd

from . import _lib
from ._lib import lib, locked
from .errors import ScenarioError, error_from
from .progress import reporter
from .scenario import Scenario, _copy
from . import keys, specs

STATS = ("mean", "se", "p5", "p50", "p95")


def column_name(text):
    """A column name of sweep.csv: ':' as '.', and anything but letters,
    digits, dots and underscores as '_', so that R's read.csv keeps it."""
    return re.sub(r"[^A-Za-z0-9._]", "_", text.replace(":", "."))


class Sweep:
    """A sweep file (grid, oneway, lhs or sobol design) and the scenario
    it names. Sweep(path) loads and validates both; run() runs every
    point and returns the table sweep.csv holds; sensitivity() the one
    sensitivity.csv holds."""

    def __init__(self, path):
        out = ctypes.c_void_p()
        _lib.call(lib.fw_sweep_load, _lib.path_arg(path), ctypes.byref(out))
        _lib.own(self, out, lib.fw_sweep_free)

    @classmethod
    def from_string(cls, text, name="<string>"):
        """A sweep from YAML text, or from a dict of the keys of a sweep
        file (whose 'scenario' may be a Scenario); name stands for the
        file in messages, and the scenario's path is relative to it."""
        sw = cls.__new__(cls)
        _lib.own(sw, specs.load(lib.fw_sweep_load_string, text, name),
                 lib.fw_sweep_free)
        return sw

    from_dict = from_string

    @locked
    def set(self, path, value, variant=None):
        """Sets a key of the sweep's scenario as Scenario.set does (and
        as the command's --set): every point made afterwards has it."""
        ptr = lib.fw_sweep_scenario(self._ptr)
        # checked on a copy first, so that a bad value changes nothing
        Scenario._wrap(_copy(ptr)).set(path, value, variant)
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            _lib.call(lib.fw_scenario_set_number, ptr,
                      _lib.optional_arg(variant, "variant"),
                      _lib.arg(path, "path"), float(value))
        else:
            if not isinstance(value, str):
                value = json.dumps(value, allow_nan=False)
            _lib.call(lib.fw_scenario_set, ptr,
                      _lib.optional_arg(variant, "variant"),
                      _lib.arg(path, "path"), _lib.arg(value, "value"))

    @property
    @locked
    def file(self):
        return os.fsdecode(lib.fw_sweep_file(self._ptr))

    @property
    @locked
    def design(self):
        """"grid", "oneway", "lhs" or "sobol"."""
        return _lib.text(lib.fw_sweep_design(self._ptr))

    @property
    @locked
    def replications(self):
        """Replications of every point; may be set."""
        return lib.fw_sweep_replications(self._ptr)

    @replications.setter
    @locked
    def replications(self, n):
        n = keys.count("replications", n, "replications", "sweep")
        rc = lib.fw_sweep_set_replications(self._ptr, n)
        if rc != 0:
            raise error_from(rc, "")

    @property
    @locked
    def seed(self):
        """The seed of every point (and of a Latin hypercube's draw); may
        be set."""
        return lib.fw_sweep_seed(self._ptr)

    @seed.setter
    @locked
    def seed(self, s):
        s = keys.count("seed", s, "seed", "sweep")
        rc = lib.fw_sweep_set_seed(self._ptr, s)
        if rc != 0:
            raise error_from(rc, "")

    @property
    @locked
    def months(self):
        return lib.fw_sweep_months(self._ptr)

    @property
    @locked
    def metrics(self):
        """Labels of the metrics recorded at each point."""
        return [_lib.text(lib.fw_sweep_metric_label(self._ptr, m))
                for m in range(lib.fw_sweep_metric_count(self._ptr))]

    def _label(self, j):
        v = _lib.text(lib.fw_sweep_param_variant(self._ptr, j))
        path = _lib.text(lib.fw_sweep_param_path(self._ptr, j))
        return f"{v}:{path}" if v else path

    @property
    @locked
    def parameters(self):
        """The parameters varied: label ("variant:path" or "path"), path,
        variant (None: the baseline and the variants that do not set
        it), low and high end of the design, and the scenario's own
        value."""
        rows = []
        for j in range(lib.fw_sweep_param_count(self._ptr)):
            lo, hi = ctypes.c_double(), ctypes.c_double()
            lib.fw_sweep_param_range(self._ptr, j, ctypes.byref(lo),
                                     ctypes.byref(hi))
            rows.append((self._label(j),
                         _lib.text(lib.fw_sweep_param_path(self._ptr, j)),
                         _lib.text(lib.fw_sweep_param_variant(self._ptr, j)),
                         lo.value, hi.value,
                         lib.fw_sweep_base_value(self._ptr, j)))
        return pd.DataFrame(rows, columns=("label", "path", "variant", "low",
                                           "high", "base"))

    def __len__(self):
        return lib.fw_sweep_points(self._ptr)

    @property
    @locked
    def points(self):
        """The design: point (numbered from 1), block (sobol designs: A,
        B, AB1, ...), then each parameter's value, the scenario's own
        where the design keeps it, in the columns of sweep.csv."""
        N, P = len(self), lib.fw_sweep_param_count(self._ptr)
        cols = {"point": np.arange(1, N + 1)}
        if self.design == "sobol":
            buf = ctypes.create_string_buffer(24)
            blocks = []
            for i in range(N):
                lib.fw_sweep_block(self._ptr, i, buf, len(buf))
                blocks.append(buf.value.decode("ascii"))
            cols["block"] = blocks
        for j in range(P):
            x = np.array([lib.fw_sweep_value(self._ptr, i, j)
                          for i in range(N)])
            x[np.isnan(x)] = lib.fw_sweep_base_value(self._ptr, j)
            cols[column_name(self._label(j))] = x
        return pd.DataFrame(cols)

    @locked
    def scenario(self, i):
        """A copy of the scenario with point i's values set (i from 0)."""
        if not 0 <= operator.index(i) < len(self):
            raise IndexError(f"no point {i} in a sweep of {len(self)}")
        out = ctypes.c_void_p()
        _lib.call(lib.fw_sweep_point_scenario, self._ptr, i,
                  ctypes.byref(out))
        return Scenario._wrap(out)

    def run_point(self, i, threads=None):
        """Runs point i (from 0) with the sweep's replications, months
        and seed."""
        return self.scenario(i).run(reps=self.replications,
                                    months=self.months, seed=self.seed,
                                    threads=threads, progress=False)

    def metric_values(self, m, run):
        """The per-replication values of metric m (an index into
        metrics) in a run of a point."""
        x = np.empty(run.reps)
        if lib.fw_sweep_metric_values(self._ptr, m, run._run,
                                      x.ctypes.data_as(_lib.c_double_p)):
            raise ScenarioError(f"no metric {m} in this sweep")
        return x

    def run(self, threads=None, progress=None):
        """Runs every point and returns sweep.csv's table (without its
        row_hash): the design's columns, then for each metric its mean,
        standard error, p5, p50 and p95 over replications. progress, a
        function, is called with (points done, points) after each point;
        by default a bar is drawn when a terminal or notebook is watching
        (progress=False: never). Ctrl-C raises KeyboardInterrupt at once,
        as in Scenario.run."""
        progress = reporter(progress, "sweep")
        rows = []
        stats = _lib.FwStats()
        for i in range(len(self)):
            run = self.run_point(i, threads)
            row = []
            for m in range(len(self.metrics)):
                x = self.metric_values(m, run)
                lib.fw_stats_of(x.ctypes.data_as(_lib.c_double_p), len(x),
                                ctypes.byref(stats))
                row += [getattr(stats, s) for s in STATS]
            rows.append(row)
            if progress:
                progress(i + 1, len(self))
        names = [column_name(f"{label}_{s}") for label in self.metrics
                 for s in STATS]
        return pd.concat([self.points, pd.DataFrame(rows, columns=names)],
                         axis=1)

    def sensitivity(self, table):
        """sensitivity.csv's table from run()'s: per metric and parameter,
        for a oneway design the low and high ends, the metric at the base,
        low and high points and the swing; for a sobol design the
        first-order index s1 and total effect st with 95% bootstrap
        intervals."""
        fields = {"oneway": ("low", "high", "at_base", "at_low", "at_high",
                             "swing"),
                  "sobol": ("s1", "s1_lo95", "s1_hi95", "st", "st_lo95",
                            "st_hi95")}.get(self.design)
        if fields is None:
            raise ScenarioError(f"a {self.design} design gives no "
                                "sensitivity")
        P = lib.fw_sweep_param_count(self._ptr)
        out = (_lib.FwSensitivity * P)()
        rows = []
        for label in self.metrics:
            y = np.ascontiguousarray(table[column_name(f"{label}_mean")],
                                     dtype=float)
            if y.ndim != 1 or len(y) != len(self):
                raise ValueError(f"the table has {len(y)} rows, the sweep "
                                 f"{len(self)} points: give run()'s table")
            rc = lib.fw_sweep_sensitivity(self._ptr, y.ctypes.data_as(
                _lib.c_double_p), len(y), out)
            if rc != 0:
                raise error_from(rc, "")
            rows += [[label, self._label(j)] +
                     [getattr(out[j], f) for f in fields] for j in range(P)]
        return pd.DataFrame(rows, columns=("metric", "parameter") + fields)

    def __repr__(self):
        return (f"<flywheel.Sweep {self.file!r}: {self.design}, {len(self)} "
                f"points>")
