"""libflywheel through ctypes: where the library is found, the C types
of flywheel.h, and the prototype of every function the package calls.

Every call goes through ctypes.CDLL, which releases the GIL for the
duration of the call: a whole run is one call (fw_run_finish), so other
Python threads go on while it computes.
"""
import ctypes
import ctypes.util
import functools
import os
import subprocess
import threading
import weakref
from pathlib import Path

from .errors import error_from

c_double_p = ctypes.POINTER(ctypes.c_double)


class FwError(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("file", ctypes.c_char * 512),
                ("line", ctypes.c_int), ("column", ctypes.c_int),
                ("path", ctypes.c_char * 256), ("msg", ctypes.c_char * 512)]


class FwKeyInfo(ctypes.Structure):
    _fields_ = [("file", ctypes.c_char_p), ("path", ctypes.c_char_p),
                ("type", ctypes.c_int),
                ("lo", ctypes.c_double), ("hi", ctypes.c_double),
                ("lo_open", ctypes.c_int), ("hi_open", ctypes.c_int),
                ("required", ctypes.c_int), ("has_default", ctypes.c_int),
                ("default", ctypes.c_double),
                ("default_text", ctypes.c_char_p), ("help", ctypes.c_char_p),
                ("label", ctypes.c_char_p),
                ("unit", ctypes.c_char_p)]


class FwChange(ctypes.Structure):
    _fields_ = [("path", ctypes.c_char * 256), ("from_", ctypes.c_char * 200),
                ("to", ctypes.c_char * 200)]


class FwRunOptions(ctypes.Structure):
    _fields_ = [("replications", ctypes.c_uint64), ("months", ctypes.c_int),
                ("seed_set", ctypes.c_int), ("seed", ctypes.c_uint64),
                ("threads", ctypes.c_int)]


def _doubles(*names):
    return [(n, ctypes.c_double) for n in names]


class FwStats(ctypes.Structure):
    _fields_ = _doubles("mean", "sd", "se", "min", "p5", "p25", "p50", "p75",
                        "p95", "max", "es5")


class FwBand(ctypes.Structure):
    _fields_ = _doubles("mean", "p5", "p50", "p95")


class FwPaired(ctypes.Structure):
    _fields_ = _doubles("mean", "lo95", "hi95", "p5", "p50", "p95",
                        "p_positive")


class FwVoiEstimate(ctypes.Structure):
    _fields_ = _doubles("value", "se")


class FwGain(ctypes.Structure):
    _fields_ = _doubles("mean", "lo95", "hi95", "p5", "p50", "p95")


class FwLeakageStage(ctypes.Structure):
    _fields_ = [("path", ctypes.c_char_p), ("target", ctypes.c_char_p),
                ("actual", ctypes.c_double),
                ("target_value", ctypes.c_double),
                ("actual_uncertain", ctypes.c_int),
                ("target_uncertain", ctypes.c_int)]


class FwLeakageFigure(ctypes.Structure):
    _fields_ = _doubles("mean", "lo95", "hi95")


class FwLeakageRow(ctypes.Structure):
    _fields_ = [(f, FwLeakageFigure) for f in
                ("actual", "alone", "shapley", "share", "interaction")]


class FwSensitivity(ctypes.Structure):
    _fields_ = _doubles("low", "high", "at_base", "at_low", "at_high",
                        "swing", "s1", "s1_lo95", "s1_hi95", "st", "st_lo95",
                        "st_hi95")


class FwFit(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("estimate", ctypes.c_double),
                ("lo95", ctypes.c_double), ("hi95", ctypes.c_double),
                ("lo_at_edge", ctypes.c_int), ("hi_at_edge", ctypes.c_int),
                ("partner", ctypes.c_int)]


class FwCalibrationProgress(ctypes.Structure):
    _fields_ = [("evaluations", ctypes.c_size_t), ("lowest", ctypes.c_double),
                ("stage", ctypes.c_char_p), ("start", ctypes.c_size_t)]


