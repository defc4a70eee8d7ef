# boardpack.gp - the board pack: one 16:9 PDF, a page per number in
# PAGES (entries of the page list pack.c writes), each drawn by its
# template and numbered in the order given.
# gnuplot -c boardpack.gp OUTFILE DATADIR TEMPLATEDIR "PAGES"
DATA = ARG2
TPL = ARG3
PAGES = ARG4
STYLE = TPL."/style.gp"
load TPL."/strings.gp"
FORMAT = "pdf"
load TPL."/type.gp"
TITLE_LH = 0.065
NPAGE = words(PAGES)
set terminal pdfcairo size 10in,5.625in font SUBFONT noenhanced
set output ARG1
do for [PAGE=1:NPAGE] {
    PG = int(word(PAGES, PAGE))
    PAGEDATA = S[PAGE_DATA[PG]]
    # the drawing's numbers afresh: a page's template may have set a
    # variable of the same name as one the next page reads
    load DATA."/meta.gp"
    load TPL."/".S[PAGE_TPL[PG]].".gp"
}
unset output
