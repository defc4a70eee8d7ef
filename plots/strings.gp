# strings.gp - reads the drawing's texts (strings.tsv, one a row) into
# the array S as data, then its numbers (meta.gp). Texts are values to
# gnuplot, never code. Loaded once by chart.gp and boardpack.gp.
set datafile separator "\t"
stats DATA."/strings.tsv" using 1 nooutput
array S[STATS_records]
set_text(i, s) = (S[i] = s, 0)
stats DATA."/strings.tsv" using (set_text(int($1), strcol(2))) nooutput
load DATA."/meta.gp"
