"""The exceptions of the package: one per status of libflywheel, each
also an instance of the built-in exception it stands for."""


class Error(Exception):
    """A failure libflywheel reported. str() is the library's own text,
    "file:line:column: path: message"; the parts are attributes: status
    (an FW_ status number), file, line and column (1-based, 0 when not
    known), path (the key path, e.g. "segments[1].hcps", or "") and
    message."""

    status = None

    def __init__(self, text, file="", line=0, column=0, path="",
                 message=""):
        super().__init__(text)
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message or text


class RunError(Error, RuntimeError):
    """A run failed: a result or a drawn value was not a finite number."""
    status = 1


class ScenarioError(Error, ValueError):
    """Invalid input: a scenario or sweep file, a key path, a value, a
    variant name."""
    status = 3


class FileError(Error, OSError):
    """A file cannot be read or written."""
    status = 4


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory, or a run's results would not fit in
    the machine's."""
    status = 5


_BY_STATUS = {c.status: c for c in (RunError, ScenarioError, FileError,
                                    OutOfMemoryError)}


def error_from(status, text, file="", line=0, column=0, path="",
               message=""):
    """The exception for a status the library returned."""
    cls = _BY_STATUS.get(status, Error)
    if not text and status == OutOfMemoryError.status:
        text = "out of memory"
    e = cls(text, file, line, column, path, message)
    e.status = status
    return e
