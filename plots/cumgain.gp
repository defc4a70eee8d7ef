# cumgain.gp - when the gain arrives: each option's mean cumulative cash
# gain over the baseline, the leader's 5th-95th percentile band of the
# paired gain, names at the line ends, start and payback marked on the
# zero line and named above the chart, a row per option.
reset
load STYLE
TITLE = T_CUMGAIN
NOTE = S_CUMGAIN
load TPL."/title.gp"
set tmargin at screen 0.74 - 0.05 * NCMARK
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set yrange [CY_LO:CY_HI]
set ytics CY_STEP
set format y sprintf("%%.%df", CY_DEC)
set xlabel "Month"
set ylabel "Cumulative cash gain ($M)"
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
do for [i=2:NV] {
    set label 20 + i S[NAME[i]] at graph 1.015, first CEND[i] left \
        textcolor rgb vc(i) font SUBFONT
}
do for [k=1:NCDOT] {
    set object 100 + k circle at CDOT_X[k], CDOT_Y[k] size char 0.45 front \
        fc rgb vc(CDOT_V[k]) fs solid 1.0 border lc rgb "#ffffff"
}
do for [k=1:NCMARK] {
    set label 200 + k S[CMARK_T[k]] at CMARK_X[k], graph 1 \
        offset 0, char (0.6 + 1.25 * (NCMARK - k)) left \
        textcolor rgb vc(CMARK_V[k]) font SMALLFONT
}
f = DATA."/cumgain.tsv"
# columns: month, then mean, p5, p95 of each option in file order
plot f using 1:(column(3 * LEAD - 3)):(column(3 * LEAD - 2)) \
        with filledcurves lc rgb vc(LEAD) notitle, \
     for [i=2:NV] f using 1:(column(3 * i - 4)) with lines lw 3 \
        lc rgb vc(i) notitle, \
     for [i=2:NV] f using 1:(T == 1 ? column(3 * i - 4) : NaN) \
        with points pt 7 ps 1.5 lc rgb vc(i) notitle
