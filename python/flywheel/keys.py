"""The table of scenario keys, as flywheel-scenario(5) lists them."""
import ctypes
import math

import pandas as pd

from . import _lib
from ._lib import lib
from .errors import ScenarioError

TYPES = ("text", "integer", "number", "mapping", "list")


def _row(info, i):
    buf = ctypes.create_string_buffer(64)
    lib.fw_key_range_text(i, buf, len(buf))
    return {
        "path": _lib.text(info.path),
        "type": TYPES[info.type],
        "range": buf.value.decode("utf-8"),
        "lo": info.lo,
        "hi": info.hi,
        "default": info.default if info.has_default else math.nan,
        "required": bool(info.required),
        "meaning": _lib.text(info.help),
        "label": _lib.text(info.label),
        "unit": _lib.text(info.unit),
    }


def params():
    """Every scenario key as a DataFrame: path, type, range (in words),
    lo and hi (of a number), default (NaN when there is none), required,
    meaning, and the label and unit charts give it."""
    rows = []
    for i in range(lib.fw_key_count()):
        info = _lib.FwKeyInfo()
        lib.fw_key_get(i, ctypes.byref(info))
        rows.append(_row(info, i))
    return pd.DataFrame(rows)


def key(path):
    """The key a dotted path names ("friction.access",
    "segments.cardiology.hcps") as a dict of the columns of params()."""
    info = _lib.FwKeyInfo()
    if lib.fw_key_lookup(_lib.arg(path), ctypes.byref(info)) != 0:
        raise ScenarioError(f"{path}: no such key", path=path)
    return _row(info, _index(_lib.text(info.path)))


def _index(path):
    for i in range(lib.fw_key_count()):
        info = _lib.FwKeyInfo()
        lib.fw_key_get(i, ctypes.byref(info))
        if _lib.text(info.path) == path:
            return i
    raise AssertionError(path)
