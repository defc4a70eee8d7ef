# mechanism.gp - why the leader gains, against the baseline: HCPs by
# state at the horizon (bars from zero), mean trust, and the share of
# written scripts that go unfilled, month by month.
reset
load STYLE
TITLE = T_MECHANISM
NOTE = 0
load TPL."/title.gp"
set multiplot
# Panel 1: HCPs by state at the horizon.
# the names (12 pt, 6/7 of NAME_W) inside the page's margin
set lmargin at screen NAME_W * 6 / 7 < 0.21 ? 0.05 + NAME_W * 6 / 7 : 0.26
set rmargin at screen 0.39
set tmargin at screen 0.70
set bmargin at screen 0.27
set title S[S_STATES] font SUBFONT
set xrange [0:WS_HI]
# ticks in HCPs with thousands separated ("500", "1,000"), not "0.5k";
# every other one, for the panel is narrow
set xtics () font SMALLFONT
do for [k=0:int(WS_HI / WS_STEP + 0.5):2] {
    set xtics add (commas(1000 * k * WS_STEP) k * WS_STEP)
}
set yrange [WN + 0.6:0.4]
set ytics scale 0 font SMALLFONT
set grid xtics noytics lc rgb "#e3e3e3"
unset xlabel
set style fill solid 1.0 border lc rgb "#ffffff"
# The states named once, in a row under the panels.
do for [k=1:7] {
    x0 = 0.08 + (k - 1) * 0.125
    set object 300 + k rect from screen x0, 0.095 to screen x0 + 0.018, 0.125 \
        fc rgb SC[k] fs solid 1.0 noborder
    set label 300 + k S[STATE[k]] at screen x0 + 0.025, 0.11 left \
        font SMALLFONT textcolor rgb "#333333"
}
r = DATA."/mechanism-states.tsv"
# rows: number, name, then the running total over the states (thousands)
plot r using (column(3) / 2):1:(column(3) / 2):(0.32):ytic(2) \
        with boxxyerror lc rgb SC[1] notitle, \
     for [k=2:7] r using ((column(k + 1) + column(k + 2)) / 2):1: \
        ((column(k + 2) - column(k + 1)) / 2):(0.32) with boxxyerror \
        lc rgb SC[k] notitle
do for [k=1:7] { unset object 300 + k; unset label 300 + k }
load TPL."/panels.gp"
unset title
# Panel 2: mean trust.
set lmargin at screen 0.45
set rmargin at screen 0.67
set title "Mean trust (0 to 1)" font SUBFONT
set xrange [1:(T > 1 ? T : 2)]
# few enough month ticks for a narrow panel
set xtics autofreq
if (T < 8) { set xtics 1 }
MSTEP = T > 72 ? 40 : 20
if (T > 24) { set xtics MSTEP }
set format x "%.0f"
set yrange [WT_LO:WT_HI]
set ytics WT_STEP
set format y sprintf("%%.%df", WT_DEC)
set ytics scale 0.75
set grid noxtics ytics
set xlabel "Month"
# Which line is which, above the two line panels.
set label 31 "— ".S[NAME[1]] at screen 0.45, 0.8 left \
    textcolor rgb vc(1) font SUBFONT
if (WN > 1) {
    set label 32 "— ".S[NAME[WLEAD]] at screen 0.70, 0.8 left \
        textcolor rgb vc(WLEAD) font SUBFONT
}
t = DATA."/mechanism-trust.tsv"
plot t using 1:2 with lines lw 3 lc rgb vc(1) notitle, \
     t using 1:(WN > 1 ? $3 : NaN) with lines lw 3 lc rgb vc(WLEAD) notitle
unset label 31
unset label 32
# Panel 3: scripts unfilled.
set lmargin at screen 0.75
set rmargin at screen 0.97
set title "Scripts unfilled (%)" font SUBFONT
set yrange [WG_LO:WG_HI]
set ytics WG_STEP
set format y sprintf("%%.%df", WG_DEC)
g = DATA."/mechanism-gap.tsv"
plot g using 1:(HAS_GAP_RATE ? $2 : NaN) with lines lw 3 lc rgb vc(1) \
        notitle, \
     g using 1:(HAS_GAP_RATE && WN > 1 ? $3 : NaN) with lines lw 3 \
        lc rgb vc(WLEAD) notitle
unset multiplot
