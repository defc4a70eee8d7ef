# render.gp - draws every plot in one format.
# gnuplot -c render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
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
array PLOTS[6] = ["revenue", "cumgain", "npv", "states", "gap", "dnpv"]
do for [p=1:6] {
    if (NV > 1 || (PLOTS[p] ne "cumgain" && PLOTS[p] ne "dnpv")) {
        set output OUT."/".PLOTS[p].".".FORMAT
        load ARG4."/".PLOTS[p].".gp"
        unset output
    }
}
