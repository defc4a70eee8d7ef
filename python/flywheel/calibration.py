"""Calibrations: inputs of a scenario's baseline fitted to a brand's
observed monthly figures, step by step, each with its 95% interval."""
import ctypes
import os
import sys

import pandas as pd

from . import _lib
from ._lib import lib, locked
from .errors import ScenarioError, error_from
from .progress import reporter
from .scenario import Scenario, _copy
from . import keys, specs

# enum fw_fit_status, in order
STATUS = ("identified", "at low end", "at high end", "flat", "weak")


def _line(evaluations, lowest, stage, start):
    """Redraws the line of a fit under way on standard error."""
    sys.stderr.write(f"\rcalibrate  {evaluations} evaluations, lowest "
                     f"objective {lowest:.6g}, {stage}   ")
    sys.stderr.flush()


class Calibration:
    """A calibration file and the scenario and data file it names.
    Calibration(path) loads and validates all three (from_dict and
    from_string from a dict or text); set() changes the scenario; fit()
    fits;
    then fit_table(), series() and fitted() give what the command writes
    to fit.csv, fit-series.csv and calibrated.yaml."""

    def __init__(self, path, threads=None):
        out = ctypes.c_void_p()
        _lib.call(lib.fw_calibration_load, _lib.path_arg(path),
                  ctypes.byref(out))
        self._made(out, threads, None, os.fsdecode(path))

    def _made(self, out, threads, spec, name):
        """Takes the C calibration out, made from spec (None: the file
        name) with threads."""
        if hasattr(self, "_ptr"):
            self._free()
        _lib.own(self, out, lib.fw_calibration_free)
        self._spec, self._name, self._threads = spec, name, threads
        if threads is not None:
            rc = lib.fw_calibration_set_threads(self._ptr,
                                                keys.threads(threads))
            if rc != 0:
                raise error_from(rc, "")

    @locked
    def set(self, path, value, variant=None):
        """Sets a key of the calibration's scenario as Scenario.set does,
        before the fit begins: the calibration is read again with the
        scenario so changed, and checked as the file would be."""
        if self.progress()[0] > 0:
            raise ScenarioError("set() comes before fit(): the fit has "
                                "begun")
        sc = Scenario._wrap(_copy(lib.fw_calibration_scenario(self._ptr)))
        sc.set(path, value, variant)
        spec = self._spec
        if spec is None:
            with open(self._name, encoding="utf-8") as f:
                spec = f.read()
        self._made(specs.load(lib.fw_calibration_load_string, spec,
                              self._name, sc._ptr), self._threads, spec,
                   self._name)

    @classmethod
    def from_string(cls, text, name="<string>", data=None, threads=None):
        """A calibration from YAML text, or from a dict of the keys of a
        calibration file, whose 'scenario' may be a Scenario (changed with
        Scenario.set) and whose 'data' may be a DataFrame of the
        observations (columns month, metric, value and, where a target
        names one, segment: the data file's). data=, when given, stands
        for 'data'. name stands for the file in messages; paths are
        relative to it."""
        if data is not None:
            if not isinstance(text, dict):
                raise TypeError("data= goes with a calibration given as a "
                                "dict")
            text = dict(text, data=data)
        cal = cls.__new__(cls)
        cal._made(specs.load(lib.fw_calibration_load_string, text, name,
                             None), threads, text, name)
        return cal

    from_dict = from_string

    @property
    @locked
    def file(self):
        return os.fsdecode(lib.fw_calibration_file(self._ptr))

    @property
    @locked
    def data_file(self):
        return os.fsdecode(lib.fw_calibration_data_file(self._ptr))

    @property
    @locked
    def months(self):
        """Months simulated: the latest observed of any target."""
        return lib.fw_calibration_months(self._ptr)

    @property
    @locked
    def parameters(self):
        """The inputs fitted: path, and the low and high end searched
        (high is inf for a range without an upper end)."""
        rows = []
        for j in range(lib.fw_calibration_param_count(self._ptr)):
            lo, hi = ctypes.c_double(), ctypes.c_double()
            lib.fw_calibration_param_range(self._ptr, j, ctypes.byref(lo),
                                           ctypes.byref(hi))
            rows.append((_lib.text(lib.fw_calibration_param_path(self._ptr,
                                                                 j)),
                         lo.value, hi.value))
        return pd.DataFrame(rows, columns=("path", "low", "high"))

    @property
    @locked
    def targets(self):
        """The series fitted: metric, segment (None: the whole market),
        weight, level (the mean absolute observed value errors are
        measured against) and the number of months observed."""
        p = self._ptr
        return pd.DataFrame(
            [(_lib.text(lib.fw_calibration_target_metric(p, i)),
              _lib.text(lib.fw_calibration_target_segment(p, i)),
              lib.fw_calibration_target_weight(p, i),
              lib.fw_calibration_target_scale(p, i),
              lib.fw_calibration_target_observed(p, i))
             for i in range(lib.fw_calibration_target_count(p))],
            columns=("metric", "segment", "weight", "level", "months"))

    @property
    @locked
    def done(self):
        return bool(lib.fw_calibration_done(self._ptr))

    def step(self):
        """One step of the fit (a few evaluations of the objective);
        returns whether the fit is done. Ctrl-C returns at
        once; the step under way then finishes in the background, holding
        the calibration until it has."""
        _lib.interruptible(_lib.call, lib.fw_calibration_step, self._ptr,
                           keep=self._lock)
        with self._lock:
            return bool(lib.fw_calibration_done(self._ptr))

    @locked
    def progress(self):
        """(evaluations, lowest objective so far, stage, starting point
        under way or 0)."""
        p = _lib.FwCalibrationProgress()
        lib.fw_calibration_get_progress(self._ptr, ctypes.byref(p))
        return p.evaluations, p.lowest, _lib.text(p.stage), p.start

    def fit(self, progress=None):
        """Fits to the end; progress, a function, is called with
        progress()'s four values after each step; by default a line
        counting the evaluations is drawn when a terminal or notebook is
        watching (progress=False: never). Ctrl-C raises KeyboardInterrupt
        at once; the step under way finishes in the background, and
        fit() again goes on from there. Returns self."""
        drawn = not callable(progress) and \
            reporter(progress, "calibrate") is not None
        report = _line if drawn else progress
        while not self.step():
            if report:
                report(*self.progress())
        if drawn:
            sys.stderr.write("\n")
        return self

    def _check_done(self):
        if not self.done:
            raise ScenarioError("the calibration is not fitted yet: call "
                                "fit()")

    @property
    @locked
    def objective(self):
        """The objective at the fitted values."""
        self._check_done()
        return lib.fw_calibration_objective(self._ptr)

    @locked
    def fit_table(self):
        """Per input: its estimate, 95% bounds (NaN when not identified),
        range, bound_at_edge (no, lower, upper, both), identified, the
        status (identified, at low end, at high end, flat or weak) and,
        for a flat input, the one it trades against."""
        self._check_done()
        edges = ("no", "lower", "upper", "both")
        params = self.parameters
        rows = []
        for j, row in params.iterrows():
            f = _lib.FwFit()
            _lib.check(lib.fw_calibration_fit(self._ptr, j,
                                              ctypes.byref(f)), _lib.FwError())
            rows.append((row.path, f.estimate, f.lo95, f.hi95, row.low,
                         row.high, edges[f.lo_at_edge + 2 * f.hi_at_edge],
                         f.status == 0, STATUS[f.status],
                         params.path[f.partner] if f.partner >= 0 else None))
        return pd.DataFrame(rows, columns=(
            "parameter", "estimate", "lower95", "upper95", "range_low",
            "range_high", "bound_at_edge", "identified", "status",
            "partner"))

    @locked
    def series(self):
        """Each target at the fitted values, month by month, as
        fit-series.csv holds it: month, metric, segment (empty for the
        whole market), observed (NaN where the data have none), and the
        simulated mean, p5 and p95."""
        self._check_done()
        rows = []
        y, band = ctypes.c_double(), _lib.FwBand()
        for i, t in self.targets.iterrows():
            for month in range(1, self.months + 1):
                _lib.check(lib.fw_calibration_month(
                    self._ptr, i, month, ctypes.byref(y),
                    ctypes.byref(band)), _lib.FwError())
                rows.append((month, t.metric, t.segment or "", y.value,
                             band.mean, band.p5, band.p95))
        return pd.DataFrame(rows, columns=("month", "metric", "segment",
                                           "observed", "mean", "p5", "p95"))

    @locked
    def fitted(self, point=False):
        """The scenario with the fitted values, as calibrated.yaml holds
        it: each identified input drawn from its fitted distribution, the
        inputs correlated as the fit says; with point=True, the estimates
        alone (calibrate --point)."""
        out = ctypes.c_void_p()
        f = (lib.fw_calibration_fitted if point
             else lib.fw_calibration_fitted_distributions)
        _lib.call(f, self._ptr, ctypes.byref(out))
        return Scenario._wrap(out)

    def __repr__(self):
        return (f"<flywheel.Calibration {self.file!r}: "
                f"{len(self.parameters)} inputs, {len(self.targets)} series"
                f"{', fitted' if self.done else ''}>")
