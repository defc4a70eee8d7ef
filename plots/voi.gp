# voi.gp - "Is it worth learning more before deciding?": the text rows
# pack.c laid out (as textpage.gp draws them) above what knowing each
# uncertain input first is worth, in $M, as bars, largest on top.
reset
load STYLE
f = DATA."/".PAGEDATA
bars = DATA."/voi-bars.tsv"
stats bars using 1 nooutput
NBAR = STATS_records
set multiplot
unset border
unset tics
unset grid
set lmargin at screen 0
set rmargin at screen 1
set tmargin at screen 1
set bmargin at screen 0
set xrange [0:1]
set yrange [0:1]
plot f using 1:2:($3 == 1 ? stringcolumn(4) : "") with labels left \
        font TITLEFONT textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 2 ? stringcolumn(4) : "") with labels left \
        font SUBFONT textcolor rgb "#222222", \
     f using 1:2:($3 == 3 ? stringcolumn(4) : "") with labels left \
        font "Sans Bold,15" textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 4 ? stringcolumn(4) : "") with labels left \
        font SMALLFONT textcolor rgb "#555555", \
     f using 1:2:($3 == 5 ? stringcolumn(4) : "") with labels left \
        font "Sans,15" textcolor rgb "#1a1a1a"
unset label
set border 1 lw 1.5 lc rgb "#444444"
set lmargin at screen 0.36
set rmargin at screen 0.86
set tmargin at screen 0.47
set bmargin at screen 0.12
# stats keeps to the ranges set: the text's [0:1] would drop every bar
# worth more than $1M
set autoscale xy
stats bars using 2 nooutput
# room at the end of the longest bar for its value
XMAX = STATS_max > 0 ? STATS_max * 1.3 : 1
set xrange [0:XMAX]
set xlabel "Worth of knowing the input before deciding, $M" font SMALLFONT
set yrange [NBAR + 0.6:0.4]
set xtics nomirror out font SMALLFONT
set ytics scale 0 font SMALLFONT
set grid xtics noytics lc rgb "#e3e3e3"
set style fill solid 0.9 noborder
plot bars using ($2 / 2):1:($2 / 2):(0.35):ytic(3) with boxxyerror \
        lc rgb "#0072B2" notitle, \
     bars using 2:1:4 with labels left offset 0.6, 0 font SMALLFONT notitle
unset multiplot
