"""Progress of a long call: a callback the caller gives, or a text bar on
standard error when a person is watching (a terminal or a notebook)."""
import sys
import time


def watched():
    """Whether standard error is a terminal or a notebook's."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return True
    except (AttributeError, ValueError):
        pass
    shell = sys.modules.get("IPython")
    try:
        return shell is not None and \
            hasattr(shell.get_ipython(), "kernel")
    except Exception:       # no IPython shell after all
        return False


class Bar:
    """A one-line bar, redrawn at most ten times a second:
    "what  [#######.......]  120/200  3.1 s"."""

    def __init__(self, what):
        self.what, self.start, self.drawn = what, time.monotonic(), 0.0

    def __call__(self, done, total):
        now = time.monotonic()
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        width = 30
        filled = width * done // total if total else width
        sys.stderr.write(f"\r{self.what}  [{'#' * filled}"
                         f"{'.' * (width - filled)}]  {done}/{total}  "
                         f"{now - self.start:.1f} s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def reporter(progress, what):
    """What to call with (done, total): progress itself when it is a
    function, a Bar when it is None and a person is watching, else
    nothing (None). progress=False turns the bar off."""
    if callable(progress):
        return progress
    if progress is None and watched():
        return Bar(what)
    if progress not in (None, False, True):
        raise TypeError(f"progress must be a function, None or False "
                        f"(got {progress!r})")
    return Bar(what) if progress is True else None
