# voi.gp - "Is it worth learning more before deciding?": the text rows
# pack.c laid out (as textpage.gp draws them) above what knowing each
# uncertain input first is worth, in $M, as bars, largest on top, as
# many rows as inputs under the text (voi-bars.tsv: rank, $M, name,
# value written, the plot's top and bottom).
reset
load STYLE
f = DATA."/".PAGEDATA
bars = DATA."/voi-bars.tsv"
stats bars using 1 nooutput
NBAR = STATS_records
# before the text, whose ranges would leave the larger values out; room
# at the end of the longest bar for its value
stats bars using 2 nooutput
XMAX = STATS_max > 0 ? STATS_max * 1.3 : 1
# the plot's top and bottom, under the text (voipage.c)
stats bars using 5:6 nooutput
VOI_TOP = STATS_max_x
VOI_BOTTOM = STATS_min_y
set multiplot
load TPL."/textrows.gp"
unset label
set border 1 lw 1.5 lc rgb "#444444"
set lmargin at screen 0.36
set rmargin at screen 0.86
set tmargin at screen VOI_TOP
set bmargin at screen VOI_BOTTOM
set xrange [0:XMAX]
set xlabel "Worth of knowing the input before deciding, $M" font SMALLFONT
set yrange [NBAR + 0.6:0.4]
set xtics nomirror out font SMALLFONT
set ytics scale 0 font SMALLFONT
set grid xtics noytics lc rgb "#e3e3e3"
set style fill solid 0.9 noborder
plot bars using ($2 / 2):1:($2 / 2):(0.35):ytic(3) with boxxyerror \
        lc rgb "#505050" notitle, \
     bars using 2:1:4 with labels left offset 0.6, 0 font SMALLFONT notitle
unset multiplot
