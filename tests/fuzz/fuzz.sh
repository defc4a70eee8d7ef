#!/bin/sh
# fuzz.sh - what `make fuzz` runs: builds every fuzz target with clang,
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, then runs
# each in turn for SECONDS on its seed corpus. New inputs go to
# tests/fuzz/work/TARGET, findings to tests/fuzz/found/TARGET in the build
# directory; a finding, once fixed, is copied into tests/fuzz/crashes/TARGET
# of the sources, where make check replays it for ever.
# usage: fuzz.sh CLANG SRCDIR SECONDS CPPFLAGS LIBS TARGET...
# SPDX-License-Identifier: MIT
set -eu
cc=$1 src=$2 seconds=$3 cppflags=$4 libs=$5
shift 5
if [ -z "$cc" ]; then
	echo "fuzz: configure found no clang that links -fsanitize=fuzzer" \
	    "(Debian: apt-get install clang libclang-rt-14-dev)" >&2
	exit 1
fi
san="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
-fno-sanitize-recover=all"
obj=tests/fuzz/obj
mkdir -p "$obj" tests/fuzz/bin
# The library and the command's code, instrumented for coverage; all of
# it again when any source or header changed.
if [ ! -e "$obj/.stamp" ] || [ -n "$(find "$src/sim" "$src/tests/fuzz" \
    -newer "$obj/.stamp" -name '*.[ch]' | head -1)" ]; then
	rm -f "$obj"/*.o
fi
touch "$obj/.stamp"
for f in "$src"/sim/core/*/*.c "$src"/sim/tool/*/*.c "$src"/tests/fuzz/scratch.c; do
	case $f in
	*/main.c) continue ;;
	*/cluster_mpi.c) grep -q '^#define FW_HAVE_MPI' config.h || continue ;;
	esac
	o=$obj/$(basename "$(dirname "$f")")-$(basename "$f" .c).o
	[ -e "$o" ] && continue
	# shellcheck disable=SC2086
	$cc $san -fsanitize=fuzzer-no-link -Wno-unknown-pragmas $cppflags \
	    -c "$f" -o "$o"
done
# An archive, so that each target takes only the objects it needs.
rm -f tests/fuzz/bin/libfuzzsim.a
ar rcs tests/fuzz/bin/libfuzzsim.a "$obj"/*.o
status=0
for t in "$@"; do
	# shellcheck disable=SC2086
	$cc $san -fsanitize=fuzzer $cppflags "$src/tests/fuzz/fuzz_$t.c" \
	    tests/fuzz/bin/libfuzzsim.a -o "tests/fuzz/bin/fuzz-$t" $libs -lm
	mkdir -p "tests/fuzz/work/$t" "tests/fuzz/found/$t"
	echo "fuzz: $t for $seconds s"
	"tests/fuzz/bin/fuzz-$t" -max_total_time="$seconds" -timeout=20 \
	    -rss_limit_mb=2560 -print_final_stats=1 \
	    -artifact_prefix="tests/fuzz/found/$t/" \
	    "tests/fuzz/work/$t" "$src/tests/fuzz/corpus/$t" \
	    >"tests/fuzz/$t.log" 2>&1 || status=1
	tail -n 12 "tests/fuzz/$t.log" | grep -E '^(stat::|Done|==|SUMMARY)' \
	    || true
done
[ "$status" -eq 0 ] || echo "fuzz: findings in tests/fuzz/found/" >&2
exit "$status"
