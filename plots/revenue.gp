# revenue.gp - revenue per month: each variant's median, the leader's
# 5th-95th percentile band across replications, names at the line ends.
reset
load STYLE
TITLE = T_REVENUE
NOTE = S_REVENUE
load TPL."/title.gp"
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set yrange [RY_LO:RY_HI]
set ytics RY_STEP
set format y sprintf("%%.%df", RY_DEC)
set xlabel "Month"
set ylabel "Revenue per month ($M)"
do for [i=1:NV] {
    set label 20 + i S[NAME[i]] at graph 1.015, first REND[i] left \
        textcolor rgb vc(i) font SUBFONT
}
f = DATA."/revenue.tsv"
# columns: month, then p5, p50, p95 of each variant
# one band, the leader's (the baseline's with no option): four
# overlapping bands read as one grey mass
plot for [i=1:NV] f using 1:(i == RLEAD ? column(3 * i - 1) : NaN): \
        (column(3 * i + 1)) with filledcurves lc rgb vc(i) notitle, \
     for [i=1:NV] f using 1:(column(3 * i)) with lines lw 3 lc rgb vc(i) \
        notitle, \
     for [i=1:NV] f using 1:(T == 1 ? column(3 * i) : NaN) with points \
        pt 7 ps 1.5 lc rgb vc(i) notitle
