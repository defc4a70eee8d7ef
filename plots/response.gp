# response.gp - metric M against parameter P: the mean at each point
# with the 5th-95th percentile range of replications.
reset
load STYLE
f = DATA."/points.tsv"
set rmargin at screen 0.95
set tmargin at screen 0.80
set label 1003 S[METRIC[M]] at screen 0.03, 0.945 left font TITLEFONT \
    textcolor rgb "#1a1a1a"
set label 1004 "against ".S[PARAM[P]] at screen 0.03, 0.88 left \
    font SUBFONT textcolor rgb "#333333"
set xlabel S[PARAM[P]]
set ylabel S[METRIC[M]]
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
set key at screen 0.95, 0.88 right top font SMALLFONT
if (GRID) {
    plot f using P:(column(mean(M) + 1)):(column(mean(M) + 2)) \
            with filledcurves lc rgb VC[2] title "5th to 95th percentile of replications", \
         f using P:(column(mean(M))) with linespoints lw 3 pt 7 \
            lc rgb VC[2] title "mean"
} else {
    plot f using P:(column(mean(M))):(column(mean(M) + 1)):(column(mean(M) + 2)) \
            with yerrorbars pt 7 lc rgb VC[2] title "mean, 5th to 95th percentile of replications"
}
