# cumgain.gp - cumulative cash gain of each variant over the baseline with
# the 95% interval of its mean: the compounding curve, payback marked.
reset
load STYLE
set title "Cumulative cash gain over the baseline (mean, 95% interval)"
set ylabel "Cumulative cash gain ($M)"
set xrange [1:(T > 1 ? T : 2)]
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
f = DATA."/cumgain.tsv"
do for [i=2:NV] {
    if (PAYBACK[i] > 0) {
        set arrow from PAYBACK[i], graph 0 to PAYBACK[i], graph 1 nohead \
            dt 2 lw 2 lc rgb vc(i)
        set label sprintf("payback month %d", PAYBACK[i]) \
            at PAYBACK[i], graph 0.04 + 0.07 * (i - 2) offset 0.5, 0 left \
            textcolor rgb vc(i) font SMALLFONT
    }
}
# columns: month, then mean, low and high of each variant after the baseline
plot for [i=2:NV] f using 1:(column(3*i-3)):(column(3*i-2)) \
        with filledcurves lc rgb vc(i) notitle, \
     for [i=2:NV] f using 1:(column(3*i-4)) with lines lw 3 lc rgb vc(i) \
        title NAME[i]
