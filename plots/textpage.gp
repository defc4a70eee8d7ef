# textpage.gp - a page of text laid out by pack.c (textrows.gp).
reset
load STYLE
f = DATA."/".PAGEDATA
load TPL."/textrows.gp"
