# boardpack.gp - one PDF: a title page, then every plot a page.
# gnuplot -c boardpack.gp OUTFILE DATADIR TEMPLATEDIR
DATA = ARG2
STYLE = ARG3."/style.gp"
load DATA."/meta.gp"
FS = 13
set terminal pdfcairo size 10in,5.625in font sprintf("Sans,%d", FS) noenhanced
set output ARG1
# Title page
reset
set encoding utf8
set termoption noenhanced
unset border
unset tics
unset key
set xrange [0:1]
set yrange [0:1]
set label 1 SCENARIO at screen 0.5, 0.62 center font ",30"
set label 2 SUBTITLE at screen 0.5, 0.48 center font ",16"
set label 3 DETAILS at screen 0.5, 0.40 center font ",13" textcolor rgb "#555555"
plot NaN notitle
unset label
array PLOTS[6] = ["revenue", "cumgain", "npv", "states", "gap", "dnpv"]
do for [p=1:6] {
    if (NV > 1 || (PLOTS[p] ne "cumgain" && PLOTS[p] ne "dnpv")) {
        load ARG3."/".PLOTS[p].".gp"
    }
}
unset output
