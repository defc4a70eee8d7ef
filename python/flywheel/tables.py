"""A run's tables on disk, byte for byte as the flywheel command writes
them: numbers through the library's fw_format_real (nothing for NaN),
text quoted where CSV needs it and defused where a spreadsheet would take
it for a formula, and run.json. Written all or nothing."""
import os
import secrets
import shlex
import sys
import time

import pandas as pd

from . import _lib
from ._lib import lib
from .errors import FileError

FILES = ("summary.csv", "timeseries.csv", "replications.csv", "compare.csv",
         "paired.csv", "run.json")


def csv_text(s):
    """s as one CSV field: quoted when it holds a comma, a quote or a line
    break, and with a leading ' when it starts with = + - @ or a tab or
    carriage return (OWASP's advice on CSV injection)."""
    formula = s[:1] in ("=", "+", "-", "@", "\t", "\r")
    if not formula and not any(c in s for c in ',"\n\r'):
        return s
    return '"' + ("'" if formula else "") + s.replace('"', '""') + '"'


def json_text(s):
    """s as a JSON string: quote and backslash escaped, control
    characters as \\u00XX, everything else as it is."""
    out = ['"']
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or c == "\x7f":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out) + '"'


def _column(col, real):
    """The fields of one DataFrame column."""
    if pd.api.types.is_float_dtype(col.dtype):
        return ["" if x != x else real(x) for x in col.to_numpy().tolist()]
    if pd.api.types.is_integer_dtype(col.dtype):
        return ["" if x is pd.NA else str(x) for x in col.array]
    return [csv_text(x) for x in col]


def csv(df):
    """A DataFrame as the command's CSV text."""
    real = _lib.formatter()
    fields = [_column(df[c], real) for c in df.columns]
    lines = [",".join(csv_text(str(c)) for c in df.columns)]
    lines += [",".join(row) for row in zip(*fields)]
    return "\n".join(lines) + "\n"


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


def run_json(run, command_line, directory="."):
    """run.json: the settings a run's results came from."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    variants = ",".join(
        f'\n    {{"name": {json_text(name)}, "start_month": {start}, '
        f'"ramp_months": {ramp}}}'
        for name, start, ramp in run.schedule)
    changes = ",".join(
        f'\n    {{"variant": {json_text(name)}, "path": {json_text(path)}, '
        f'"baseline": {json_text(old)}, "value": {json_text(new)}}}'
        for name, path, old, new in run.changes)
    overrides = ",".join(
        f'\n    {{"variant": {"null" if v is None else json_text(v)}, '
        f'"path": {json_text(path)}, "value": {json_text(value)}}}'
        for v, path, value in run.overrides)
    fit = _lib.text(lib.fw_scenario_calibration(run._sc))
    if fit:
        fit = fit_table_from(directory, fit)
    calibration = f'  "calibration": {json_text(fit)},\n' if fit else ""
    return (
        "{\n"
        f'  "flywheel_version": {json_text(_lib.text(lib.fw_version()))},\n'
        f'  "model": {json_text(_lib.text(lib.fw_model()))},\n'
        f'  "scenario_file": {json_text(run.scenario_file)},\n'
        f'  "scenario_hash": {json_text(run.scenario_hash)},\n'
        f'  "scenario_sha256": {json_text(run.scenario_sha256)},\n'
        f'  "scenario_name": {json_text(run.scenario_name)},\n'
        f'{calibration}'
        f'  "variants": [{variants}\n  ],\n'
        f'  "changes": [{changes}{chr(10) + "  " if changes else ""}],\n'
        f'  "overrides": [{overrides}{chr(10) + "  " if overrides else ""}],\n'
        f'  "warmup_months": {run.warmup_months},\n'
        f'  "seed": {run.seed},\n'
        f'  "replications": {run.reps},\n'
        f'  "horizon_months": {run.months},\n'
        f'  "processes": 1,\n'
        f'  "threads": {run.threads},\n'
        f'  "elapsed_seconds": {run.elapsed:.3f},\n'
        f'  "finished": "{stamp}",\n'
        f'  "command_line": {json_text(command_line)},\n'
        f'  "rng": {json_text(_lib.text(lib.fw_rng_scheme()))}\n'
        "}\n")


def write_run(run, directory, command_line=None):
    """Writes the run's six files into directory, each under a temporary
    name until all are complete."""
    if command_line is None:
        command_line = shlex.join([sys.executable] + sys.argv)
    directory = os.fspath(directory)
    texts = (csv(run.summary), csv(run.timeseries), csv(run.replications),
             csv(run.compare), csv(run.paired),
             run_json(run, command_line, directory))
    done = []
    try:
        os.makedirs(directory, exist_ok=True)
        for name, text in zip(FILES, texts):
            final = os.path.join(directory, name)
            # a name no one can guess, created afresh: a link planted
            # in the directory is never written through
            tmp = os.path.join(directory, f".{name}.{secrets.token_hex(6)}"
                               f".{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL |
                         os.O_NOFOLLOW, 0o644)
            done.append((tmp, final))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        for tmp, final in done:
            os.replace(tmp, final)
    except BaseException as e:      # Ctrl-C too: no file half written
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
