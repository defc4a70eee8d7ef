# textrows.gp - the text rows pack.c lays out (file f: x, y as screen
# fractions, style, text), drawn over the whole page. Styles: 1 title,
# 2 body, 3 heading, 4 note, 5 emphasis. Loaded by the pages of text.
unset border
unset tics
unset grid
set lmargin at screen 0
set rmargin at screen 1
set tmargin at screen 1
set bmargin at screen 0
set xrange [0:1]
set yrange [0:1]
plot f using 1:2:($3 == 1 ? stringcolumn(4) : "") with labels left \
        font TITLEFONT textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 2 ? stringcolumn(4) : "") with labels left \
        font SUBFONT textcolor rgb "#222222", \
     f using 1:2:($3 == 3 ? stringcolumn(4) : "") with labels left \
        font HEADFONT textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 4 ? stringcolumn(4) : "") with labels left \
        font SMALLFONT textcolor rgb "#555555", \
     f using 1:2:($3 == 5 ? stringcolumn(4) : "") with labels left \
        font STRONGFONT textcolor rgb "#1a1a1a"
