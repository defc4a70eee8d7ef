# chart.gp - draws chart C of the list (CHART_FILE, CHART_TPL, and the
# metric CHART_M and parameter CHART_P it shows) in PNG, SVG and PDF: one
# gnuplot a chart, so one that cannot be drawn costs that chart only.
# gnuplot -c chart.gp OUTDIR DATADIR TEMPLATEDIR C
OUT = ARG1
DATA = ARG2
TPL = ARG3
C = int(ARG4)
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
PAGE = 0
# What the template shows: a sweep's metric M and parameter P, a
# calibration's series I, the tornado of metric TM.
M = CHART_M[C]
P = CHART_P[C]
TM = M
I = M
# a sweep's points.tsv: the NP parameters, then mean, p5, p95 a metric
mean(m) = NP + 3 * (m - 1) + 1
TITLE_LH = 0.065
do for [FORMAT in "png svg pdf"] {
    load TPL."/type.gp"
    if (FORMAT eq "png") {
        set terminal pngcairo size 1600,900 font SUBFONT noenhanced
    } else {
        if (FORMAT eq "svg") {
            set terminal svg size 1600,900 font SUBFONT noenhanced
        } else {
            set terminal pdfcairo size 10in,5.625in font SUBFONT noenhanced
        }
    }
    set output OUT."/".S[CHART_FILE[C]].".".FORMAT
    load TPL."/".S[CHART_TPL[C]].".gp"
    unset output
}
