# type.gp - the type of every chart and page, in one place: the body
# 14 pt, titles 18 pt bold, headings 15 pt, notes and ticks 12 pt on a
# 10 x 5.625 inch slide (a 16:9 deck's page). Set FORMAT ("pdf", "png"
# or "svg") first. The cairo terminals draw a font at 2/3 of the size
# it names on these pages ("Sans,12" measures 8 pt in the PDF, and the
# same share of the 1600-pixel PNG), so each is named 1.5 times larger;
# the PNG and SVG name theirs larger still, to keep the PDF's share of
# the picture.
TYPE_SCALE = 1.5 * (FORMAT eq "pdf" ? 1 : 15.5 / 14)
FS = 14 * TYPE_SCALE
TITLEFONT = sprintf("Sans Bold,%g", 18.2 * TYPE_SCALE)
SUBFONT = sprintf("Sans,%g", FS)
SMALLFONT = sprintf("Sans,%g", 12 * TYPE_SCALE)
HEADFONT = sprintf("Sans Bold,%g", 15 * TYPE_SCALE)
STRONGFONT = sprintf("Sans,%g", 15 * TYPE_SCALE)
