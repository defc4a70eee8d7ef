# response.gp - metric M against parameter P: the mean at each point with
# the 5-95% range of replications.
reset
load STYLE
f = DATA."/points.tsv"
set title sprintf("%s\nagainst %s", METRIC[M], PARAM[P])
set xlabel PARAM[P]
set ylabel sprintf("%s ($M)", METRIC[M])
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
set key top left
if (DESIGN eq "grid") {
    plot f using P:(column(mean(M) + 1)):(column(mean(M) + 2)) \
            with filledcurves lc rgb VC[2] title "5–95% of replications", \
         f using P:(column(mean(M))) with linespoints lw 3 pt 7 \
            lc rgb VC[2] title "mean"
} else {
    plot f using P:(column(mean(M))):(column(mean(M) + 1)):(column(mean(M) + 2)) \
            with yerrorbars pt 7 lc rgb VC[2] title "mean, 5–95% of replications"
}
