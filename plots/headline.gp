# headline.gp - page 1: the text rows pack.c laid out (headline, bullets,
# footnote; textrows.gp), and between them a strip of every option's NPV
# gain over the baseline: a dot at the mean and a bar from the 5th to the
# 95th percentile, in the option's colour, its figures written at the
# right, zero marked. headline-strip.tsv: rank, name, mean, p5, p95,
# colour (0xRRGGBB), figures, the strip's top and bottom (screen), the
# axis' ends, options, the axis' left end (screen); headline-ticks.tsv: value, label ($M).
reset
load STYLE
f = DATA."/".PAGEDATA
s = DATA."/headline-strip.tsv"
k = DATA."/headline-ticks.tsv"
# (stats before the text: its ranges would leave values out)
stats s using 8:9 nooutput
STRIP_TOP = STATS_max_x
STRIP_BOTTOM = STATS_max_y
stats s using 10:11 nooutput
AX_LO = STATS_min_x
AX_HI = STATS_max_y
NROW = STATS_records
stats s using 12:13 nooutput
STRIP_NOPT = int(STATS_max_x)
STRIP_LEFT = STATS_max_y
set multiplot
load TPL."/textrows.gp"
unset label
if (STRIP_NOPT > 0) {
    set border 1 lw 1.5 lc rgb "#444444"
    set lmargin at screen STRIP_LEFT
    set rmargin at screen 0.68
    set tmargin at screen STRIP_TOP
    set bmargin at screen STRIP_BOTTOM
    set xrange [AX_LO:AX_HI]
    set yrange [NROW + 0.6:0.4]
    set xtics () nomirror out scale 0.75 font SMALLFONT
    set ytics () scale 0 font SUBFONT
    set grid xtics noytics lc rgb "#e3e3e3"
    set label 1 "NPV gain over the baseline" at graph 0, graph 1 \
        offset 0, 0.9 left font SMALLFONT textcolor rgb "#555555"
    set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 1.5 lc rgb "#333333" back
    # rows: rank, name, mean, p5, p95, colour, figures
    # the bar in the option's colour, lighter (alpha 0x70), under its dot
    plot k using 1:(1):xtic(2) with points ps 0 notitle, \
         s using (AX_LO):1:ytic(2) with points ps 0 notitle, \
         s using 4:1:($5 - $4):(0):($6 + 0x70000000) with vectors nohead lw 7 \
            lc rgb variable notitle, \
         s using 3:1:6 with points pt 7 ps 1.6 lc rgb variable notitle, \
         s using 3:1 with points pt 6 ps 1.6 lw 1.5 lc rgb "#ffffff" notitle, \
         s using (AX_HI):1:7 with labels left offset 1, 0 font SMALLFONT \
            textcolor rgb "#333333" notitle
}
unset multiplot
