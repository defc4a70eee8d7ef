# gap.gp - the realization gap (value of unfilled scripts) and customer
# value at risk over time, one colour a variant.
reset
load STYLE
set multiplot layout 1, 2 title "Realization gap and customer value at risk (means)" font TITLEFONT
set xrange [1:(T > 1 ? T : 2)]
set yrange [0:*]
set title "Value of unfilled scripts per month" font SUBFONT
set ylabel "$M"
f = DATA."/gap.tsv"
plot for [i=1:NV] f using 1:(column(2*i)) with lines lw 3 lc rgb vc(i) \
    title NAME[i]
set title "Customer value at risk" font SUBFONT
unset key
plot for [i=1:NV] f using 1:(column(2*i+1)) with lines lw 3 lc rgb vc(i)
unset multiplot
