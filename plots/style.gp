# style.gp - what every flywheel chart shares. Loaded by each template
# after `reset`. Each option keeps its colour in every chart (baseline
# grey, the others Okabe-Ito hues chosen by name), and the HCP states
# have colour-blind-safe ones no option uses (ColorBrewer purples along
# the funnel, browns for those lost). Type is
# at least 12 pt on a 10-inch slide. FS, the base size, and PAGE (the
# board pack page, 0 for a chart of its own) come from the caller.
set encoding utf8
set termoption noenhanced
set datafile separator "\t"
set border 3 lw 1.5 lc rgb "#444444"
set tics nomirror out scale 0.75 textcolor rgb "#333333" font SUBFONT
set grid ytics lw 1 lc rgb "#e3e3e3"
unset key
unset title
set style fill transparent solid 0.22 noborder
set samples 400
set xlabel font SUBFONT
set ylabel font SUBFONT
array VC[8] = ["#555555", "#0072B2", "#E69F00", "#009E73", "#CC79A7", \
               "#D55E00", "#56B4E9", "#000000"]
# A run's options have colours of their own, by name (VCOL, optionlook.c)
vc(i) = exists("VCOL") ? S[VCOL[i]] : VC[(i - 1) % 8 + 1]
# HCP states: purples along the funnel, browns for those lost, greys
# for the unaware: hues no option's colour is near.
array SC[7] = ["#e0e0e0", "#dadaeb", "#bcbddc", "#807dba", "#3f007d", \
               "#dfc27d", "#a6611a"]
# A whole number with thousands separated: "-1,000", "12,500".
commas(x) = abs(x) >= 1000 ? (abs(x) >= 1e6 ? sprintf("%s%d,%03d,%03d", \
    x < 0 ? "-" : "", int(abs(x) + 0.5) / 1000000, \
    (int(abs(x) + 0.5) / 1000) % 1000, int(abs(x) + 0.5) % 1000) : \
    sprintf("%s%d,%03d", x < 0 ? "-" : "", int(abs(x) + 0.5) / 1000, \
    int(abs(x) + 0.5) % 1000)) : sprintf("%d", int(x + (x < 0 ? -0.5 : 0.5)))
# The plot area leaves the top to the title and the bottom to the axis
# label and the footer under it; on the right, room for the names at
# the lines' ends (NAME_W, the longest name's width, when known).
set lmargin at screen 0.10
set rmargin at screen exists("NAME_W") ? (NAME_W < 0.3 ? 0.95 - NAME_W : 0.65) : 0.80
set tmargin at screen 0.76
set bmargin at screen 0.19
if (PAGE > 0) {
    set label 1001 S[SCENARIO] at screen 0.03, 0.03 left font SMALLFONT \
        textcolor rgb "#777777"
    set label 1002 sprintf("%d / %d", PAGE, NPAGE) at screen 0.97, 0.03 \
        right font SMALLFONT textcolor rgb "#777777"
}
