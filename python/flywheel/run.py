"""A finished run and its results, read through the library as NumPy
arrays and pandas DataFrames with the columns of the command's tables."""
import ctypes
import functools
import math
import time
import weakref

import numpy as np
import pandas as pd

from . import _lib
from ._lib import lib
from .errors import ScenarioError, error_from

STATS = ("mean", "sd", "se", "min", "p5", "p25", "p50", "p75", "p95", "max",
         "es5")
BAND = ("mean", "p5", "p50", "p95")
COMPARE = ("variant", "dnpv_mean", "dnpv_lo95", "dnpv_hi95", "dnpv_p5",
           "dnpv_p50", "dnpv_p95", "p_dnpv_positive", "drevenue_per_year",
           "dcash_per_year", "payback_month", "compounding",
           "incremental_cost", "roi", "dchannel_cost", "dprogram_cost",
           "dreacq_cost", "dgap_value", "dgap_rate", "dscripts_unfilled",
           "dcustomer_value_at_risk", "dadvocates", "dswitched")
# The metrics compare.csv gives the mean paired change of, after roi.
CHANGES = ("channel_cost", "program_cost", "reacq_cost", "gap_value",
           "gap_rate", "scripts_unfilled", "customer_value_at_risk",
           "advocate", "switched")
PAIRED = ("variant", "month", "dcash_mean", "cum_dcash_mean",
          "cum_dcash_lo95", "cum_dcash_hi95", "cum_dcash_p5",
          "cum_dcash_p50", "cum_dcash_p95", "drevenue_mean")


def metrics():
    """Names of the per-replication metrics ("npv", "revenue", ...)."""
    return [_lib.text(lib.fw_metric_name(k))
            for k in range(lib.fw_metric_count())]


def series():
    """Names of the monthly series ("revenue", "patients", ...)."""
    return [_lib.text(lib.fw_series_name(k))
            for k in range(lib.fw_series_count())]


def _free(run, sc):
    lib.fw_run_free(run)
    lib.fw_scenario_free(sc)


# Each step of a run aims at this many seconds: Python sees Ctrl-C
# between steps, and a progress bar moves after each.
STEP_SECONDS = 0.25


def _steps(run, report, keep):
    """Simulates the C run to its end in steps of about STEP_SECONDS
    (how a run is cut into steps changes no result), calling report
    (when given) with (done, total) after each. Each step is an
    interruptible call that keeps keep (the Run) alive."""
    total = lib.fw_run_replications(run)
    # a replication for every thread keeps them all busy (a step runs
    # blocks in parts), and keeps a step short enough for Ctrl-C
    least = max(1, lib.fw_run_threads(run))
    n = least
    while lib.fw_run_done(run) < total:
        before, start = lib.fw_run_done(run), time.monotonic()
        _lib.interruptible(_lib.call, lib.fw_run_step, run, n, keep=keep)
        took = time.monotonic() - start
        if took > 0:
            n = least * max(1, int((lib.fw_run_done(run) - before) *
                                   STEP_SECONDS / took / least))
        if report:
            report(lib.fw_run_done(run), total)


