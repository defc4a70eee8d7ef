#!/bin/sh
# mutate.sh - the mutation check: does the test suite notice when the
# model or the reporting code computes a wrong number? Each mutation below
# changes one line; the script applies them one at a time to a copy of the
# sources, rebuilds, runs the tests and reports whether the mutant was
# killed (some test failed) or survived (a wrong number went unnoticed).
# Run by hand from the top of the sources (it takes a few minutes per
# mutant); not part of make check:
#	tests/mutate.sh [TESTS]
# TESTS are the tests to run, as make check's TESTS variable takes them
# (default: every test); the environment reaches them, so that
#	CK_RUN_SUITE=answers tests/mutate.sh "tests/check_flywheel tests/answers.test"
# runs the known answers alone, the quickest check that kills every
# mutant below, and MUTANTS="4 9" runs those mutants alone. Exits 1 if a
# mutant survived or did not apply.
# SPDX-License-Identifier: MIT
set -eu
tests=${1:-}
top=$(pwd)
[ -f "$top/sim/flywheel.h" ] || { echo "mutate: run from the top of the sources" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# FILE|LINE AS WRITTEN|LINE AS MUTATED, one mutation a line.
mutations() {
	cat <<'EOM'
sim/core/engine/model.c|	tau += c->reversion * (c->s.trust - tau);|	tau -= c->reversion * (c->s.trust - tau);
sim/core/engine/model.c|			sum->lapses += next == FW_LAPSED;|			sum->lapses += next == FW_SWITCHED;
sim/core/engine/model.c|			sum->switches += next == FW_SWITCHED;|			sum->switches += 0;
sim/core/engine/model.c|			sum->winbacks++;|			sum->winbacks += state == FW_LAPSED;
sim/core/engine/model.c|			sum->reacq_cost += v->defection_cost[d] *|			sum->reacq_cost += v->defection_cost[1] *
sim/core/engine/model.c|		totals[FW_T_NPV] += pow(v->monthly_discount, t) *|		totals[FW_T_NPV] += pow(v->monthly_discount, t - 1) *
sim/core/results/stats.c|	k = (n + 19) / 20;	/* ceil(0.05 n), exactly */|	k = n / 20 + 1;
sim/core/results/stats.c|	for (i = 0; i < k; i++)|	for (i = 1; i < k; i++)
sim/core/results/compare.c|	for (t = T - 1; t > 0 && cum[t - 1] >= 0; t--)|	for (t = T - 1; t > 0 && cum[t - 1] > 0; t--)
sim/core/results/compare.c|	return t + 1;|	return t;
sim/core/results/compare.c|		positive += d[i] > 0;|		positive += d[i] >= 0;
sim/core/results/results.c|		    cash_to_date(run, r, 0, month);|		    cash_to_date(run, r, 0, 1);
sim/tool/formats/tables.c|		    mean_gain(run, v, "cash") / years }, 9);|		    mean_gain(run, v, "revenue") / years }, 9);
sim/tool/formats/tables.c|		csv_reals(f, (const double[]){ npv.mean, npv.lo95, npv.hi95,|		csv_reals(f, (const double[]){ npv.mean, npv.hi95, npv.lo95,
sim/tool/formats/tables.c|		    mean_gain(run, v, "advocate"),|		    mean_gain(run, v, "adopter"),
EOM
}

echo "mutate: copying and building the sources in $work"
(cd "$top" && git ls-files -z | xargs -0 cp --parents -t "$work")
cd "$work"
autoreconf -fi >/dev/null 2>&1
./configure --quiet >/dev/null
make -s -j"$(nproc)" >/dev/null 2>&1
make -s -j"$(nproc)" check TESTS= >/dev/null 2>&1

killed=0
survived=0
broken=0
n=0
mutations >"$work/list"
while IFS='|' read -r file from to; do
	n=$((n + 1))
	case " ${MUTANTS:-$n} " in *" $n "*) ;; *) continue ;; esac
	cp "$file" "$work/saved"
	# Replace the first line equal to $from; no line, no mutant.
	if ! FROM=$from TO=$to awk '
	    !done && $0 == ENVIRON["FROM"] { print ENVIRON["TO"]; done = 1; next }
	    { print } END { exit !done }' "$work/saved" >"$file"; then
		echo "mutant $n: NOT APPLIED ($file no longer has: $from)"
		broken=$((broken + 1))
		cp "$work/saved" "$file"
		continue
	fi
	if ! make -s -j"$(nproc)" >/dev/null 2>&1 || \
	    ! make -s -j"$(nproc)" check TESTS= >/dev/null 2>&1; then
		echo "mutant $n: does not build ($file: $to)"
		broken=$((broken + 1))
	elif make -s -j"$(nproc)" check ${tests:+TESTS="$tests"} \
	    >"$work/log" 2>&1; then
		echo "mutant $n: SURVIVED ($file:$(grep -nxF "$to" "$file" | cut -d: -f1): $to)"
		survived=$((survived + 1))
	else
		echo "mutant $n: killed by $(grep -E '^(FAIL|ERROR):' "$work/log" | \
		    sed 's/^[A-Z]*: //' | tr '\n' ' ')($file: $to)"
		killed=$((killed + 1))
	fi
	cp "$work/saved" "$file"
done <"$work/list"
make -s >/dev/null 2>&1 || true
echo "mutate: $((killed + survived + broken)) mutants, $killed killed, $survived survived, $broken not run"
[ "$survived" -eq 0 ] && [ "$broken" -eq 0 ]
