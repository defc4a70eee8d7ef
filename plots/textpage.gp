# textpage.gp - a page of text laid out by pack.c: rows of x, y (screen
# fractions), style and text. Styles: 1 title, 2 body, 3 heading, 4 note,
# 5 emphasis.
reset
load STYLE
unset border
unset tics
unset grid
set lmargin at screen 0
set rmargin at screen 1
set tmargin at screen 1
set bmargin at screen 0
set xrange [0:1]
set yrange [0:1]
f = DATA."/".PAGEDATA
plot f using 1:2:($3 == 1 ? stringcolumn(4) : "") with labels left \
        font TITLEFONT textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 2 ? stringcolumn(4) : "") with labels left \
        font SUBFONT textcolor rgb "#222222", \
     f using 1:2:($3 == 3 ? stringcolumn(4) : "") with labels left \
        font "Sans Bold,15" textcolor rgb "#1a1a1a", \
     f using 1:2:($3 == 4 ? stringcolumn(4) : "") with labels left \
        font SMALLFONT textcolor rgb "#555555", \
     f using 1:2:($3 == 5 ? stringcolumn(4) : "") with labels left \
        font "Sans,15" textcolor rgb "#1a1a1a"
