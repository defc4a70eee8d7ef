# boardpack.gp - the board pack: one 16:9 PDF, a page per entry of the
# page list (pack.c), each drawn by its template, numbered.
# gnuplot -c boardpack.gp OUTFILE DATADIR TEMPLATEDIR
DATA = ARG2
TPL = ARG3
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
FS = 14
TITLEFONT = sprintf("Sans Bold,%g", FS * 1.3)
SUBFONT = sprintf("Sans,%g", FS)
SMALLFONT = "Sans,12"
TITLE_LH = 0.065
set terminal pdfcairo size 10in,5.625in font SUBFONT noenhanced
set output ARG1
do for [PAGE=1:NPAGE] {
    PAGEDATA = S[PAGE_DATA[PAGE]]
    load TPL."/".S[PAGE_TPL[PAGE]].".gp"
}
unset output
