"""Scenarios: loaded from a file or text, changed key by key, run."""
import ctypes
import json
import numbers
import operator
import os

from . import _lib
from ._lib import lib, locked
from .errors import OutOfMemoryError, ScenarioError
from .keys import key
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


def _count(name, value, keypath, allow_none=True):
    """value as an int inside the range of the scenario key keypath."""
    if value is None and allow_none:
        return 0
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an integer, not a bool")
    n = operator.index(value)
    k = key(keypath)
    if not (k["lo"] <= n <= k["hi"] and n < 2**64):
        raise ValueError(f"{name} must be in {k['range']} (got {n})")
    return n


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

    @classmethod
    def from_string(cls, text, name="<string>"):
        """Loads a scenario from YAML text; name stands for the file in
        messages and results."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        data = text.encode("utf-8")
        out = ctypes.c_void_p()
        _lib.call(lib.fw_scenario_load_string, _lib.arg(name, "name"), data,
                  len(data), ctypes.byref(out))
        return cls._wrap(out)

    @classmethod
    def _wrap(cls, ptr):
        sc = cls.__new__(cls)
        _lib.own(sc, ptr, lib.fw_scenario_free)
        return sc

    @locked
    def copy(self):
        """An independent copy."""
        return Scenario._wrap(_copy(self._ptr))

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
                _lib.call(lib.fw_scenario_set_number, trial,
                          _lib.optional_arg(variant, "variant"),
                          _lib.arg(path, "path"), float(value))
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
        r = lib.fw_scenario_is_uncertain(
            self._ptr, _lib.optional_arg(variant, "variant"),
            _lib.arg(path, "path"))
        if r < 0:
            where = f"variant {variant!r}" if variant else "the baseline"
            raise ScenarioError(f"{path}: no such key in {where}", path=path)
        return bool(r)

    @locked
    def add_variant(self, name, base=None):
        """Adds a variant named name, a copy of variant base (None: the
        baseline), to be changed with set(..., variant=name)."""
        _lib.call(lib.fw_scenario_add_variant, self._ptr,
                  _lib.arg(name, "name"), _lib.optional_arg(base, "base"))

    @locked
    def to_yaml(self):
        """The resolved scenario as YAML: every value, defaults marked,
        and what each variant changes. It loads as a scenario itself."""
        p = lib.fw_scenario_yaml(self._ptr)
        if not p:
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

    def run(self, reps=None, months=None, seed=None, threads=None):
        """Simulates every variant on common random numbers and returns
        the Run with its results. reps, months and seed replace the
        file's; threads defaults to OpenMP's (OMP_NUM_THREADS, else every
        core). The results are the same for any number of threads. The
        scenario is copied first, so changing it later changes no
        result; the GIL is released while the run computes."""
        opt = _lib.FwRunOptions()
        opt.replications = _count("reps", reps, "replications")
        opt.months = _count("months", months, "horizon_months")
        if seed is not None:
            opt.seed_set = 1
            opt.seed = _count("seed", seed, "seed", allow_none=False)
        if threads is not None:
            if isinstance(threads, bool) or \
                    not 1 <= operator.index(threads) <= 2**31 - 1:
                raise ValueError(f"threads must be a positive integer "
                                 f"(got {threads!r})")
            opt.threads = operator.index(threads)
        with self._lock:
            sc = _copy(self._ptr)
        return Run._simulate(sc, opt)

    def __repr__(self):
        return (f"<flywheel.Scenario {self.name!r} from {self.file!r}: "
                f"{', '.join(self.variants)}>")
