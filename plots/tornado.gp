# tornado.gp - what moves a gain: for each input, the change from the
# base when the input is low (upper bar) and high (lower bar), written
# at each bar's end in the axis's unit; the input's low and high in its
# own unit under its name, largest swing on top.
reset
load STYLE
TITLE = T_TORNADO[TM]
NOTE = S_TORNADO[TM]
load TPL."/title.gp"
set lmargin at screen 0.33
set rmargin at screen 0.95
set tmargin at screen 0.76
set bmargin at screen 0.24
set xrange [TX_LO[TM]:TX_HI[TM]]
set xtics TX_STEP[TM]
set format x sprintf("%%.%df", TX_DEC[TM])
set yrange [NTORNADO[TM] + 0.6:0.4]
set ytics scale 0 font SMALLFONT
set grid xtics noytics lc rgb "#e3e3e3"
set xlabel S[TX_LABEL[TM]]
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lw 2 lc rgb "#333333" front
# the key under the inputs' names, clear of the axis label
set key at screen 0.03, 0.17 left top vertical Left reverse samplen 1.5 \
    font SMALLFONT
set style fill solid 0.9 noborder
f = DATA.sprintf("/tornado-%d.tsv", TM)
# rows: rank, change at low, change at high, name, text at the low bar,
# at the high bar, the input's low and high.
# Each end's value is written by the plot of its side, as text or "" on
# every row: a labels plot with no valid point makes gnuplot 5.4 crash
# when the file has one row (a run with one uncertain input).
plot f using ($2 / 2):($1 - 0.17):(abs($2) / 2):(0.15):ytic(strcol(4)."\n".strcol(7)) \
        with boxxyerror lc rgb "#b0b0b0" title S[T_LOWKEY], \
     f using ($3 / 2):($1 + 0.17):(abs($3) / 2):(0.15) \
        with boxxyerror lc rgb "#505050" title S[T_HIGHKEY], \
     f using 2:($1 - 0.17):($2 < 0 ? stringcolumn(5) : "") with labels \
        right offset -0.6, 0 font SMALLFONT notitle, \
     f using 2:($1 - 0.17):($2 >= 0 ? stringcolumn(5) : "") with labels \
        left offset 0.6, 0 font SMALLFONT notitle, \
     f using 3:($1 + 0.17):($3 < 0 ? stringcolumn(6) : "") with labels \
        right offset -0.6, 0 font SMALLFONT notitle, \
     f using 3:($1 + 0.17):($3 >= 0 ? stringcolumn(6) : "") with labels \
        left offset 0.6, 0 font SMALLFONT notitle
