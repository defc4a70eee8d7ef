# indices.gp - Sobol' first-order (S1) and total-effect (ST) indices of
# metric M for each parameter, with 95% bootstrap intervals; bars from 0.
reset
load STYLE
TITLE = T_INDICES[M]
NOTE = 0
load TPL."/title.gp"
f = DATA.sprintf("/sens-%d.tsv", M)
set lmargin at screen 0.10
set rmargin at screen 0.95
set bmargin at screen 0.30
unset xlabel
set ylabel "Share of variance"
set yrange [*<0:1.05<*]
set ytics 0.2
set format y "%.1f"
set xrange [0.4:NP + 0.6]
set style fill solid 0.85 noborder
set boxwidth 0.32
set key at screen 0.5, 0.08 center center horizontal font SMALLFONT
set xtics scale 0 rotate by -20 left font SMALLFONT
# columns: number, name, s1, s1_lo, s1_hi, st, st_lo, st_hi
plot f using ($1 - 0.17):3:xtic(2) with boxes lc rgb VC[2] \
        title "first order (S1)", \
     f using ($1 + 0.17):6 with boxes lc rgb VC[3] title "total effect (ST)", \
     f using ($1 - 0.17):3:4:5 with yerrorbars pt 0 lw 2 lc rgb "#333333" \
        title "95% bootstrap interval", \
     f using ($1 + 0.17):6:7:8 with yerrorbars pt 0 lw 2 lc rgb "#333333" \
        notitle
