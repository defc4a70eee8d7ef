#!/bin/sh
# check-arm.sh - `make check-arm`: the library and its engine tests
# cross-built for aarch64 and run under qemu-user, and the results of
# every shipped scenario (the cases of tests/same-bytes.sh, on one thread
# and two) compared with this machine's, hash for hash, on every path
# this machine has. Not part of make check. Needs Debian's cross
# compiler, qemu-user and the arm64 libraries (doc/performance.md):
#   dpkg --add-architecture arm64 && apt-get update
#   apt-get install gcc-aarch64-linux-gnu qemu-user libgsl27:arm64 \
#       libgslcblas0:arm64 libxlsxwriter4:arm64 libyaml-dev:arm64 \
#       check:arm64 libgomp1:arm64
#   usage (from the build directory): check-arm.sh SRCDIR
# SPDX-License-Identifier: MIT
set -u
src=$(cd "${1:-.}" && pwd)
cc=${ARM_CC:-aarch64-linux-gnu-gcc}
qemu=${ARM_QEMU:-qemu-aarch64}
lib=/usr/lib/aarch64-linux-gnu
out=arm
for need in "$cc" "$qemu"; do
	command -v "$need" >/dev/null 2>&1 ||
	    { echo "check-arm: $need not found (see doc/performance.md)" >&2;
	    exit 1; }
done
for f in libgsl.so.27 libgslcblas.so.0 libxlsxwriter.so.4 libyaml.so \
    libcheck.a libgomp.so.1 libc.so.6; do
	[ -e "$lib/$f" ] ||
	    { echo "check-arm: $lib/$f not found (see doc/performance.md)" >&2;
	    exit 1; }
done
[ -x tests/results_hash ] ||
    { echo "check-arm: build tests/results_hash first" >&2; exit 1; }
mkdir -p "$out" || exit 1

# The core's flags as the makefile gives them; the host's headers of
# GSL, libxlsxwriter, libyaml, Check and Random123 after the cross
# compiler's own (they are the same on every architecture), config.h of
# this build (the core reads only the version from it).
cflags="-O3 -fopenmp -ffp-contract=off -Wall -Wextra -Wno-unused-parameter \
-I. -I$src/sim $(for d in \
		"$src"/sim/core/*/; do printf -- '-I%s ' "$d"; done) -idirafter /usr/include"
libs="$lib/libgsl.so.27 $lib/libgslcblas.so.0 $lib/libxlsxwriter.so.4 \
-L$lib -lyaml -lm \
-Wl,-rpath-link,$lib"
objs=
# Objects named by folder and file: two folders have a words.c.
for c in "$src"/sim/core/*/*.c; do
	d=$(dirname "$c")
	o=$out/$(basename "$d")-$(basename "$c" .c).o
	$cc $cflags -c "$c" -o "$o" || exit 1
	objs="$objs $o"
done
tests="check_core core_suites helpers test_params test_scenario test_rng \
test_model test_engine test_compare test_recommend test_design test_limits \
test_answers test_warmup test_results test_quantile"
tobjs=
for t in $tests; do
	$cc $cflags -DFW_SRCDIR="\"$src\"" -c "$src/tests/$t.c" \
	    -o "$out/$t.o" || exit 1
	tobjs="$tobjs $out/$t.o"
done
$cc -fopenmp -o "$out/check_core" $tobjs $objs $lib/libcheck.a \
    -lsubunit $libs -lpthread -lrt || exit 1
$cc $cflags -c "$src/tests/results_hash.c" -o "$out/results_hash.o" &&
    $cc -fopenmp -o "$out/results_hash" "$out/results_hash.o" $objs $libs ||
    exit 1
file "$out/check_core" | grep -q aarch64 ||
    { echo "check-arm: not an aarch64 program" >&2; exit 1; }

bad=0
echo "check-arm: the engine's tests under $qemu"
# In one process: a fork under qemu-user can hang. The programs run on
# Debian's arm64 C library (libc6:arm64, which the arm64 libraries bring):
# with the cross compiler's copy as qemu's -L root, OpenMP threads hang.
(cd "$src" && CK_FORK=no "$qemu" "$OLDPWD/$out/check_core") || bad=1
set -- "$src"/scenarios/*.yaml
for t in 1 2; do
	"$qemu" "$out/results_hash" $t "$@" \
	    >"$out/arm-$t.txt" || bad=1
	for p in portable avx2 avx512; do
		FLYWHEEL_PATH=$p ./tests/results_hash $t "$@" >"$out/$p-$t.txt" \
		    2>/dev/null || continue
		if cmp -s "$out/arm-$t.txt" "$out/$p-$t.txt"; then
			echo "same results: aarch64 and $p, $t thread(s)," \
			    "$(wc -l <"$out/$p-$t.txt") cases"
		else
			echo "DIFFER: aarch64 and $p, $t thread(s)"
			diff "$out/arm-$t.txt" "$out/$p-$t.txt"
			bad=1
		fi
	done
done
[ $bad = 0 ] && echo "check-arm: passed"
exit $bad
