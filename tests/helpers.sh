# helpers.sh - what the shell tests share, sourced first by each
# tests/*.test: a scratch directory removed on exit, the counts of checks
# passed and failed, and the checks several tests make. A test ends with
# finish, which prints the counts and exits non-zero if any check failed.
# SPDX-License-Identifier: MIT
set -u
fw=${FLYWHEEL:-./flywheel}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# expect STATUS WHAT COMMAND...: COMMAND exits with STATUS; its output is
# left in $tmp/out and $tmp/err.
expect() {
	want=$1; what=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		fail "$what: exit $got, expected $want"; cat "$tmp/err"; fi
}

# same FILE WANTED WHAT: the two files hold the same bytes.
same() {
	if cmp -s "$1" "$2"; then ok; else
		fail "$3"; diff "$2" "$1" | head -20; fi
}

# same_text GOT WANTED WHAT: the two strings are equal.
same_text() {
	if [ "$1" = "$2" ]; then ok; else fail "$3: got '$1', expected '$2'"; fi
}

# starts FILE TEXT: FILE begins with TEXT (its status, no count).
starts() {
	n=$(printf '%s' "$2" | wc -c)
	[ "$(head -c "$n" "$1")" = "$2" ]
}
