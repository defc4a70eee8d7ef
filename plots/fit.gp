# fit.gp - series I of a calibration: the brand's observed months (points)
# over the calibrated scenario's 5-95% band of replications and its mean
# (line). fit-I.tsv: month, observed, mean, p5, p95.
reset
load STYLE
f = DATA.sprintf("/fit-%d.tsv", I)
if (TITLE2[I] eq "") {
    set title TITLE[I]
} else {
    set title TITLE[I]."\n".TITLE2[I]
}
set ylabel YLABEL[I]
set xrange [1:(MONTHS[I] > 1 ? MONTHS[I] : 2)]
if (!NEGATIVE[I]) { set yrange [0:*] }
set key top left
set label 1 "Points: observed. Line and band: the calibrated scenario's mean and 5–95% of replications." \
    at graph 0, graph 1.02 left font SMALLFONT textcolor rgb "#555555"
plot f using 1:4:5 with filledcurves lc rgb VC[6] title "5–95% of replications", \
     f using 1:3 with lines lw 3 lc rgb VC[6] title "calibrated scenario (mean)", \
     f using 1:2 with points pt 7 ps 1.6 lc rgb VC[1] title "observed"
