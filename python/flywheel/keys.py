"""The table of scenario keys, as flywheel-scenario(5) lists them."""
import ctypes
import math
import operator

import pandas as pd

from . import _lib
from ._lib import lib
from .errors import ScenarioError

TYPES = ("text", "integer", "number", "mapping", "list", "boolean")


def _row(info, i):
    buf = ctypes.create_string_buffer(64)
    lib.fw_key_range_text(i, buf, len(buf))
    return {
        "file": _lib.text(info.file),
        "path": _lib.text(info.path),
        "type": TYPES[info.type],
        "range": buf.value.decode("utf-8"),
        "lo": info.lo,
        "hi": info.hi,
        "default": info.default if info.has_default else math.nan,
        "default_text": _lib.text(info.default_text),
        "required": bool(info.required),
        # The reason for an upper limit, as flywheel params gives it.
        "meaning": _lib.text(info.help) + (
            "; limit: " + lib.fw_key_limit(i).decode("utf-8")
            if lib.fw_key_limit(i) else ""),
        "label": _lib.text(info.label),
        "unit": _lib.text(info.unit),
    }


def params(kind="scenario"):
    """Every key of a scenario file (kind "sweep": of a sweep file;
    "calibration": of a calibration file) as a DataFrame, as `flywheel
    params` lists them: path, type, range (in
    words), lo and hi (of a number), default (NaN when there is no
    number), default_text (a default in words, or None), required,
    meaning, and the label and unit charts give it."""
    if kind not in ("scenario", "sweep", "calibration"):
        raise ValueError(f"kind is scenario, sweep or calibration, not "
                         f"{kind!r}")
    rows = []
    for i in range(lib.fw_key_count()):
        info = _lib.FwKeyInfo()
        lib.fw_key_get(i, ctypes.byref(info))
        if _lib.text(info.file) == kind:
            rows.append(_row(info, i))
    return pd.DataFrame(rows).drop(columns="file")


def key(path, kind="scenario"):
    """The scenario key a dotted path names ("friction.access",
    "segments.cardiology.hcps") as a dict of the columns of params(),
    with the file it belongs to; with kind "sweep" or "calibration", the
    key of that file at exactly that path."""
    info = _lib.FwKeyInfo()
    if kind == "scenario":
        if lib.fw_key_lookup(_lib.arg(path, "path"),
                             ctypes.byref(info)) != 0:
            raise ScenarioError(f"{path}: no such key", path=path)
        path = _lib.text(info.path)
    for i in range(lib.fw_key_count()):
        lib.fw_key_get(i, ctypes.byref(info))
        if _lib.text(info.file) == kind and _lib.text(info.path) == path:
            return _row(info, i)
    raise ScenarioError(f"{path}: no such key of a {kind} file", path=path)


def count(name, value, keypath, kind="scenario"):
    """value, an int, checked against the range of the key keypath of a
    kind file: every limit the bindings check is the library's."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an integer, not a bool")
    n = operator.index(value)
    k = key(keypath, kind)
    if not (k["lo"] <= n <= k["hi"] and n < 2**64):
        raise ValueError(f"{name} must be in {k['range']} (got {n})")
    return n


def threads(value):
    """value, an int, checked against the library's most threads
    (fw_max_threads())."""
    if isinstance(value, bool):
        raise TypeError("threads must be an integer, not a bool")
    n = operator.index(value)
    most = lib.fw_max_threads()
    if not 1 <= n <= most:
        raise ValueError(f"threads must be in 1..{most} (got {n})")
    return n
