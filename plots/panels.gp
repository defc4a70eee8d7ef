# panels.gp - loaded after the first panel of a page of several: the
# title, note and page footer are drawn once, with that panel, never
# again over themselves (which makes them bold and doubles them in the
# PDF's text).
unset label 1001
unset label 1002
unset label 1003
unset label 1004
unset label 1005