class FwOption(ctypes.Structure):
    _fields_ = ([("variant", ctypes.c_size_t), ("name", ctypes.c_char_p)] +
                _doubles("mean", "p5", "p50", "p95", "p_ahead", "npv_p5") +
                [("payback", ctypes.c_int)] +
                _doubles("compounding", "spend", "program_cost", "cost",
                         "roi"))


class FwRecommendation(ctypes.Structure):
    _fields_ = ([("call", ctypes.c_int), ("n", ctypes.c_size_t),
                 ("opt", ctypes.POINTER(FwOption)),
                 ("reps", ctypes.c_uint64), ("months", ctypes.c_int),
                 ("leader", ctypes.c_size_t), ("runner_up", ctypes.c_size_t),
                 ("rival", ctypes.c_size_t)] +
                _doubles("lead_mean", "lead_p5", "lead_p95", "lead_p_ahead",
                         "p_best"))


class FwRunRecord(ctypes.Structure):
    _fields_ = [("command_line", ctypes.c_char_p),
                ("finished", ctypes.c_char_p),
                ("calibration", ctypes.c_char_p),
                ("processes", ctypes.c_int)]


P = ctypes.c_void_p
S = ctypes.c_char_p
Z = ctypes.c_size_t
U64 = ctypes.c_uint64
INT = ctypes.c_int
D = ctypes.c_double
E = ctypes.POINTER(FwError)
PP = ctypes.POINTER(ctypes.c_void_p)

