# render.gp - draws every chart of a run in one format.
# gnuplot -c render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
FORMAT = ARG1
OUT = ARG2
DATA = ARG3
TPL = ARG4
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
PAGE = 0
# A 10 x 5.625 inch slide: 14 pt in the PDF, the same share of the
# picture in the 1600 x 900 PNG and SVG.
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
do for [c=1:NCHART] {
    set output OUT."/".S[CHART_FILE[c]].".".FORMAT
    load TPL."/".S[CHART_TPL[c]].".gp"
    unset output
}
