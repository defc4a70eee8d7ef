"""A run's tables on disk, byte for byte as the flywheel command writes
them: the library writes them (fw_run_write_tables) into files opened
here, each under a temporary name no one can guess, created afresh, and
all renamed into place once every one is complete."""
import ctypes
import os
import secrets
import shlex
import sys
import time

from . import _lib
from ._lib import lib
from .errors import FileError



def _names():
    """The tables' file names, in the order of the library's fw_table."""
    names = []
    while lib.fw_table_name(len(names)) is not None:
        names.append(_lib.text(lib.fw_table_name(len(names))))
    return tuple(names)


FILES = _names()


def fit_table_from(directory, path):
    """A relative fit-table path named instead from the results directory,
    as the command records it, so that a replot from anywhere finds it;
    an absolute path is kept as given."""
    if os.path.isabs(path):
        return path
    parent, base = os.path.split(path)
    try:
        rel = os.path.relpath(os.path.realpath(parent or "."),
                              os.path.realpath(directory))
    except ValueError:
        return os.path.abspath(path)
    return base if rel == "." else f"{rel}/{base}"


def _write(run, fds, command_line, directory):
    """The library's tables of run into the descriptors fds."""
    fit = _lib.text(lib.fw_scenario_calibration(run._sc))
    rec = _lib.FwRunRecord(
        command_line.encode("utf-8"),
        time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()).encode(),
        fit_table_from(directory, fit).encode("utf-8") if fit else None, 1)
    _lib.call(lib.fw_run_write_tables, run._run, ctypes.byref(rec),
              (ctypes.c_int * len(fds))(*fds))


def write_run(run, directory, command_line=None):
    """Writes the run's six files into directory, each under a temporary
    name until all are complete."""
    if command_line is None:
        command_line = shlex.join([sys.executable] + sys.argv)
    directory = os.fspath(directory)
    done, fds = [], []
    try:
        os.makedirs(directory, exist_ok=True)
        for name in FILES:
            final = os.path.join(directory, name)
            # a name no one can guess, created afresh: a link planted
            # in the directory is never written through
            tmp = os.path.join(directory, f".{name}.{secrets.token_hex(6)}"
                               f".{os.getpid()}.tmp")
            fds.append(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL |
                               os.O_NOFOLLOW, 0o644))
            done.append((tmp, final))
        _write(run, fds, command_line, directory)
        for fd in fds:
            os.fsync(fd)
        for tmp, final in done:
            os.replace(tmp, final)
    except BaseException as e:      # Ctrl-C too: no file half written
        for fd in fds:
            os.close(fd)
        fds = []
        for tmp, _ in done:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if not isinstance(e, OSError):
            raise
        where = done[-1][1] if done else directory
        why = f"cannot write: {e.strerror}"
        raise FileError(f"{where}: {why}", file=where, message=why) from None
    finally:
        for fd in fds:
            os.close(fd)