# name: (result type, argument types)
PROTOTYPES = {
    "fw_error_format": (None, [E, ctypes.c_char_p, Z]),
    "fw_version": (S, []),
    "fw_model": (S, []),
    "fw_rng_scheme": (S, []),
    "fw_format_real": (None, [D, ctypes.c_char_p, Z]),
    "fw_free": (None, [P]),
    "fw_key_count": (Z, []),
    "fw_key_get": (INT, [Z, ctypes.POINTER(FwKeyInfo)]),
    "fw_key_lookup": (INT, [S, ctypes.POINTER(FwKeyInfo)]),
    "fw_key_range_text": (None, [Z, ctypes.c_char_p, Z]),
    "fw_key_limit": (ctypes.c_char_p, [Z]),
    "fw_scenario_load": (INT, [S, PP, E]),
    "fw_scenario_load_string": (INT, [S, S, Z, PP, E]),
    "fw_scenario_copy": (INT, [P, PP]),
    "fw_scenario_free": (None, [P]),
    "fw_scenario_set": (INT, [P, S, S, S, E]),
    "fw_scenario_set_number": (INT, [P, S, S, D, E]),
    "fw_scenario_value": (INT, [P, S, S, D, c_double_p, E]),
    "fw_scenario_is_uncertain": (INT, [P, S, S, ctypes.POINTER(INT)]),
    "fw_scenario_add_variant": (INT, [P, S, S, E]),
    "fw_scenario_yaml": (INT, [P, PP]),
    "fw_scenario_name": (S, [P]),
    "fw_scenario_file": (S, [P]),
    "fw_scenario_hash": (S, [P]),
    "fw_scenario_horizon": (INT, [P]),
    "fw_scenario_replications": (U64, [P]),
    "fw_scenario_seed": (U64, [P]),
    "fw_scenario_variant_count": (Z, [P]),
    "fw_scenario_variant_name": (S, [P, Z]),
    "fw_scenario_variant_description": (S, [P, Z]),
    "fw_scenario_warmup": (INT, [P]),
    "fw_scenario_variant_start": (INT, [P, Z]),
    "fw_scenario_variant_ramp": (INT, [P, Z]),
    "fw_scenario_change_count": (Z, [P, Z]),
    "fw_scenario_change": (INT, [P, Z, Z, ctypes.POINTER(FwChange)]),
    "fw_run_alloc": (INT, [P, ctypes.POINTER(FwRunOptions), PP, E]),
    "fw_run_finish": (INT, [P, E]),
    "fw_run_free": (None, [P]),
    "fw_run_replications": (U64, [P]),
    "fw_run_months": (INT, [P]),
    "fw_run_seed": (U64, [P]),
    "fw_run_threads": (INT, [P]),
    "fw_max_threads": (INT, []),
    "fw_run_elapsed": (D, [P]),
    "fw_metric_count": (Z, []),
    "fw_metric_name": (S, [Z]),
    "fw_series_count": (Z, []),
    "fw_series_name": (S, [Z]),
    "fw_series_has_percentiles": (INT, [Z]),
    "fw_stats_of": (None, [c_double_p, Z, ctypes.POINTER(FwStats)]),
    "fw_run_stats": (INT, [P, Z, Z, ctypes.POINTER(FwStats)]),
    "fw_run_values": (INT, [P, Z, Z, c_double_p]),
    "fw_run_month": (INT, [P, Z, INT, Z, ctypes.POINTER(FwBand)]),
    "fw_run_month_values": (INT, [P, Z, Z, c_double_p]),
    "fw_run_draw_count": (Z, [P]),
    "fw_run_draw_path": (S, [P, Z]),
    "fw_run_draws": (INT, [P, Z, Z, c_double_p]),
    "fw_run_voi_data": (INT, [P, c_double_p, c_double_p]),
    "fw_voi_partial": (INT, [c_double_p, Z, Z, c_double_p, Z,
                             ctypes.POINTER(ctypes.c_size_t), Z,
                             ctypes.POINTER(FwVoiEstimate), E]),
    "fw_voi_perfect": (INT, [c_double_p, Z, Z, c_double_p, Z,
                             ctypes.POINTER(FwVoiEstimate),
                             ctypes.POINTER(FwVoiEstimate), c_double_p,
                             c_double_p, E]),
    "fw_run_paired": (INT, [P, Z, Z, Z, ctypes.POINTER(FwPaired)]),
    "fw_run_cumulative_gain": (INT, [P, Z, INT, ctypes.POINTER(FwGain)]),
    "fw_run_payback": (INT, [P, Z, Z, ctypes.POINTER(INT)]),
    "fw_run_compounding": (INT, [P, Z, Z, c_double_p]),
    "fw_sweep_load": (INT, [S, PP, E]),
    "fw_sweep_free": (None, [P]),
    "fw_sweep_file": (S, [P]),
    "fw_sweep_design": (S, [P]),
    "fw_sweep_replications": (U64, [P]),
    "fw_sweep_seed": (U64, [P]),
    "fw_sweep_months": (INT, [P]),
    "fw_sweep_set_replications": (INT, [P, U64]),
    "fw_sweep_set_seed": (INT, [P, U64]),
    "fw_sweep_param_count": (Z, [P]),
    "fw_sweep_param_path": (S, [P, Z]),
    "fw_sweep_param_variant": (S, [P, Z]),
    "fw_sweep_param_range": (None, [P, Z, c_double_p, c_double_p]),
    "fw_sweep_base_value": (D, [P, Z]),
    "fw_sweep_metric_count": (Z, [P]),
    "fw_sweep_metric_label": (S, [P, Z]),
    "fw_sweep_points": (Z, [P]),
    "fw_sweep_value": (D, [P, Z, Z]),
    "fw_sweep_block": (None, [P, Z, ctypes.c_char_p, Z]),
    "fw_sweep_point_scenario": (INT, [P, Z, PP, E]),
    "fw_sweep_metric_values": (INT, [P, Z, P, c_double_p]),
    "fw_sweep_sensitivity": (INT, [P, c_double_p, Z,
                                   ctypes.POINTER(FwSensitivity)]),
    "fw_calibration_load": (INT, [S, PP, E]),
    "fw_calibration_free": (None, [P]),
    "fw_calibration_set_threads": (INT, [P, INT]),
    "fw_calibration_file": (S, [P]),
    "fw_calibration_data_file": (S, [P]),
    "fw_calibration_months": (INT, [P]),
    "fw_calibration_param_count": (Z, [P]),
    "fw_calibration_param_path": (S, [P, Z]),
    "fw_calibration_param_range": (None, [P, Z, c_double_p, c_double_p]),
    "fw_calibration_target_count": (Z, [P]),
    "fw_calibration_target_metric": (S, [P, Z]),
    "fw_calibration_target_segment": (S, [P, Z]),
    "fw_calibration_target_weight": (D, [P, Z]),
    "fw_calibration_target_scale": (D, [P, Z]),
    "fw_calibration_target_observed": (Z, [P, Z]),
    "fw_calibration_step": (INT, [P, E]),
    "fw_calibration_done": (INT, [P]),
    "fw_calibration_get_progress": (None, [
        P, ctypes.POINTER(FwCalibrationProgress)]),
    "fw_calibration_fit": (INT, [P, Z, ctypes.POINTER(FwFit)]),
    "fw_calibration_objective": (D, [P]),
    "fw_calibration_month": (INT, [P, Z, INT, c_double_p,
                                   ctypes.POINTER(FwBand)]),
    "fw_calibration_fitted": (INT, [P, PP, E]),
    "fw_calibration_fitted_distributions": (INT, [P, PP, E]),
}

