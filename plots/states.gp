# states.gp - the difference that matters among the HCP states: each
# option's prescribing HCPs less the baseline's, month by month, a line
# an option named at its end, the baseline the zero line (with no
# option, the baseline's own count).
reset
load STYLE
TITLE = T_STATES
NOTE = S_STATES
load TPL."/title.gp"
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set yrange [SY_LO:SY_HI]
# whole HCPs with thousands separated: "-1,000", "4,000"
commas(x) = abs(x) >= 1000 ? sprintf("%s%d,%03d", x < 0 ? "-" : "", \
    int(abs(x) + 0.5) / 1000, int(abs(x) + 0.5) % 1000) : \
    sprintf("%d", int(x + (x < 0 ? -0.5 : 0.5)))
set ytics ()
do for [k=0:int((SY_HI - SY_LO) / SY_STEP + 0.5)] {
    set ytics add (commas(SY_LO + k * SY_STEP) SY_LO + k * SY_STEP)
}
set xlabel "Month"
set ylabel S[SY_LABEL]
# the baseline is the zero line, named at its end like the options
if (SFIRST > 1) {
    set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lw 2 \
        lc rgb vc(1) front
    set label 21 "Baseline" at graph 1.015, first SEND[1] left \
        textcolor rgb vc(1) font SUBFONT
}
do for [i=SFIRST:NV] {
    set label (20 + i) (i == 1 ? "Baseline" : S[NAME[i]]) at graph 1.015, \
        first SEND[i] left textcolor rgb vc(i) font SUBFONT
}
f = DATA."/states.tsv"
# columns: month, then each variant's value from SFIRST
plot for [i=SFIRST:NV] f using 1:(column(i - SFIRST + 2)) with lines lw 3 \
        lc rgb vc(i) notitle, \
     for [i=SFIRST:NV] f using 1:(T == 1 ? column(i - SFIRST + 2) : NaN) \
        with points pt 7 ps 1.5 lc rgb vc(i) notitle
