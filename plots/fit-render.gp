# fit-render.gp - draws a calibration's fit plots in one format.
# gnuplot -c fit-render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
FORMAT = ARG1
OUT = ARG2
DATA = ARG3
STYLE = ARG4."/style.gp"
load DATA."/meta.gp"
FS = FORMAT eq "pdf" ? 13 : 22
if (FORMAT eq "png") {
    set terminal pngcairo size 1600,900 font sprintf("Sans,%d", FS) noenhanced
} else {
    if (FORMAT eq "svg") {
        set terminal svg size 1600,900 font sprintf("Sans,%d", FS) noenhanced
    } else {
        set terminal pdfcairo size 10in,5.625in font sprintf("Sans,%d", FS) noenhanced
    }
}
do for [I=1:NT] {
    set output OUT.sprintf("/fit-%d.", I).FORMAT
    load ARG4."/fit.gp"
}
unset output
