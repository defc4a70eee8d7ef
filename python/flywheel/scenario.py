"""Scenarios: loaded from a file or text, changed key by key, run."""
import ctypes
import hashlib
import json
import numbers
import os

from . import _lib
from ._lib import lib, locked
from .errors import OutOfMemoryError, ScenarioError
from . import keys
from .progress import reporter
from .run import Run


def _copy(ptr):
    out = ctypes.c_void_p()
    if lib.fw_scenario_copy(ptr, ctypes.byref(out)) != 0:
        raise OutOfMemoryError("out of memory")
    return out


def _yaml(value):
    """A distribution or other mapping as YAML text (JSON is YAML)."""
    def plain(x):
        if hasattr(x, "item"):          # NumPy scalars
            return x.item()
        raise TypeError(f"cannot write {x!r} as a scenario value")
    return json.dumps(value, allow_nan=False, default=plain)


def _bytes_loaded(path, sha256):
    """(path, the file's bytes) when they are still the bytes loaded, so
    that a pickle rebuilds the scenario with the same hashes; else None
    (it then pickles as its resolved YAML)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    return (os.fsdecode(path), data)


class Scenario:
    """A scenario: the market, the channels and the variants weighed.

    Scenario(path) loads and validates a scenario file;
    Scenario.from_string(text) the same from text. Errors raise
    ScenarioError (invalid content, with file, line, column and key path)
    or FileError (unreadable file).
    """

    def __init__(self, path):
        out = ctypes.c_void_p()
        _lib.call(lib.fw_scenario_load, _lib.path_arg(path),
                  ctypes.byref(out))
        _lib.own(self, out, lib.fw_scenario_free)
        self._source = _bytes_loaded(path, self.sha256)
        self._edits = []

    @classmethod
    def from_string(cls, text, name="<string>"):
        """Loads a scenario from YAML text; name stands for the file in
        messages and results."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        data = text.encode("utf-8")
        return cls._from_bytes(name, data)

    @classmethod
    def _from_bytes(cls, name, data):
        out = ctypes.c_void_p()
        _lib.call(lib.fw_scenario_load_string, _lib.path_arg(name), data,
                  len(data), ctypes.byref(out))
        sc = cls._wrap(out)
        sc._source = (name, data)
        return sc

    @classmethod
    def _wrap(cls, ptr):
        """A Scenario of a C scenario the library made (a sweep's point, a
        calibration's fit): it has no bytes of its own to pickle, so it
        pickles as its resolved YAML."""
        sc = cls.__new__(cls)
        _lib.own(sc, ptr, lib.fw_scenario_free)
        sc._source, sc._edits = None, []
        return sc

    @locked
    def copy(self):
        """An independent copy."""
        sc = Scenario._wrap(_copy(self._ptr))
        sc._source, sc._edits = self._source, list(self._edits)
        return sc

    def _state(self):
        """What rebuilds the scenario in another process: the bytes it
        was loaded from (with the name standing for its file) and the
        changes made since, in order."""
        with self._lock:
            if self._source is None:
                return (self.file, self.to_yaml().encode("utf-8"), [])
            return self._source + (list(self._edits),)

    @classmethod
    def _rebuild(cls, name, data, edits):
        sc = cls._from_bytes(name, data)
        for method, args in edits:
            getattr(sc, method)(*args)
        return sc

    def __reduce__(self):
        return Scenario._rebuild, self._state()

    @locked
    def set(self, path, value, variant=None):
        """Sets the key at a dotted path, e.g. "friction.access" or
        "segments.cardiology.hcps", as a variant's `set` does in a file.

        value is a number, a YAML text, or a mapping such as
        {"dist": "beta", "alpha": 2, "beta": 5}. With variant None the
        baseline changes, and so does every variant that does not set the
        key itself; with a variant's name, that variant alone. The value
        is checked as in a file (ScenarioError); on error the scenario is
        left as it was.
        """
        trial = _copy(self._ptr)
        try:
            if isinstance(value, numbers.Real) and \
                    not isinstance(value, bool):
                value = float(value)
                _lib.call(lib.fw_scenario_set_number, trial,
                          _lib.optional_arg(variant, "variant"),
                          _lib.arg(path, "path"), value)
            else:
                if not isinstance(value, str):
                    value = _yaml(value)
                _lib.call(lib.fw_scenario_set, trial,
                          _lib.optional_arg(variant, "variant"),
                          _lib.arg(path, "path"), _lib.arg(value, "value"))
        except BaseException:
            lib.fw_scenario_free(trial)
            raise
        self._free()
        _lib.own(self, trial, lib.fw_scenario_free)
        self._edits.append(("set", (path, value, variant)))

    @locked
    def value(self, path, variant=None, q=0.5):
        """The value of the key at path (in a variant, or the baseline):
        the number itself, or the q-quantile of its distribution."""
        x = ctypes.c_double()
        _lib.call(lib.fw_scenario_value, self._ptr,
                  _lib.optional_arg(variant, "variant"),
                  _lib.arg(path, "path"), float(q), ctypes.byref(x))
        return x.value

    @locked
    def is_uncertain(self, path, variant=None):
        """Whether the key at path holds a distribution."""
        r = ctypes.c_int()
        if lib.fw_scenario_is_uncertain(
                self._ptr, _lib.optional_arg(variant, "variant"),
                _lib.arg(path, "path"), ctypes.byref(r)) != 0:
            where = f"variant {variant!r}" if variant else "the baseline"
            raise ScenarioError(f"{path}: no such key in {where}", path=path)
        return bool(r.value)

    @locked
    def add_variant(self, name, base=None):
        """Adds a variant named name, a copy of variant base (None: the
        baseline), to be changed with set(..., variant=name)."""
        _lib.call(lib.fw_scenario_add_variant, self._ptr,
                  _lib.arg(name, "name"), _lib.optional_arg(base, "base"))
        self._edits.append(("add_variant", (name, base)))

    @locked
    def to_yaml(self):
        """The resolved scenario as YAML: every value, defaults marked,
        and what each variant changes. It loads as a scenario itself."""
        p = ctypes.c_void_p()
        if lib.fw_scenario_yaml(self._ptr, ctypes.byref(p)) != 0:
            raise OutOfMemoryError("out of memory")
        try:
            return ctypes.string_at(p).decode("utf-8")
        finally:
            lib.fw_free(p)

    @property
    @locked
    def name(self):
        return _lib.text(lib.fw_scenario_name(self._ptr))

    @property
    @locked
    def file(self):
        """The file it was loaded from (or the name given to
        from_string)."""
        return os.fsdecode(lib.fw_scenario_file(self._ptr))

    @property
    @locked
    def hash(self):
        """The hash of the bytes loaded, "fnv1a64:..."."""
        return _lib.text(lib.fw_scenario_hash(self._ptr))

    @property
    @locked
    def sha256(self):
        """The SHA-256 of the bytes loaded, as sha256sum prints it for
        the file."""
        return _lib.text(lib.fw_scenario_sha256(self._ptr))

    @property
    @locked
    def overrides(self):
        """The changes made since loading, in order, as run.json lists
        them: (variant or None for the baseline, path, value as text)."""
        return _lib.overrides(self._ptr)

    @property
    @locked
    def horizon(self):
        """The file's horizon in months."""
        return lib.fw_scenario_horizon(self._ptr)

    @property
    @locked
    def replications(self):
        return lib.fw_scenario_replications(self._ptr)

    @property
    @locked
    def seed(self):
        return lib.fw_scenario_seed(self._ptr)

    @property
    @locked
    def variants(self):
        """Names of the variants, the baseline first."""
        return _lib.variant_names(self._ptr)

    @property
    @locked
    def descriptions(self):
        """Each variant's description (None when it has none), by
        name."""
        return {name: _lib.text(lib.fw_scenario_variant_description(
            self._ptr, v)) for v, name in enumerate(self.variants)}

    @staticmethod
    def _run_options(reps, months, seed, threads):
        """fw_run_options of run()'s arguments, each checked."""
        opt = _lib.FwRunOptions()
        if reps is not None:
            opt.replications = keys.count("reps", reps, "replications")
        if months is not None:
            opt.months = keys.count("months", months, "horizon_months")
        if seed is not None:
            opt.seed_set = 1
            opt.seed = keys.count("seed", seed, "seed")
        if threads is not None:
            opt.threads = keys.threads(threads)
        return opt

    def run(self, reps=None, months=None, seed=None, threads=None,
            progress=None):
        """Simulates every variant on common random numbers and returns
        the Run with its results. reps, months and seed replace the
        file's; threads defaults to OpenMP's (OMP_NUM_THREADS, else every
        core). Each is checked against the library's limits (the ranges
        of the keys replications, horizon_months and seed, and
        fw_max_threads()): ValueError past them. The results are the same
        for any number of threads. The scenario is copied first, so changing it later changes no
        result; the GIL is released while the run computes.

        The run goes in steps of about a quarter of a second: progress,
        a function, is called with (replications done, replications)
        after each; by default a bar is drawn on standard error when it
        is a terminal or a notebook's (progress=False: never). Ctrl-C
        raises KeyboardInterrupt at once and nothing of the run is kept;
        the step under way finishes in the background (a program that
        ends waits for it)."""
        opt = self._run_options(reps, months, seed, threads)
        report = reporter(progress, "run")
        with self._lock:
            sc = _copy(self._ptr)
            origin = (self._source, list(self._edits))
        run = Run._simulate(sc, opt, report)
        run._origin = origin
        return run

    def leakage(self, stages=None, variant=None, reps=None, months=None,
                seed=None, threads=None, progress=None):
        """Where value leaks, as `flywheel leakage` computes it: the
        five friction stages (removed at 0), then stages, a dict of key
        path to the value it takes once its friction is removed (a
        number, a distribution as a dict, or YAML text), as --stage adds
        or changes them; variant (default the baseline) is decomposed.
        Every subset of stages removed is simulated on common random
        numbers (2^K configurations), so reps defaults to the file's
        replications, at most 100, as the command's does. Returns a
        DataFrame as leakage.csv without its label column: per stage
        ("all" for every stage together) and metric, the actual value,
        the gain removed alone (one_at_a_time), the Shapley value, its
        share of the total and the interaction, each with its 95%
        interval. Progress and Ctrl-C as run()."""
        from . import leakage
        opt = self._run_options(reps, months, seed, threads)
        if opt.replications == 0:
            opt.replications = min(self.replications, leakage.DEFAULT_REPS)
        real = _lib.formatter()
        targets = {}
        for path, value in (stages or {}).items():
            if isinstance(value, str):
                targets[path] = value
            elif isinstance(value, numbers.Real) and \
                    not isinstance(value, bool):
                targets[path] = real(float(value))
            else:
                targets[path] = _yaml(value)
        report = reporter(progress, "leakage")
        with self._lock:
            sc = _copy(self._ptr)
        try:
            return leakage.decompose(sc, targets, variant, opt, report)
        finally:
            lib.fw_scenario_free(sc)

    def evaluate(self, problem, X, metrics, reps=None, months=None,
                 seed=None, threads=None, progress=None):
        """The metrics at each of N points: problem is a SALib-style dict
        {"num_vars": K, "names": [...], "bounds": [[lo, hi], ...]} whose
        names are the inputs' paths ("variant:path" for one variant's),
        X an N x K matrix of their values, metrics a list as a sweep
        file's `metrics` ("npv", {"dnpv": "fix-onboarding"}, ...).
        Returns an N x M array: each metric's mean over the replications
        of a run at each point, all on the same random numbers (reps,
        months and seed as run() takes them), equal to sweep.csv's
        METRIC_mean columns for the same points. progress as run()'s,
        counting points."""
        from .evaluate import evaluate
        return evaluate(self, problem, X, metrics, reps=reps, months=months,
                        seed=seed, threads=threads, progress=progress)

    def __repr__(self):
        return (f"<flywheel.Scenario {self.name!r} from {self.file!r}: "
                f"{', '.join(self.variants)}>")
