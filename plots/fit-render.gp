# fit-render.gp - draws a calibration's fit charts in one format.
# gnuplot -c fit-render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
FORMAT = ARG1
OUT = ARG2
DATA = ARG3
TPL = ARG4
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
PAGE = 0
# A 10 x 5.625 inch slide, as render.gp draws the run's charts.
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
do for [I=1:NT] {
    set output OUT.sprintf("/fit-%d.", I).FORMAT
    load TPL."/fit.gp"
    unset output
}
