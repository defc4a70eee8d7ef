# names.gp - the variants from NAMES_FROM to NV named once, each in its
# colour, in a row under a page's panels (a key would wrap to the first
# panel's width). Loaded before the first panel; the page unsets labels
# 400 + i after it, so that no name is drawn twice.
unset key
NNAMES = NV - NAMES_FROM + 1
NAMES_GAP = NNAMES > 0 && 0.9 / NNAMES < 0.24 ? 0.9 / NNAMES : 0.24
do for [i=NAMES_FROM:NV] {
    set label (400 + i) S[NAME[i]] \
        at screen 0.5 + (i - NAMES_FROM - (NNAMES - 1) / 2.0) * NAMES_GAP, \
        0.09 center font SUBFONT textcolor rgb vc(i)
}
