"""Which option a finished run recommends, how sure it is, and the words
the command prints for it: the library's fw_run_recommend (fw_recommend(3)),
so that Python says what the console, the workbook and the board pack say."""
import ctypes

import pandas as pd

from . import _lib
from ._lib import lib
from .errors import error_from

CALLS = ("none", "keep", "close", "likely", "clear")
OPTIONS = ("option", "dnpv_mean", "dnpv_p5", "dnpv_p50", "dnpv_p95",
           "p_dnpv_positive", "npv_p5", "payback_month", "compounding",
           "spend_pv", "program_cost", "incremental_cost", "roi")
TEXT = 2048


def _text(f, rec, *args):
    buf = ctypes.create_string_buffer(TEXT)
    f(ctypes.byref(rec), *args, buf, TEXT)
    return _lib.text(buf.value)


class Recommendation:
    """The recommendation of a run (Run.recommendation).

    call: "clear", "likely", "close", "keep" (the baseline: no option
    gains NPV on average) or "none" (no options); close: whether it is a
    close call; leader, runner_up: option names (None when there are
    fewer); rival: the choice a close call is close against (the
    runner-up, or the baseline's name); lead: the leader's NPV less the
    runner-up's, paired (mean, p5, p95, p_ahead; NaN with one option);
    p_best: the share of replications in which nothing beats the leader's
    NPV; options: a DataFrame, best first, with each option's paired NPV
    gain and the tie-breakers (payback_month, program_cost, npv_p5);
    title, answer, lines: the words; str() is what `flywheel run` prints.
    """

    def __init__(self, run):
        rec = _lib.FwRecommendation()
        rc = lib.fw_run_recommend(run._run, ctypes.byref(rec))
        if rc != 0:
            raise error_from(rc, f"fw_run_recommend: {rc}")
        try:
            self._read(run, rec)
        finally:
            lib.fw_recommendation_free(ctypes.byref(rec))

    def _read(self, run, rec):
        names = run.variants
        self.call = CALLS[rec.call]
        self.close = self.call == "close"
        self.reps = rec.reps
        self.leader = names[rec.leader] if rec.n >= 1 else None
        self.runner_up = names[rec.runner_up] if rec.n >= 2 else None
        self.rival = names[rec.rival] if self.close else None
        self.lead = {"mean": rec.lead_mean, "p5": rec.lead_p5,
                     "p95": rec.lead_p95, "p_ahead": rec.lead_p_ahead}
        self.p_best = rec.p_best
        rows = []
        for i in range(rec.n):
            o = rec.opt[i]
            rows.append([names[o.variant], o.mean, o.p5, o.p50, o.p95,
                         o.p_ahead, o.npv_p5,
                         o.payback if o.payback > 0 else pd.NA,
                         o.compounding, o.spend, o.program_cost, o.cost,
                         o.roi])
        self.options = pd.DataFrame(rows, columns=OPTIONS)
        self.options["payback_month"] = \
            self.options["payback_month"].astype("Int64")
        self.title = _text(lib.fw_recommendation_title, rec)
        self.answer = (_text(lib.fw_recommendation_answer, rec)
                       if rec.n > 0 else "")
        self.lines = [_text(lib.fw_recommendation_line, rec, i)
                      for i in range(rec.n)]

    def __str__(self):
        """The recommendation as `flywheel run` prints it."""
        out = f"{self.title}.\n"
        if self.lines:
            out += (f"{self.answer}\n\nEach option against the baseline, "
                    f"from {self.reps} replications paired on the same "
                    "random draws:\n")
        return out + "".join(line + "\n" for line in self.lines)

    def __repr__(self):
        return f"<flywheel.Recommendation: {self.title}>"
