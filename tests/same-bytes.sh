#!/bin/sh
# same-bytes.sh - whether a build's tables are the same bytes as a
# reference: runs every shipped scenario with few replications and months
# and a fixed seed, on one thread and on two, and compares every CSV byte
# for byte with the reference directory, which it makes when it is absent.
# A tool for changes meant to move no bit (the engine's speed); not part
# of make check.
#   usage: tests/same-bytes.sh FLYWHEEL REFDIR [SCENARIO.yaml...]
# SPDX-License-Identifier: MIT
set -u
[ $# -ge 2 ] || { echo "usage: $0 FLYWHEEL REFDIR [SCENARIO...]" >&2; exit 2; }
fw=$1 ref=$2
shift 2
srcdir=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- "$srcdir"/scenarios/*.yaml
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT
make_ref=0
[ -d "$ref" ] || { make_ref=1; mkdir -p "$ref" || exit 1; }
bad=0
# run NAME FILE [OPTION...]: one case on one and two threads, compared
run() {
	name=$1 f=$2
	shift 2
	for t in 1 2; do
		dir=$out/$name-$t
		if ! "$fw" run -q --no-plots --reps 6 --months 30 \
		    --seed 20261201 --threads $t -o "$dir" "$@" "$f"; then
			echo "FAIL: $name ($t threads) did not run"; bad=1
			continue
		fi
		for csv in "$dir"/*.csv; do
			want=$ref/$name-$(basename "$csv")
			if [ $make_ref = 1 ] && [ $t = 1 ]; then
				cp "$csv" "$want"
			elif ! cmp -s "$csv" "$want"; then
				echo "DIFFERS: $name $(basename "$csv") ($t threads)"
				bad=1
			fi
		done
	done
}
n=0
for f in "$@"; do
	run "$(basename "$f" .yaml)" "$f"
	n=$((n + 1))
done
# The rarer paths of a month: means and counts too large for inversion,
# and access at its ends and above one half.
d=$srcdir/scenarios/default.yaml
run scripts400 "$d" --set segments.cardiology.scripts_per_month=400
run access0 "$d" --set friction.access=0
run access1 "$d" --set friction.access=1
run access07 "$d" --set friction.access=0.7
[ $make_ref = 1 ] && echo "reference made in $ref"
[ $bad = 0 ] && echo "same bytes: $n scenarios and 4 variations"
exit $bad
