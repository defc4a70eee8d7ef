# revenue.gp - revenue per month per variant: median and 5-95% band.
reset
load STYLE
set title "Revenue per month: median and 5–95% range of replications"
set ylabel "Revenue per month ($M)"
set xrange [1:(T > 1 ? T : 2)]
set yrange [0:*]
f = DATA."/revenue.tsv"
plot for [i=1:NV] f using 1:(column(3*i-1)):(column(3*i+1)) \
        with filledcurves lc rgb vc(i) notitle, \
     for [i=1:NV] f using 1:(column(3*i)) with lines lw 3 lc rgb vc(i) \
        title NAME[i]
