"""flywheel: Monte Carlo forecasts of experience-led revenue, from Python.

A thin layer over libflywheel (the library the flywheel command is built
on): the same scenarios, the same random streams, the same numbers.

    import flywheel
    sc = flywheel.Scenario("scenarios/default.yaml")
    sc.set("friction.access", 0.30)
    r = sc.run(reps=200, seed=7)
    r.summary            # pandas DataFrame, as summary.csv
    r.values("npv")      # NumPy array, replications x variants

The library is found through the environment variable FLYWHEEL_LIBRARY (a
file), else in the source tree this package sits in (after ./setup.sh),
else where `make install` put it, else where pkg-config or the system's
loader finds it.
"""
from . import _lib
from .calibration import Calibration
from .errors import (Error, FileError, OutOfMemoryError, RunError,
                     ScenarioError)
from .keys import key, params
from .recommend import Recommendation
from .run import Run, metrics, series
from .scenario import Scenario
from .sweep import Sweep
from . import morris

try:
    from ._version import __version__   # written when installed
except ImportError:                     # the source tree: its library's
    __version__ = _lib.text(_lib.lib.fw_version())
library = _lib.lib.path

__all__ = ["Scenario", "Run", "Recommendation", "Sweep", "Calibration",
           "params", "key", "metrics", "series",
           "Error", "ScenarioError", "RunError", "FileError",
           "OutOfMemoryError", "morris", "__version__", "library"]
