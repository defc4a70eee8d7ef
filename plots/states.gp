# states.gp - HCPs by state, month by month, stacked from zero, a panel
# per variant, the states named once at the right.
reset
load STYLE
TITLE = T_STATES
NOTE = 0
load TPL."/title.gp"
cols = NV <= 2 ? NV : 2
rows = (NV + cols - 1) / cols
set multiplot layout rows, cols margins 0.09, 0.82, 0.12, 0.76 \
    spacing 0.08, 0.10
set key at screen 0.985, 0.45 right center vertical Left reverse \
    font SMALLFONT samplen 1.2
set xrange [1:(T > 1 ? T : 2)]
# whole months on a short horizon
if (T < 8) { set xtics 1 }
set yrange [0:SY_HI]
set ytics SY_STEP
set format y sprintf("%%.%dfk", SY_DEC)
set ytics add ("0" 0)
set style fill solid 1.0 noborder
set tics font SMALLFONT
do for [i=1:NV] {
    # "Month" under the bottom row only, clear of the titles below
    if (i > NV - cols) { set xlabel "Month" font SMALLFONT } else { unset xlabel }
    set title S[NAME[i]] font SUBFONT textcolor rgb vc(i)
    f = DATA.sprintf("/states-%d.tsv", i)
    if (i > 1) { unset key }
    # columns: month, then the running total over the states (thousands)
    plot for [k=7:1:-1] f using 1:(k > 1 ? column(k) : 0):(column(k + 1)) \
        with filledcurves lc rgb SC[k] title S[STATE[k]]
    load TPL."/panels.gp"
}
unset multiplot
