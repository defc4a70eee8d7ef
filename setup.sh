#!/bin/sh
# setup.sh - installs what flywheel needs (Debian), builds it, and then
# runs the default scenario comparison (./setup.sh run) or the whole test
# suite (./setup.sh test), once as built and once under the sanitizers.
# ./setup.sh arm adds what `make check-arm` needs (Debian's aarch64 cross
# compiler, qemu-user and the arm64 libraries, the architecture added to
# dpkg's) and runs it; no other mode needs them.
# Safe to run again: it only does what changed.
# SPDX-License-Identifier: MIT
set -eu
cd "$(dirname "$0")"
mode=${1:-run}
case $mode in
run|test|arm) ;;
*) echo "usage: ./setup.sh [run|test|arm]" >&2; exit 2 ;;
esac

# clang builds the engine's vector kernels (configure's LANES_CC) and the
# fuzz targets
packages="gcc make autoconf automake libtool pkg-config libgsl-dev \
libyaml-dev check librandom123-dev gnuplot-nox libxml2-utils \
python3-numpy python3-pandas python3-pytest python3-venv python3-setuptools \
r-base-core r-base-dev r-cran-testthat groff-base \
libxlsxwriter-dev poppler-utils python3-openpyxl clang libclang-rt-14-dev \
libopenmpi-dev openmpi-bin"
# the arm64 libraries are the run-time ones: the host's headers serve
arm_packages="gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user \
libc6:arm64 libgsl27:arm64 libgslcblas0:arm64 libxlsxwriter4:arm64 \
libyaml-dev:arm64 check:arm64 libsubunit-dev:arm64 libgomp1:arm64"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
if [ "$mode" = arm ]; then
	dpkg --print-foreign-architectures | grep -qx arm64 || {
		$sudo dpkg --add-architecture arm64
		$sudo apt-get update -qq
	}
	packages="$packages $arm_packages"
fi
missing=
for p in $packages; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | \
	    grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	$sudo apt-get update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $missing >/dev/null
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] || \
    [ Makefile.am -nt Makefile.in ]; then
	autoreconf -fi
fi
mkdir -p build
cd build
[ -f Makefile ] || ../configure --quiet
jobs=$(nproc 2>/dev/null || echo 2)
make -s -j"$jobs"

# Runs the test suite in the current build directory and prints the
# closing lines of each test program, whatever the outcome.
check() {
	result=0
	make -s -j"$jobs" check || result=$?
	for log in tests/*.log; do
		[ "$log" = tests/test-suite.log ] && continue
		printf '%s/%s: ' "$(basename "$(pwd)")" "$log"
		grep -E '^[0-9]+%: Checks|^[0-9]+ passed, [0-9]+ failed' "$log" \
		    | tail -1
	done
	[ "$result" -eq 0 ] || cat test-suite.log
	return "$result"
}

if [ "$mode" = arm ]; then
	make -s check-arm
	exit
fi

if [ "$mode" = test ]; then
	status=0
	check || status=$?
	# The suite again under AddressSanitizer (leaks included) and
	# UndefinedBehaviorSanitizer: any report fails it. The tests of the
	# documents and the layout, which run no C the others do not, run
	# in the first pass only (Makefile.am).
	cd ..
	mkdir -p build-san
	cd build-san
	# The Python package's tests run too, in an interpreter that loads
	# the sanitizers' runtimes first (tests/sanitized-python). MPI is
	# left out, its own allocations the leak checker would report (the
	# first pass runs the MPI tests).
	# This build only runs the tests: no static library (the first
	# pass tests it), which halves what libtool compiles. Configured
	# before with other options: again, with these.
	san_options='--enable-sanitizers --without-mpi --disable-static'
	if [ -f Makefile ] && [ "$(./config.status --config)" != "$san_options" ]
	then
		rm -f Makefile
	fi
	[ -f Makefile ] || ../configure --quiet --enable-sanitizers \
	    --without-mpi --disable-static
	make -s -j"$jobs"
	check || status=$?
	exit "$status"
fi

cd ..
build/flywheel run -o out/default scenarios/default.yaml
