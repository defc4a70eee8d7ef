# sweep-render.gp - draws a sweep's charts in one format, from the list
# sweepplot.c writes (CHART_FILE, CHART_TPL, and the metric CHART_M and
# parameter CHART_P each shows).
# gnuplot -c sweep-render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
FORMAT = ARG1
OUT = ARG2
DATA = ARG3
TPL = ARG4
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
PAGE = 0
FS = FORMAT eq "pdf" ? 14 : 15.5
TITLEFONT = sprintf("Sans Bold,%g", FS * 1.3)
SUBFONT = sprintf("Sans,%g", FS)
SMALLFONT = sprintf("Sans,%g", FS * 12.0 / 14)
TITLE_LH = 0.065
if (FORMAT eq "png") {
    set terminal pngcairo size 1600,900 font SUBFONT noenhanced
} else {
    if (FORMAT eq "svg") {
        set terminal svg size 1600,900 font SUBFONT noenhanced
    } else {
        set terminal pdfcairo size 10in,5.625in font SUBFONT noenhanced
    }
}
# points.tsv: the NP parameters, then mean, p5, p95 of each metric
mean(m) = NP + 3 * (m - 1) + 1
do for [c=1:NCHART] {
    M = CHART_M[c]
    P = CHART_P[c]
    TM = M
    set output OUT."/".S[CHART_FILE[c]].".".FORMAT
    load TPL."/".S[CHART_TPL[c]].".gp"
    unset output
}
