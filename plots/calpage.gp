# calpage.gp - the page on how the baseline was fitted: the text rows
# calpage.c laid out (textrows.gp), and under them a panel a series
# fitted: the brand's months (dots) over the calibrated baseline's mean
# (line) and its 5th-95th percentile band, in the baseline's grey.
# calfit.tsv: a block a series: month, observed, mean, p5, p95, the
# panels' top and bottom (screen), their number, whether the series is
# money ($M), its axis's top and tick step from zero, and its last month.
reset
load STYLE
f = DATA."/".PAGEDATA
c = DATA."/calfit.tsv"
# (stats before the text: its ranges would leave values out)
stats c using 6:7 nooutput
TOP = STATS_max_x
BOTTOM = STATS_max_y
stats c using 8 nooutput
NFIT = int(STATS_max)
set multiplot
load TPL."/textrows.gp"
unset label
if (NFIT > 0) {
    W = 0.88 / NFIT
    set border 3 lw 1.5 lc rgb "#444444"
    set xtics nomirror out scale 0.75 textcolor rgb "#333333" font SMALLFONT
    set ytics nomirror out scale 0.75 textcolor rgb "#333333" font SMALLFONT
    set grid ytics lw 1 lc rgb "#e3e3e3"
    set xlabel "Month" font SMALLFONT offset 0, 0.5
    set tmargin at screen TOP
    set bmargin at screen BOTTOM
    set style fill transparent solid 0.25 noborder
    do for [i=1:NFIT] {
        set lmargin at screen 0.06 + (i - 1) * W + 0.03
        set rmargin at screen 0.06 + i * W - 0.04
        # the months of the history, round ticks from zero, money in $M
        # (the last panel's ranges would leave values out of stats)
        set xrange [*:*]
        set yrange [*:*]
        stats c index (i - 1) using 9:10 nooutput
        MONEY = STATS_max_x
        YTOP = STATS_max_y
        stats c index (i - 1) using 11:12 nooutput
        YSTEP = STATS_max_x
        LAST = STATS_max_y
        set xrange [1:LAST]
        set yrange [0:YTOP]
        set ytics 0, YSTEP, YTOP
        if (MONEY) { set format y (YSTEP < 1 ? "$%.1fM" : "$%.0fM") } \
        else { set format y "%.0f" }
        plot c index (i - 1) using 1:4:5 with filledcurves \
                lc rgb "#555555" notitle, \
             c index (i - 1) using 1:3 with lines lw 2.5 \
                lc rgb "#555555" notitle, \
             c index (i - 1) using 1:2 with points pt 7 ps 0.7 \
                lc rgb "#000000" notitle
    }
}
unset multiplot
