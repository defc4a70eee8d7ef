# states.gp - the HCP flywheel's state mix over time, stacked, one panel
# per variant.
reset
load STYLE
cols = NV <= 2 ? NV : 2
rows = (NV + cols - 1) / cols
set multiplot layout rows, cols \
    title "HCPs by state, month by month (mean of replications)" \
    font TITLEFONT margins 0.07, 0.83, 0.08, 0.86 spacing 0.08, 0.14
# One key for all panels, in the right margin, in the stacking order.
set key at screen 0.995, 0.5 right center vertical Left reverse \
    font SUBFONT samplen 1.5
unset xlabel
unset ylabel
set xrange [1:(T > 1 ? T : 2)]
set yrange [0:*]
set format y "%.0s%c"
do for [i=1:NV] {
    set title NAME[i] font SUBFONT
    f = DATA.sprintf("/states-%d.tsv", i)
    if (i > 1) { unset key }
    plot for [k=7:1:-1] f using 1:(sum [c=2:k+1] column(c)) \
        with filledcurves x1 fs solid 0.9 lc rgb SC[k] title STATE[k]
}
unset multiplot