# Added with binary interface 1: provenance, stepping, loading from text.
PROTOTYPES.update({
    "fw_abi_version": (INT, []),
    "fw_scenario_sha256": (S, [P]),
    "fw_scenario_calibration": (S, [P]),
    "fw_scenario_override_count": (Z, [P]),
    "fw_scenario_override": (INT, [P, Z, ctypes.POINTER(S),
                                   ctypes.POINTER(S), ctypes.POINTER(S)]),
    "fw_run_step": (INT, [P, U64, E]),
    "fw_run_done": (U64, [P]),
    "fw_run_block_count": (U64, [P]),
    "fw_run_pack_size": (Z, [P, U64, U64]),
    "fw_run_pack": (None, [P, U64, U64, P]),
    "fw_run_unpack": (INT, [P, U64, U64, P, Z, E]),
    "fw_sweep_load_string": (INT, [S, S, Z, PP, E]),
    "fw_sweep_scenario": (P, [P]),
    "fw_calibration_load_string": (INT, [S, S, Z, P, PP, E]),
    "fw_calibration_scenario": (P, [P]),
    "fw_run_write_workbook": (INT, [P, S, S, E]),
})

# The run's tables (fw_run_write_tables(3)).
PROTOTYPES.update({
    "fw_table_name": (S, [Z]),
    "fw_run_write_tables": (INT, [P, ctypes.POINTER(FwRunRecord),
                                  ctypes.POINTER(INT), E]),
})

# The recommendation (fw_recommend(3)).
R = ctypes.POINTER(FwRecommendation)
PROTOTYPES.update({
    "fw_run_recommend": (INT, [P, R]),
    "fw_recommendation_free": (None, [R]),
    "fw_recommendation_title": (None, [R, ctypes.c_char_p, Z]),
    "fw_recommendation_answer": (None, [R, ctypes.c_char_p, Z]),
    "fw_recommendation_line": (None, [R, Z, ctypes.c_char_p, Z]),
})

# Added with binary interface 2: leakage.
PROTOTYPES.update({
    "fw_leakage_alloc": (INT, [P, S, PP, E]),
    "fw_leakage_free": (None, [P]),
    "fw_leakage_set_stage": (INT, [P, S, S, E]),
    "fw_leakage_set_friction": (INT, [P, E]),
    "fw_leakage_build": (INT, [P, ctypes.POINTER(Z), E]),
    "fw_leakage_scenario": (P, [P]),
    "fw_leakage_decompose": (INT, [P, P, E]),
    "fw_leakage_variant": (S, [P]),
    "fw_leakage_stage_count": (Z, [P]),
    "fw_leakage_get_stage": (INT, [P, Z, ctypes.POINTER(FwLeakageStage)]),
    "fw_leakage_metric_count": (Z, []),
    "fw_leakage_metric": (S, [Z]),
    "fw_leakage_get_row": (INT, [P, Z, Z, ctypes.POINTER(FwLeakageRow)]),
})

# The binary interface (FW_ABI_VERSION of flywheel.h) the structs and
# prototypes above mirror: a library of another reads and writes them
# otherwise. 2: every function that can fail returns a status.
ABI = 2

NAMES = ("libflywheel.so.2", "libflywheel.so", "libflywheel.dylib")


