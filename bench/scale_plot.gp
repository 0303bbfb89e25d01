# Wall time against N for each phase of the scale benchmark (bench/terraform_scale.cpp), one line
# per subject, and dashed the limit of the provider slowed by emulator latency.
#
#   gnuplot -e "data='scale.tsv'; output='scale.png'" bench/scale_plot.gp
if (!exists("data")) data = "scale.tsv"
if (!exists("output")) output = "scale.png"

set terminal pngcairo size 1500,520 font ",10" noenhanced
set output output
set datafile separator "\t"
set datafile missing "NaN"

# The series in the order the file first names them.
series = system("awk -F'\t' '!/^#/ && !seen[$2]++ { printf \"%s \", $2 }' " . data)
label(s) = s eq "terraform_data" ? "terraform_data (no plugin)" : \
           s eq "nothing_thing" ? "nothing_thing (do-nothing plugin)" : \
           s eq "nothing_thing_padded" ? "nothing_thing, API key's state size" : \
           "api_key, " . substr(s, 8, strlen(s) - 2) . " ms latency"
# The provider's series with latency come last; each gets its limit, dashed, in its own colour.
slowed = system("awk -F'\t' '!/^#/ && $2 ~ /^yandex_/ && $2 != \"yandex_0ms\" && !seen[$2]++ { printf \"%s \", $2 }' " . data)
first_slowed = words(series) - words(slowed)

set logscale xy
set xlabel "N (resources, -parallelism=10)"
set ylabel "wall time, s"
set grid xtics ytics mytics
set key top left box opaque
set xrange [*:*]
set offsets graph 0.05, graph 0.05, 0, 0
set style data linespoints
set multiplot layout 1,3 title "terraform apply / plan (with refresh) / destroy of N resources"
do for [phase in "apply plan destroy"] {
    set title phase
    plot for [i = 1:words(series)] data \
            using 3:((strcol(1) eq phase && strcol(2) eq word(series, i)) ? $5 : NaN) \
            title label(word(series, i)) linecolor i pointtype 7 pointsize 0.8 linewidth 2, \
         for [j = 1:words(slowed)] data \
            using 3:((strcol(1) eq phase && strcol(2) eq word(slowed, j)) ? $6 : NaN) \
            title "limit of " . label(word(slowed, j)) linecolor (first_slowed + j) dashtype 2 linewidth 1 pointtype -1
}
unset multiplot
