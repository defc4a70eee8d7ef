"""Sweep and calibration files given as text or as a dict: the dict is
written as YAML text (JSON is YAML) for the library to read, and what
the library reads from files of its own -- a calibration's observations
given as a DataFrame, a scenario given as a Scenario -- goes into a
private temporary folder for as long as the loading takes."""
import contextlib
import ctypes
import json
import os
import shutil
import tempfile

from . import _lib


def _plain(x):
    if hasattr(x, "item"):          # NumPy scalars
        return x.item()
    raise TypeError(f"cannot write {x!r} in a sweep or calibration")


@contextlib.contextmanager
def spec_text(spec):
    """The YAML text of a spec (str, or dict whose 'scenario' may be a
    Scenario and whose 'data' may be a DataFrame), valid inside the
    with-block."""
    if isinstance(spec, str):
        yield spec
        return
    if not isinstance(spec, dict):
        raise TypeError(f"a sweep or calibration is a dict or YAML text, "
                        f"not {type(spec).__name__}")
    spec = dict(spec)
    folder = None
    try:
        from .scenario import Scenario
        if isinstance(spec.get("scenario"), Scenario):
            folder = folder or tempfile.mkdtemp(prefix="flywheel-")
            path = os.path.join(folder, "scenario.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(spec["scenario"].to_yaml())
            spec["scenario"] = path
        if hasattr(spec.get("data"), "to_csv"):
            folder = folder or tempfile.mkdtemp(prefix="flywheel-")
            path = os.path.join(folder, "observed.csv")
            spec["data"].to_csv(path, index=False)
            spec["data"] = path
        yield json.dumps(spec, allow_nan=False, default=_plain)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def load(load_string, spec, name, *extra):
    """The C object load_string (fw_sweep_load_string, ...) makes of a
    spec (text or dict), name standing for its file; extra arguments go
    before the result's."""
    out = ctypes.c_void_p()
    with spec_text(spec) as text:
        data = text.encode("utf-8")
        _lib.call(load_string, _lib.path_arg(name), data, len(data), *extra,
                  ctypes.byref(out))
    return out