def _build_trees():
    """Build directories of the source tree this package sits in, if it
    does: <src>/build (./setup.sh), <src> itself (a build in place), then
    any other folder of <src> that holds a build, newest first."""
    src = Path(__file__).resolve().parent.parent.parent
    if not (src / "sim" / "flywheel.h").is_file():
        return []
    others = sorted((d for d in src.iterdir() if d.is_dir() and
                     d.name != "build" and (d / "sim" / ".libs").is_dir()),
                    key=lambda d: (d / "sim" / ".libs").stat().st_mtime,
                    reverse=True)
    return [src / "build", src] + others


def _pkg_config_libdir():
    """The libdir of flywheel.pc as pkg-config finds it (PKG_CONFIG_PATH
    included), or None."""
    try:
        p = subprocess.run(["pkg-config", "--variable=libdir", "flywheel"],
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return p.stdout.strip() if p.returncode == 0 and p.stdout.strip() \
        else None


def _installed():
    """The library where `make install` put it, then where pkg-config
    says it is, then where the system's loader finds one."""
    found = []
    try:
        from . import _paths
        found += [os.path.join(_paths.LIBDIR, n) for n in NAMES]
    except ImportError:
        pass
    libdir = _pkg_config_libdir()
    if libdir:
        found += [p for p in (os.path.join(libdir, n) for n in NAMES)
                  if os.path.exists(p)]
    name = ctypes.util.find_library("flywheel")
    if name:
        found.append(name)
    return found


def candidates():
    """Where the library is looked for, in order."""
    env = os.environ.get("FLYWHEEL_LIBRARY")
    if env:
        return [env]
    trees = [str(t / "sim" / ".libs" / n) for t in _build_trees()
             for n in NAMES]
    return [p for p in trees if os.path.exists(p)] + _installed()


class _DlInfo(ctypes.Structure):
    _fields_ = [("fname", ctypes.c_char_p), ("fbase", ctypes.c_void_p),
                ("sname", ctypes.c_char_p), ("saddr", ctypes.c_void_p)]


def _file_of(function):
    """The file the loader took a function from (dladdr), or None."""
    try:
        dladdr = ctypes.CDLL(None).dladdr
    except (AttributeError, OSError):
        return None
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    info = _DlInfo()
    if not dladdr(ctypes.cast(function, ctypes.c_void_p), ctypes.byref(info)):
        return None
    return os.fsdecode(info.fname) if info.fname else None


def _check_abi(lib, path):
    """ImportError unless the library's binary interface is ABI."""
    try:
        f = lib.fw_abi_version
    except AttributeError:
        raise ImportError(f"{path} is a libflywheel without fw_abi_version:"
                          f" it is older than this package, which needs "
                          f"binary interface {ABI}") from None
    f.restype, f.argtypes = ctypes.c_int, []
    if f() != ABI:
        raise ImportError(
            f"{path} has binary interface {f()}, this package was written "
            f"for {ABI}: install the package and the library of one "
            "version of flywheel (or name the right library in "
            "FLYWHEEL_LIBRARY)")


def load():
    """Loads libflywheel and declares its functions; ImportError saying
    where it looked when there is none."""
    tried = []
    env = os.environ.get("FLYWHEEL_LIBRARY")
    for path in candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            if env:
                raise ImportError(f"FLYWHEEL_LIBRARY={env}: {e}") from None
            tried.append(path)
            continue
        _check_abi(lib, path)
        for name, (restype, argtypes) in PROTOTYPES.items():
            try:
                f = getattr(lib, name)
            except AttributeError:
                raise ImportError(f"{path} is a libflywheel without {name}: "
                                  "it is older than this package") from None
            f.restype = restype
            f.argtypes = argtypes
        lib.path = _file_of(lib.fw_version) or path
        return lib
    raise ImportError(
        "libflywheel not found" +
        (f" (tried {', '.join(tried)})" if tried else "") +
        ": build it with ./setup.sh, install it with make install, or name "
        "the file in FLYWHEEL_LIBRARY")


lib = load()


def text(b):
    """A C string the library returned, as str (None for NULL)."""
    return None if b is None else b.decode("utf-8")


def arg(s, what):
    """A str argument as a C string: TypeError for anything but a str,
    ValueError for one with a NUL character, which C would cut it at."""
    if not isinstance(s, str):
        raise TypeError(f"{what} must be a str, not {type(s).__name__}")
    b = s.encode("utf-8")
    if b"\0" in b:
        raise ValueError(f"{what} must not contain a NUL character")
    return b


def optional_arg(s, what):
    """The same for an argument that may be None (NULL)."""
    return None if s is None else arg(s, what)


def path_arg(path):
    """A file name (str, bytes or os.PathLike) as a C string."""
    b = os.fsencode(path)
    if b"\0" in b:
        raise ValueError("a file name must not contain a NUL character")
    return b


def arg_doubles(x):
    """A C-contiguous float64 NumPy array as a double * argument."""
    return x.ctypes.data_as(c_double_p)


def check(rc, err):
    """Raises the exception of a failed call's status and fw_error."""
    if rc != 0:
        buf = ctypes.create_string_buffer(1536)
        err.code = rc
        lib.fw_error_format(ctypes.byref(err), buf, len(buf))
        raise error_from(rc, buf.value.decode("utf-8", "replace"),
                         err.file.decode("utf-8", "replace"), err.line,
                         err.column, err.path.decode("utf-8", "replace"),
                         err.msg.decode("utf-8", "replace"))


def variant_names(sc):
    """Names of the variants of the C scenario sc, the baseline first."""
    return [text(lib.fw_scenario_variant_name(sc, v))
            for v in range(lib.fw_scenario_variant_count(sc))]


def call(f, *args):
    """Calls f(*args, &err) and raises on failure."""
    err = FwError()
    check(f(*args, ctypes.byref(err)), err)


def formatter():
    """A function that writes a number as the command's tables do
    (fw_format_real), with a buffer of its own, so that threads writing
    tables at once do not share one."""
    buf = ctypes.create_string_buffer(40)
    fmt = lib.fw_format_real

    def real(x):
        fmt(x, buf, 40)
        return buf.value.decode("ascii")
    return real


def own(obj, ptr, free):
    """Makes the C object ptr obj's: free(ptr) when obj goes. obj keeps
    one lock over all the C objects it ever holds (see locked)."""
    obj._ptr = ptr
    obj._free = weakref.finalize(obj, free, ptr)
    if not hasattr(obj, "_lock"):
        obj._lock = threading.RLock()


def locked(method):
    """method, holding its object's lock: a C object is changed by one
    thread at a time, and never freed or changed while another thread
    reads it."""
    @functools.wraps(method)
    def call_locked(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return call_locked


def overrides(sc):
    """The changes made to the C scenario sc since loading:
    (variant or None, path, value) each."""
    out = []
    v, p, x = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
    for i in range(lib.fw_scenario_override_count(sc)):
        if lib.fw_scenario_override(sc, i, ctypes.byref(v), ctypes.byref(p),
                                    ctypes.byref(x)) == 0:
            out.append((text(v.value), text(p.value), text(x.value)))
    return out


def interruptible(f, *args, keep=None):
    """f(*args) in a thread of its own, which the caller waits for in
    slices: Ctrl-C (KeyboardInterrupt, raised in the main thread only)
    then reaches the caller at once, while the call under way -- which C
    cannot abandon -- finishes in the background and is thrown away.
    keep (an object, or a lock to hold) stays alive, or held, until it
    has finished, and so does the program, if it ends before."""
    out, done = {}, threading.Event()

    def work():
        try:
            if hasattr(keep, "acquire"):
                with keep:
                    out["result"] = f(*args)
            else:
                out["result"] = f(*args)
        except BaseException as e:      # handed to the caller below
            out["error"] = e
        finally:
            done.set()

    # Not a daemon: a program that ends waits for the call to finish
    # before it frees what the call uses. Waited for through an Event, as
    # a join() that Ctrl-C interrupts can take the thread for finished.
    threading.Thread(target=work).start()
    while not done.wait(0.05):
        pass
    if "error" in out:
        raise out["error"]
    return out["result"]
