# npv.gp - risk: each variant's NPV across replications as a density,
# named at its peak.
reset
load STYLE
TITLE = T_NPV
NOTE = S_NPV
load TPL."/title.gp"
set rmargin at screen 0.95
set xrange [NX_LO:NX_HI]
set xtics NX_STEP
set format x sprintf("%%.%df", NX_DEC)
# thousands separated: "1,000"
if (NX_DEC == 0) {
    set xtics ()
    do for [k=0:int((NX_HI - NX_LO) / NX_STEP + 0.5)] {
        set xtics add (commas(NX_LO + k * NX_STEP) NX_LO + k * NX_STEP)
    }
}
set yrange [0:NY_HI]
# the height is only how often: no numbers a board would ask about
unset ytics
set grid noytics
set border 1
set xlabel "NPV over the horizon ($M)"
set ylabel "How often (taller: more replications)"
do for [i=1:NV] {
    set label 20 + i S[NAME[i]] at NLAB_X[i], NLAB_Y[i] center \
        textcolor rgb vc(i) font SUBFONT front
}
f = DATA."/npv-density.tsv"
# light fills, so that overlapping curves stay apart
plot for [i=1:NV] f using 1:(column(i + 1)) with filledcurves y1=0 \
        fs transparent solid 0.08 lc rgb vc(i) notitle, \
     for [i=1:NV] f using 1:(column(i + 1)) with lines lw 3 lc rgb vc(i) \
        notitle
