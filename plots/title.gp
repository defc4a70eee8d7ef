# title.gp - the chart's message in one or two lines at the top left,
# and a note under it when NOTE is not 0. Set TITLE and NOTE first.
set label 1003 S[TITLE] at screen 0.03, 0.945 left font TITLEFONT \
    textcolor rgb "#1a1a1a"
set label 1004 S[TITLE + 1] at screen 0.03, 0.945 - TITLE_LH left \
    font TITLEFONT textcolor rgb "#1a1a1a"
if (NOTE > 0) {
    set label 1005 S[NOTE] at screen 0.03, 0.945 - 2 * TITLE_LH left \
        font SMALLFONT textcolor rgb "#555555"
}
