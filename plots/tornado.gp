# tornado.gp - one-way sensitivity of metric M: how far it moves from its
# base value when each parameter goes to its low and its high value,
# largest swing on top.
reset
load STYLE
f = DATA.sprintf("/sens-%d.tsv", M)
set title sprintf("What moves %s\n(change from the base case)", METRIC[M])
set xlabel "Change from base ($M)"
set ylabel ""
set yrange [NP + 0.6:0.4]
set ytics scale 0
set ytics () 
set grid xtics ytics lc rgb "#dddddd"
set xzeroaxis lt 1 lw 2 lc rgb "#444444"
set key outside bottom center horizontal
set style fill solid 0.85 noborder
# columns: rank, name, low, high, at_base, at_low, at_high, swing
plot f using (($6 - $5) / 2):1:(0):($6 - $5):($1 - 0.35):($1 + 0.35):ytic(2) \
        with boxxyerror lc rgb VC[2] title "parameter at its low value", \
     f using (($7 - $5) / 2):1:(0):($7 - $5):($1 - 0.35):($1 + 0.35) \
        with boxxyerror lc rgb VC[6] title "parameter at its high value"