class Run:
    """The results of a finished run of every variant of a scenario.

    Made by Scenario.run(). The tables are DataFrames with the columns of
    the command's CSV files (summary, timeseries, replications, compare,
    paired); values(), draws() and monthly() give NumPy arrays with one
    row per replication and one column per variant; write() writes the
    command's files.
    """

    @classmethod
    def _alloc(cls, sc, opt):
        """A Run of the C scenario sc (which it takes over) with options
        opt, not yet simulated."""
        run = ctypes.c_void_p()
        try:
            _lib.call(lib.fw_run_alloc, sc, ctypes.byref(opt),
                      ctypes.byref(run))
        except BaseException:
            lib.fw_scenario_free(sc)
            raise
        self = cls.__new__(cls)
        self._run, self._sc, self._opt = run, sc, opt
        self._free = weakref.finalize(self, _free, run, sc)
        self._elapsed = None
        self._origin = (None, [])
        return self

    @classmethod
    def _simulate(cls, sc, opt, report=None):
        self = cls._alloc(sc, opt)
        _steps(self._run, report, self)
        return self

    def __reduce__(self):
        """A Run pickles as its scenario, its options and its results
        (fw_run_pack), and unpickles without simulating again: the same
        results to the bit."""
        import pickle
        from .scenario import Scenario
        sc = Scenario._wrap(_copy_scenario(self._sc))
        sc._source, sc._edits = self._origin
        blocks = lib.fw_run_block_count(self._run)
        buf = ctypes.create_string_buffer(
            lib.fw_run_pack_size(self._run, 0, blocks))
        lib.fw_run_pack(self._run, 0, blocks, buf)
        opt = self._opt
        return (_unpickle, (pickle.dumps(sc), (opt.replications, opt.months,
                opt.seed_set, opt.seed, opt.threads), buf.raw,
                self.elapsed))

    # ---- what was run ----

    @property
    def variants(self):
        """Names of the variants, the baseline first."""
        return _lib.variant_names(self._sc)

    @property
    def reps(self):
        return lib.fw_run_replications(self._run)

    @property
    def months(self):
        return lib.fw_run_months(self._run)

    @property
    def seed(self):
        return lib.fw_run_seed(self._run)

    @property
    def threads(self):
        return lib.fw_run_threads(self._run)

    @property
    def elapsed(self):
        """Seconds the simulation took."""
        if self._elapsed is not None:
            return self._elapsed
        return lib.fw_run_elapsed(self._run)

    @property
    def warmup_months(self):
        """Months of the baseline simulated before month 1."""
        return lib.fw_scenario_warmup(self._sc)

    @property
    def schedule(self):
        """Each variant's name, the month its changes start in and the
        months they take to phase in."""
        return [(name, lib.fw_scenario_variant_start(self._sc, v),
                 lib.fw_scenario_variant_ramp(self._sc, v))
                for v, name in enumerate(self.variants)]

    @property
    def changes(self):
        """What each variant changes against the baseline: (variant,
        path, the baseline's value, the variant's) as run.json lists
        them."""
        out = []
        for v, name in enumerate(self.variants):
            for i in range(lib.fw_scenario_change_count(self._sc, v)):
                c = _lib.FwChange()
                if lib.fw_scenario_change(self._sc, v, i, ctypes.byref(c)):
                    continue
                out.append((name, c.path.decode("utf-8"),
                            c.from_.decode("utf-8"), c.to.decode("utf-8")))
        return out

    @property
    def scenario_name(self):
        return _lib.text(lib.fw_scenario_name(self._sc))

    @property
    def scenario_file(self):
        return _lib.text(lib.fw_scenario_file(self._sc))

    @property
    def scenario_hash(self):
        return _lib.text(lib.fw_scenario_hash(self._sc))

    @property
    def scenario_sha256(self):
        """The SHA-256 of the scenario's bytes, as sha256sum prints it."""
        return _lib.text(lib.fw_scenario_sha256(self._sc))

    @property
    def overrides(self):
        """The changes made to the scenario after loading it (Scenario.set
        or the command's --set): (variant or None, path, value)."""
        return _lib.overrides(self._sc)

    # ---- arrays ----

    def _array(self, f, index, names, kind):
        try:
            i = names.index(index)
        except ValueError:
            raise ScenarioError(f"no {kind} named '{index}'") from None
        V = len(self.variants)
        x = np.empty((V, self.reps))
        for v in range(V):
            p = x[v].ctypes.data_as(_lib.c_double_p)
            if f(self._run, v, i, p) != 0:
                raise ScenarioError(f"{kind} '{index}' has no values per "
                                    "replication")
        return x.T.copy()

    def values(self, metric):
        """Metric (e.g. "npv") in every replication: an array of shape
        (reps, variants)."""
        return self._array(lib.fw_run_values, metric, metrics(), "metric")

    @property
    def draw_paths(self):
        """The uncertain inputs: the paths that hold a distribution."""
        return [_lib.text(lib.fw_run_draw_path(self._run, i))
                for i in range(lib.fw_run_draw_count(self._run))]

    def draws(self, path):
        """The value an uncertain input drew in every replication: an
        array of shape (reps, variants), NaN for a variant without that
        distribution."""
        return self._array(lib.fw_run_draws, path, self.draw_paths, "draw")

    def value_of_information(self, groups=()):
        """What learning the uncertain inputs before choosing is worth, as
        voi.csv gives it: a DataFrame of measure, subject, value and se
        (expected_gain, evpi, evppi per input and per group of paths in
        groups, eol, p_best and input_share per option). See fw_voi(3)."""
        paths, V, R = self.draw_paths, len(self.variants), self.reps
        K = len(paths)
        if K == 0:
            raise ScenarioError("no input is uncertain: there is nothing "
                                "to learn")
        gain, theta = np.empty((R, V)), np.empty((R, K))
        if lib.fw_run_voi_data(self._run, _lib.arg_doubles(gain),
                               _lib.arg_doubles(theta)) != 0:
            raise ScenarioError("the run has not finished")

        def partial(use):
            idx = (ctypes.c_size_t * len(use))(*use)
            e = _lib.FwVoiEstimate()
            _lib.call(lib.fw_voi_partial, _lib.arg_doubles(gain), R, V,
                      _lib.arg_doubles(theta), K, idx, len(use),
                      ctypes.byref(e))
            return e.value, e.se

        evpi, eol = _lib.FwVoiEstimate(), (_lib.FwVoiEstimate * V)()
        p_best, share = np.empty(V), np.empty(V)
        _lib.call(lib.fw_voi_perfect, _lib.arg_doubles(gain), R, V,
                  _lib.arg_doubles(theta), K, ctypes.byref(evpi), eol,
                  _lib.arg_doubles(p_best), _lib.arg_doubles(share))
        # summed in order, as the command does, for the same bytes
        means = [functools.reduce(lambda a, b: a + b, gain[:, d], 0.0) / R
                 for d in range(V)]
        best = int(np.argmax(means))
        rows = [("expected_gain", self.variants[best], means[best], math.nan),
                ("evpi", "all uncertain inputs", evpi.value, evpi.se)]
        rows += [("evppi", p, *partial([i])) for i, p in enumerate(paths)]
        for g in groups:
            missing = [p for p in g if p not in paths]
            if missing:
                raise ScenarioError(f"'{missing[0]}' is not an uncertain "
                                    "input of the run")
            rows.append(("evppi", " + ".join(g),
                         *partial([paths.index(p) for p in g])))
        rows += [("eol", n, e.value, e.se) for n, e in zip(self.variants, eol)]
        rows += [("p_best", n, p, math.nan)
                 for n, p in zip(self.variants, p_best)]
        rows += [("input_share", n, x, math.nan)
                 for n, x in list(zip(self.variants, share))[1:]]
        return pd.DataFrame(rows, columns=["measure", "subject", "value",
                                           "se"])

    def monthly(self, name):
        """A monthly series kept per replication (revenue, cash, patients,
        scripts_unfilled, gap_value, customer_value_at_risk, reacq_cost,
        mean_trust, gap_rate), in single precision: an array of shape
        (reps, variants, months)."""
        V, R, T = len(self.variants), self.reps, self.months
        try:
            k = series().index(name)
        except ValueError:
            raise ScenarioError(f"no series named '{name}'") from None
        x = np.empty((V, R, T))
        for v in range(V):
            if lib.fw_run_month_values(self._run, v, k, x[v].ctypes.data_as(
                    _lib.c_double_p)) != 0:
                raise ScenarioError(f"series '{name}' is not kept per "
                                    "replication")
        return x.transpose(1, 0, 2).copy()

    # ---- tables ----

    def _struct(self, f, out, *args):
        """f(run, *args, &out), a reader of results that fails only when
        out of memory (its arguments are checked here first)."""
        rc = f(self._run, *args, ctypes.byref(out))
        if rc != 0:
            raise error_from(rc, f"{f.__name__}: {rc}")
        return out

    @functools.cached_property
    def summary(self):
        """Statistics of every metric per variant, as summary.csv: variant,
        metric, mean, sd, se, min, p5, p25, p50, p75, p95, max, es5 (es5
        for npv only)."""
        names = metrics()
        rows = []
        for v, variant in enumerate(self.variants):
            for k, metric in enumerate(names):
                s = self._struct(lib.fw_run_stats, _lib.FwStats(), v, k)
                row = [variant, metric] + [getattr(s, f) for f in STATS]
                if metric != "npv":
                    row[-1] = math.nan
                rows.append(row)
        return pd.DataFrame(rows, columns=("variant", "metric") + STATS)

    @functools.cached_property
    def _bands(self):
        """Every fw_band as an array (variant, month, series, field)."""
        V, T, K = len(self.variants), self.months, lib.fw_series_count()
        x = np.empty((V, T, K, len(BAND)))
        for v in range(V):
            for t in range(T):
                for k in range(K):
                    b = self._struct(lib.fw_run_month, _lib.FwBand(), v,
                                     t + 1, k)
                    x[v, t, k] = (b.mean, b.p5, b.p50, b.p95)
        return x

    @functools.cached_property
    def timeseries(self):
        """Every monthly series per variant and month, as timeseries.csv:
        variant, month, metric, mean, p5, p50, p95 (percentiles NaN for
        the series not kept per replication)."""
        V, T, K = self._bands.shape[:3]
        df = pd.DataFrame({
            "variant": np.repeat(np.array(self.variants, dtype=object),
                                 T * K),
            "month": np.tile(np.repeat(np.arange(1, T + 1), K), V),
            "metric": np.tile(np.array(series(), dtype=object), V * T)})
        for i, field in enumerate(BAND):
            df[field] = self._bands[..., i].ravel()
        return df

    @functools.cached_property
    def replications(self):
        """One row per replication (numbered from 1) and variant, as
        replications.csv: every metric, then the value each uncertain
        input drew."""
        V, R = len(self.variants), self.reps
        cols = {"replication": np.repeat(np.arange(1, R + 1), V),
                "variant": np.tile(np.array(self.variants, dtype=object), R)}
        for name in metrics():
            cols[name] = self.values(name).ravel()
        for path in self.draw_paths:
            cols[path] = self.draws(path).ravel()
        return pd.DataFrame(cols)

    def _gain(self, v, name):
        """Mean of metric name of variant v less the baseline's."""
        p = self._struct(lib.fw_run_paired, _lib.FwPaired(), v, 0,
                         metrics().index(name))
        return p.mean

    @functools.cached_property
    def compare(self):
        """Each variant against the baseline, as compare.csv: the NPV gain
        (mean, 95% interval, percentiles, share of replications above 0),
        revenue and cash gain per year, payback month (<NA> when it never
        pays back), compounding, the incremental spend in present value
        and the ROI (NPV gain per unit of it; NaN when the variant spends
        no more), and mean changes in costs, the gap, customer value at
        risk, advocates and switched HCPs."""
        years = self.months / 12.0
        rows = []
        for v, variant in enumerate(self.variants[1:], start=1):
            npv = self._struct(lib.fw_run_paired, _lib.FwPaired(), v, 0,
                               metrics().index("npv"))
            payback = self._struct(lib.fw_run_payback, ctypes.c_int(), v,
                                   0).value
            compounding = self._struct(lib.fw_run_compounding,
                                       ctypes.c_double(), v, 0).value
            cost = self._gain(v, "spend_pv")
            rows.append([variant, npv.mean, npv.lo95, npv.hi95, npv.p5,
                         npv.p50, npv.p95, npv.p_positive,
                         self._gain(v, "revenue") / years,
                         self._gain(v, "cash") / years,
                         payback if payback > 0 else pd.NA,
                         compounding, cost,
                         npv.mean / cost if cost > 0 else math.nan] +
                        [self._gain(v, m) for m in CHANGES])
        df = pd.DataFrame(rows, columns=COMPARE)
        df["payback_month"] = df["payback_month"].astype("Int64")
        return df

    @functools.cached_property
    def paired(self):
        """Month by month, each variant's gain over the baseline, as
        paired.csv: mean cash gain, cumulative cash gain with its 95%
        interval and percentiles, mean revenue gain."""
        names = series()
        mean = self._bands[..., 0]
        gain = {k: mean[:, :, names.index(k)] - mean[0, :, names.index(k)]
                for k in ("cash", "revenue")}
        rows = []
        for v, variant in enumerate(self.variants[1:], start=1):
            for t in range(1, self.months + 1):
                g = self._struct(lib.fw_run_cumulative_gain, _lib.FwGain(),
                                 v, t)
                rows.append((variant, t, gain["cash"][v, t - 1], g.mean,
                             g.lo95, g.hi95, g.p5, g.p50, g.p95,
                             gain["revenue"][v, t - 1]))
        return pd.DataFrame(rows, columns=PAIRED)

    @functools.cached_property
    def recommendation(self):
        """Which option the run recommends and how sure it is, with the
        figures a close call turns on and the words `flywheel run` prints
        (a Recommendation; the library's fw_run_recommend)."""
        from .recommend import Recommendation
        return Recommendation(self)

    def write(self, directory, command_line=None):
        """Writes summary.csv, timeseries.csv, replications.csv,
        compare.csv, paired.csv and run.json into directory (created if
        needed), byte for byte as `flywheel run` writes them for the same
        scenario and settings; run.json records command_line (default:
        this program's). All files or none: a failure leaves no partial
        file."""
        from .tables import write_run
        write_run(self, directory, command_line)

    def write_workbook(self, path, command_line=None):
        """Writes the run's results.xlsx to path, the workbook `flywheel
        run` writes (the library's one writer: Summary, Statistics,
        Inputs, Compare, Tornado, Time series, Replications, NPV by
        replication, Settings), with command_line (default: this
        program's) in its Settings. All or nothing."""
        import shlex
        import sys
        if command_line is None:
            command_line = shlex.join([sys.executable] + sys.argv)
        _lib.call(lib.fw_run_write_workbook, self._run, _lib.path_arg(path),
                  _lib.arg(command_line, "command_line"))

    def __repr__(self):
        return (f"<flywheel.Run of {self.scenario_name!r}: {self.reps} "
                f"replications x {self.months} months, "
                f"{', '.join(self.variants)}>")


def _copy_scenario(sc):
    out = ctypes.c_void_p()
    if lib.fw_scenario_copy(sc, ctypes.byref(out)) != 0:
        raise error_from(5, "out of memory")
    return out


def _unpickle(scenario, options, packed, elapsed):
    import pickle
    sc = pickle.loads(scenario)
    opt = _lib.FwRunOptions(*options)
    self = Run._alloc(_copy_scenario(sc._ptr), opt)
    blocks = lib.fw_run_block_count(self._run)
    _lib.call(lib.fw_run_unpack, self._run, 0, blocks, packed, len(packed))
    self._elapsed = elapsed
    self._origin = (sc._source, sc._edits)
    return self
