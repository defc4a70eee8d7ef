# style.gp - what every flywheel plot shares: one colour-blind-safe palette
# (Okabe-Ito), one colour per variant in every plot, text large enough to
# read on a slide. Loaded by each template after `reset`.
set encoding utf8
set termoption noenhanced
set datafile separator "\t"
set border 3 lw 1.5 lc rgb "#444444"
set tics nomirror out scale 0.75 textcolor rgb "#333333"
set grid ytics lw 1 lc rgb "#dddddd"
set key top left noopaque nobox samplen 2.5 spacing 1.2
# FS, the base font size, comes from the caller (render.gp, boardpack.gp).
TITLEFONT = sprintf(",%d", int(FS * 1.25))
SUBFONT = sprintf(",%d", FS)
SMALLFONT = sprintf(",%d", int(FS * 0.8))
set title font TITLEFONT
set style fill transparent solid 0.18 noborder
set xlabel "Month"
set samples 400
# Variant i (baseline first) takes colour VC[i] in every plot.
array VC[8] = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", \
               "#0072B2", "#CC79A7", "#F0E442"]
vc(i) = VC[(i - 1) % 8 + 1]
# HCP states, in model order.
array SC[7] = ["#BBBBBB", "#56B4E9", "#F0E442", "#009E73", "#0072B2", \
               "#E69F00", "#D55E00"]
