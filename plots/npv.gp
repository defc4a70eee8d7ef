# npv.gp - the distribution of NPV over replications, one curve a variant,
# with P(NPV gain > 0) in the legend.
reset
load STYLE
set title "NPV over the horizon: distribution across replications"
set xlabel "NPV ($M)"
set ylabel "Density"
set key top right
set yrange [0:*]
f = DATA."/npv.tsv"
if (R >= 5) {
    plot for [i=1:NV] f using (column(i)):(1.0/R) smooth kdensity \
        with filledcurves y1=0 lc rgb vc(i) notitle, \
         for [i=1:NV] f using (column(i)):(1.0/R) smooth kdensity \
        with lines lw 3 lc rgb vc(i) title LEGEND[i]
} else {
    plot for [i=1:NV] f using (column(i)):(1) with impulses lw 4 \
        lc rgb vc(i) title LEGEND[i]
}
