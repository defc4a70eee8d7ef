# indices.gp - Sobol' first-order (S1) and total-effect (ST) indices of
# metric M for each parameter, with 95% bootstrap intervals.
reset
load STYLE
f = DATA.sprintf("/sens-%d.tsv", M)
set title sprintf("Sobol' indices of %s\n(95%% bootstrap intervals)", METRIC[M])
unset xlabel
set ylabel "Share of variance"
set yrange [0:1.05]
set xrange [0.4:NP + 0.6]
set style fill solid 0.85 noborder
set boxwidth 0.32
set key top right
set xtics scale 0 rotate by -15 left
set bmargin 6
# columns: rank, name, s1, s1_lo, s1_hi, st, st_lo, st_hi
plot f using ($1 - 0.17):3:xtic(2) with boxes lc rgb VC[3] title "first order (S1)", \
     f using ($1 + 0.17):6 with boxes lc rgb VC[2] title "total effect (ST)", \
     f using ($1 - 0.17):3:4:5 with yerrorbars pt 0 lw 2 lc rgb "#333333" notitle, \
     f using ($1 + 0.17):6:7:8 with yerrorbars pt 0 lw 2 lc rgb "#333333" notitle
