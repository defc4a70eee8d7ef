# dnpv.gp - NPV gain of each variant over the baseline: bars with the 95%
# interval of the mean as whiskers.
reset
load STYLE
set title "NPV gain over the baseline (mean, 95% interval)"
set ylabel "NPV gain ($M)"
unset xlabel
set xzeroaxis lt 1 lw 1.5 lc rgb "#444444"
set style fill solid 0.85 noborder
set boxwidth 0.6
set xrange [0.4:NV-0.6]
set offsets 0, 0, graph 0.1, graph 0.1
set xtics () scale 0
do for [i=2:NV] { set xtics add (NAME[i] i-1) }
set key off
f = DATA."/dnpv.tsv"
# rows: bar number, mean, low, high
plot for [i=2:NV] f every ::(i-2)::(i-2) using 1:2 with boxes \
        lc rgb vc(i) notitle, \
     f using 1:2:3:4 with yerrorbars pt 0 lw 3 lc rgb "#333333" notitle, \
     f using 1:($2 >= 0 ? $4 : NaN):(sprintf("%+.1f", $2)) with labels \
        offset 0, 1 font SUBFONT notitle, \
     f using 1:($2 < 0 ? $3 : NaN):(sprintf("%+.1f", $2)) with labels \
        offset 0, -1 font SUBFONT notitle
