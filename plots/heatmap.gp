# heatmap.gp - metric M over a two-parameter grid, with the contour where
# it crosses zero: the break-even line.
reset
load STYLE
f = DATA."/points.tsv"
set title sprintf("%s ($M)\nblack line: break-even, where it is zero", METRIC[M])
set title offset 0, 1.5
set xlabel PARAM[1]
set ylabel PARAM[2]
unset key
set view map
set lmargin at screen 0.16
set rmargin at screen 0.82
set bmargin at screen 0.14
set tmargin at screen 0.84
set style fill solid 1.0
set pm3d map interpolate 0,0
# a palette centred on zero: losses in vermillion, gains in blue
set palette defined (-1 "#D55E00", 0 "#FFFFFF", 1 "#0072B2")
set contour base
set cntrparam levels discrete 0
unset clabel
set grid noxtics noytics
stats f using (column(mean(M))) nooutput
lim = abs(STATS_min) > abs(STATS_max) ? abs(STATS_min) : abs(STATS_max)
set cbrange [-lim:lim]
splot f using 1:2:(column(mean(M))) with pm3d, \
      f using 1:2:(column(mean(M))) nosurface with lines lw 4 lc rgb "#000000"
