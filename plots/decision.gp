# decision.gp - the decision: each option's NPV gain over the baseline,
# paired replication by replication, as a shape (its spread), ranked
# best on top, with the mean (long tick) and the 5th and 95th
# percentiles (short ticks); zero is always on the axis. A spread too
# narrow to see as a shape is a dot at the mean and a 5th-95th bar. On
# a close call the last row (NDIFF) is the leader's NPV less the
# runner-up's, set apart by a rule.
reset
load STYLE
TITLE = T_DECISION
NOTE = S_DECISION
load TPL."/title.gp"
# the names' column as wide as the longest ("Leader less runner-up"
# on a close call), the figures at the right
set lmargin at screen NAME_W > 0.22 ? (NAME_W < 0.36 ? 0.04 + NAME_W : 0.40) : 0.26
set rmargin at screen 0.56
set xrange [DX_LO:DX_HI]
set xtics DX_STEP
set format x sprintf("%%.%df", DX_DEC)
set yrange [NOPT + 0.55:0.45]
set ytics scale 0 font SUBFONT
set grid xtics noytics lc rgb "#e3e3e3"
set xlabel "NPV gain over the baseline ($M)"
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 2 lc rgb "#333333" back
do for [i=1:NOPT] {
    set label 10 + 2 * i S[DTEXT1[i]] at graph 1.03, first i - 0.13 left \
        font SMALLFONT textcolor rgb "#333333"
    set label 11 + 2 * i S[DTEXT2[i]] at graph 1.03, first i + 0.17 left \
        font SMALLFONT textcolor rgb "#333333"
}
if (NDIFF > 0) {
    set arrow 2 from graph 0, first NOPT - 0.5 to graph 1, first NOPT - 0.5 \
        nohead lw 1 dt 2 lc rgb "#999999" back
}
s = DATA."/decision-shape.tsv"
r = DATA."/decision-rows.tsv"
# rows: rank, name, p5, mean (the long tick), p95, mean, colour, narrow
# (dot and bar)
plot for [i=1:NOPT] s index (i - 1) using 1:2:3 with filledcurves \
        fs transparent solid 0.45 lc rgb vc(DV[i]) notitle, \
     r using (DX_LO):1:ytic(2) with points ps 0 notitle, \
     r using ($8 > 0 ? NaN : $3):($1 - 0.2):(0):(0.4) with vectors nohead lw 2 \
        lc rgb "#1a1a1a" notitle, \
     r using ($8 > 0 ? NaN : $5):($1 - 0.2):(0):(0.4) with vectors nohead lw 2 \
        lc rgb "#1a1a1a" notitle, \
     r using ($8 > 0 ? NaN : $4):($1 - 0.4):(0):(0.8) with vectors nohead lw 4 \
        lc rgb "#1a1a1a" notitle, \
     r using ($8 > 0 ? $3 : NaN):1:(($5) - ($3)):(0) with vectors nohead lw 5 \
        lc rgb "#1a1a1a" notitle, \
     for [i=1:NOPT] r every ::(i - 1)::(i - 1) using ($8 > 0 ? $4 : NaN):1 \
        with points pt 7 ps 1.1 lc rgb vc(DV[i]) notitle
