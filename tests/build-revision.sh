#!/bin/sh
# build-revision.sh - builds the flywheel command of a git revision of
# this tree into a directory of its own, for `make bench BASELINE=...`
# to time beside the current build; prints the program's path.
#   tests/build-revision.sh REV [DIR]
# DIR defaults to a new directory under /tmp; the revision's tree is
# exported there with git archive, configured and built (without MPI and
# the sanitizers, as a plain build is timed).
# SPDX-License-Identifier: MIT
set -e
rev=${1:?usage: build-revision.sh REV [DIR]}
top=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
dir=${2:-$(mktemp -d /tmp/flywheel-rev.XXXXXX)}
mkdir -p "$dir/src"
git -C "$top" archive --format=tar "$rev" | tar -x -C "$dir/src"
cd "$dir/src"
autoreconf -fi >/dev/null 2>&1
mkdir -p build
cd build
../configure --quiet --without-mpi >/dev/null
make -s -j"$(nproc)" flywheel >/dev/null 2>&1
# libtool's wrapper, which execs the program: its time is the program's
printf '%s\n' "$dir/src/build/flywheel"
