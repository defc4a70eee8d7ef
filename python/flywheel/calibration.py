"""Calibrations: inputs of a scenario's baseline fitted to a brand's
observed monthly figures, step by step, each with its 95% interval."""
import ctypes
import os

import pandas as pd

from . import _lib
from ._lib import lib, locked
from .errors import ScenarioError
from .scenario import Scenario

# enum fw_fit_status, in order
STATUS = ("identified", "at low end", "at high end", "flat", "weak")


class Calibration:
    """A calibration file and the scenario and data file it names.
    Calibration(path) loads and validates all three; fit() fits;
    then fit_table(), series() and fitted() give what the command writes
    to fit.csv, fit-series.csv and calibrated.yaml."""

    def __init__(self, path, threads=None):
        out = ctypes.c_void_p()
        _lib.call(lib.fw_calibration_load, os.fsencode(path),
                  ctypes.byref(out))
        _lib.own(self, out, lib.fw_calibration_free)
        if threads is not None:
            lib.fw_calibration_set_threads(self._ptr, threads)

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

    @locked
    def step(self):
        """One step of the fit (one or a few evaluations of the
        objective); returns whether the fit is done."""
        _lib.call(lib.fw_calibration_step, self._ptr)
        return bool(lib.fw_calibration_done(self._ptr))

    @locked
    def progress(self):
        """(evaluations, lowest objective so far, stage, starting point
        under way or 0)."""
        p = _lib.FwCalibrationProgress()
        lib.fw_calibration_get_progress(self._ptr, ctypes.byref(p))
        return p.evaluations, p.lowest, _lib.text(p.stage), p.start

    def fit(self, progress=None):
        """Fits to the end; progress, if given, is called with
        progress()'s four values after each step. Returns self."""
        while not self.step():
            if progress:
                progress(*self.progress())
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
