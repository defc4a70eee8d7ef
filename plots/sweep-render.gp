# sweep-render.gp - draws a sweep's plots in one format.
# gnuplot -c sweep-render.gp FORMAT OUTDIR DATADIR TEMPLATEDIR
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
# points.tsv: the NP parameters, then mean, p5, p95 of each metric ($M)
mean(m) = NP + 3 * (m - 1) + 1
do for [M=1:NM] {
    if (DESIGN eq "oneway") {
        set output OUT.sprintf("/tornado-%d.", M).FORMAT
        load ARG4."/tornado.gp"
    }
    if (DESIGN eq "sobol") {
        set output OUT.sprintf("/indices-%d.", M).FORMAT
        load ARG4."/indices.gp"
    }
    if ((DESIGN eq "grid" && NP == 1) || DESIGN eq "lhs") {
        do for [P=1:NP] {
            set output OUT.sprintf("/response-%d-%d.", M, P).FORMAT
            load ARG4."/response.gp"
        }
    }
    if (DESIGN eq "grid" && NP == 2) {
        set output OUT.sprintf("/heatmap-%d.", M).FORMAT
        load ARG4."/heatmap.gp"
    }
}
unset output
