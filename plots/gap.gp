# gap.gp - the value of scripts written but not filled, and customer
# value at risk, month by month, a line per variant.
reset
load STYLE
TITLE = T_GAP
NOTE = exists("S_GAP") ? S_GAP : 0
load TPL."/title.gp"
set multiplot
NAMES_FROM = 1
load TPL."/names.gp"
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set xlabel "Month"
set lmargin at screen 0.09
set rmargin at screen 0.47
set tmargin at screen 0.71
set bmargin at screen 0.26
set title "Value of unfilled scripts per month ($M)" font SUBFONT
set yrange [GY_LO:GY_HI]
set ytics GY_STEP
set format y sprintf("%%.%df", GY_DEC)
f = DATA."/gap.tsv"
plot for [i=1:NV] f using 1:(column(2 * i)) with lines lw 3 lc rgb vc(i) \
    notitle
load TPL."/panels.gp"
do for [i=1:NV] { unset label 400 + i }
set lmargin at screen 0.58
set rmargin at screen 0.96
set title "Customer value at risk ($M)" font SUBFONT
set yrange [VY_LO:VY_HI]
set ytics VY_STEP
set format y sprintf("%%.%df", VY_DEC)
plot for [i=1:NV] f using 1:(column(2 * i + 1)) with lines lw 3 \
    lc rgb vc(i) notitle
unset multiplot
