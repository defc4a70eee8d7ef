# waterfall.gp - where value leaks: the projected NPV, then each stage's
# Shapley gain from the largest down, floating from the level the stages
# before it reached, up to the theoretical frictionless ceiling; the
# figures and their simulation precision (± and whiskers) above each
# bar; on a stage an option is aimed at, an inner bar of its gain in its
# colour (waterfall-aim.tsv: bar, bottom, top, colour, label height,
# label).
reset
load STYLE
TITLE = T_WATERFALL
NOTE = S_WATERFALL
load TPL."/title.gp"
set lmargin at screen 0.09
set rmargin at screen 0.97
set tmargin at screen 0.76
set bmargin at screen 0.20
set xrange [0.4:WF_NB + 0.6]
set yrange [WF_YMIN:WF_YMAX]
set ylabel "NPV ($M)"
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
tic(i) = S[WF_TIC1[i]] . (S[WF_TIC2[i]] eq "" ? "" : "\n" . S[WF_TIC2[i]]) \
    . (S[WF_TIC3[i]] eq "" ? "" : "\n" . S[WF_TIC3[i]])
# ten bars (eight stages) take smaller type to keep their names apart
WF_TICFONT = WF_NB > 8 ? SMALLFONT : SUBFONT
set xtics () scale 0 font WF_TICFONT
do for [i=1:WF_NB] { set xtics add (tic(i) i) }
set style fill solid 0.85 noborder
f = DATA."/waterfall.tsv"
# columns: bar, bottom, top, end, low, high, value, kind (1 actual, 2 gain,
# 3 loss, 4 ceiling), the figure's text and the interval's
bar(k) = (column(8) == k ? column(1) : NaN)
above(x) = (column(8) != 3 ? x : NaN)
below(x) = (column(8) == 3 ? x : NaN)
a = DATA."/waterfall-aim.tsv"
# greys: none of them an option's colour; the ceiling lightest, being
# theoretical; an option's colour only on the stage it is aimed at
plot f using (bar(1)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb "#555555" notitle, \
     f using (bar(2)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb "#a3a3a3" notitle, \
     f using (bar(3)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror lc rgb "#d9b3a6" notitle, \
     f using (bar(4)):(($2 + $3) / 2):($1 - 0.3):($1 + 0.3):2:3 \
        with boxxyerror fs solid 1.0 border lc rgb "#9a9a9a" \
        fc rgb "#ececec" notitle, \
     a using 1:(($2 + $3) / 2):($1 - 0.3):($1 - 0.08):2:3:4 \
        with boxxyerror fs solid 1.0 noborder lc rgb variable notitle, \
     a using ($1 - 0.3):5:6 with labels left offset 0, 0.7 \
        font SMALLFONT textcolor rgb "#1a1a1a" notitle, \
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
