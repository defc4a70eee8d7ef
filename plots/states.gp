# states.gp - what each option changes in the HCPs, against the
# baseline, month by month: prescribing HCPs (left) and advocates
# (right), a line per option in its colour, zero marked, the options
# named once in a row under the panels.
reset
load STYLE
TITLE = T_STATES
NOTE = S_HCPDIFF
load TPL."/title.gp"
set multiplot
NAMES_FROM = 2
load TPL."/names.gp"
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set xlabel "Month"
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
set lmargin at screen 0.10
set rmargin at screen 0.47
set tmargin at screen 0.72
set bmargin at screen 0.26
set title "Prescribing HCPs, option less baseline" font SUBFONT
set yrange [SY_LO:SY_HI]
set ytics SY_STEP
set format y "%.0f"
f = DATA."/states.tsv"
# columns: month, then each option's two differences, in file order
plot for [i=2:NV] f using 1:(column(2 * i - 2)) with lines lw 3 \
    lc rgb vc(i) notitle
load TPL."/panels.gp"
do for [i=1:NV] { unset label 400 + i }
set lmargin at screen 0.59
set rmargin at screen 0.96
set title "Advocates, option less baseline" font SUBFONT
set yrange [SA_LO:SA_HI]
set ytics SA_STEP
plot for [i=2:NV] f using 1:(column(2 * i - 1)) with lines lw 3 \
    lc rgb vc(i) notitle
unset multiplot
