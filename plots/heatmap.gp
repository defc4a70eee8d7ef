# heatmap.gp - metric M ($M) over a two-parameter grid, with the line
# where it crosses zero, labelled: the break-even.
reset
load STYLE
f = DATA."/points.tsv"
set label 1003 S[METRIC[M]] at screen 0.03, 0.945 left font TITLEFONT \
    textcolor rgb "#1a1a1a"
set label 1004 "Black line: break-even, where it is zero" at screen 0.03, \
    0.88 left font SUBFONT textcolor rgb "#333333"
set xlabel S[PARAM[1]]
set ylabel S[PARAM[2]]
unset key
set view map
set lmargin at screen 0.14
set rmargin at screen 0.80
set bmargin at screen 0.16
set tmargin at screen 0.80
set style fill solid 1.0
set pm3d map interpolate 0,0
# a palette centred on zero: losses in vermillion, gains in blue
set palette defined (-1 "#D55E00", 0 "#FFFFFF", 1 "#0072B2")
set cblabel S[METRIC[M]]
set contour base
set cntrparam levels discrete 0
unset clabel
set grid noxtics noytics
stats f using (column(mean(M))) nooutput
lim = abs(STATS_min) > abs(STATS_max) ? abs(STATS_min) : abs(STATS_max)
lim = lim > 0 ? lim : 1
set cbrange [-lim:lim]
if (BE_X[M] == BE_X[M]) {
    set label 30 "break-even" at BE_X[M], BE_Y[M], 0 left offset 0.8, 0.8 \
        font SUBFONT textcolor rgb "#000000" front
}
splot f using 1:2:(column(mean(M))) with pm3d, \
      f using 1:2:(column(mean(M))) nosurface with lines lw 4 lc rgb "#000000"
