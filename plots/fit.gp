# fit.gp - series I of a calibration: the brand's observed months (dots)
# over the calibrated scenario's mean (line) and its 5th-95th percentile
# band across replications, named at the line ends. fit-I.tsv: month,
# observed, mean, p5, p95.
reset
load STYLE
TITLE = FIT_TITLE[I]
NOTE = FIT_NOTE
load TPL."/title.gp"
set xrange [1:(MONTHS[I] > 1 ? MONTHS[I] : 2)]
# whole months on a short history
if (MONTHS[I] < 8) { set xtics 1 }
set yrange [RY_LO[I]:RY_HI[I]]
set ytics RY_STEP[I]
set format y sprintf("%%.%df", RY_DEC[I])
set xlabel "Month"
set ylabel S[YLABEL[I]]
set label 21 "calibrated scenario" at graph 1.015, first MEND[I] left \
    textcolor rgb vc(2) font SUBFONT
set label 22 "the brand" at graph 1.015, first OEND[I] left \
    textcolor rgb "#1a1a1a" font SUBFONT
f = DATA.sprintf("/fit-%d.tsv", I)
plot f using 1:4:5 with filledcurves lc rgb vc(2) notitle, \
     f using 1:3 with lines lw 3 lc rgb vc(2) notitle, \
     f using 1:2 with points pt 7 ps 1.2 lc rgb "#1a1a1a" notitle
