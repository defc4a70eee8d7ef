# waterfall.gp - where value leaks: actual NPV, then each stage's Shapley
# gain from the largest down, floating from the level the stages before it
# reached, up to the frictionless ceiling; whiskers are 95% intervals.
reset
load STYLE
# title and subtitle stand above the plot whatever its margins
set label 3 TITLE at screen 0.5, screen 0.94 center font TITLEFONT
set label 1 SUBTITLE at screen 0.5, screen 0.875 center font SMALLFONT \
    textcolor rgb "#444444"
set label 2 NOTE at screen 0.01, screen 0.025 left font SMALLFONT \
    textcolor rgb "#555555"
set tmargin at screen 0.83
set bmargin at screen 0.2
set ylabel "NPV ($M)"
unset xlabel
set xrange [0.4:NB + 0.6]
set yrange [YMIN:YMAX]
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
# ten bars (eight stages) need smaller type to keep their names apart
TICFONT = NB > 8 ? sprintf(",%d", int(FS * 0.68)) : SMALLFONT
set xtics () scale 0 font TICFONT
do for [i=1:NB] { set xtics add (TIC[i] i) }
set key off
set style fill solid 0.85 noborder
f = DATA."/waterfall.tsv"
# columns: bar, bottom, top, end, low, high, value, kind (1 actual, 2 gain,
# 3 loss, 4 ceiling), the value's label and the interval's half-width
bar(k) = (column(8) == k ? column(1) : NaN)
above(x) = (column(8) != 3 ? x : NaN)
below(x) = (column(8) == 3 ? x : NaN)
plot f using (bar(1)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb "#666666" notitle, \
     f using (bar(2)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb VC[4] notitle, \
     f using (bar(3)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb VC[5] notitle, \
     f using (bar(4)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb VC[6] notitle, \
     f using ($8 == 4 ? NaN : $1 + 0.3):4:(0.4):(0) with vectors nohead \
        dt 2 lw 1.5 lc rgb "#777777" notitle, \
     f using 1:5:(0):($6 - $5) with vectors heads size screen 0.008, 90 \
        lw 2.5 lc rgb "#333333" notitle, \
     f using 1:(above($6)):9 with labels offset 0, 1.9 font SUBFONT \
        notitle, \
     f using 1:(above($6)):10 with labels offset 0, 0.8 font SMALLFONT \
        textcolor rgb "#555555" notitle, \
     f using 1:(below($5)):9 with labels offset 0, -0.9 font SUBFONT \
        notitle, \
     f using 1:(below($5)):10 with labels offset 0, -2 font SMALLFONT \
        textcolor rgb "#555555" notitle
