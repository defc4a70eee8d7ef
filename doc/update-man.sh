#!/bin/sh
# update-man.sh - rewrites the key sections of the man pages from the key
# table: update-man.sh FLYWHEEL SCENARIO-PAGE COMMAND-PAGE
# CALIBRATION-PAGE. The scenario keys go between BEGIN KEYS and END KEYS
# of flywheel-scenario(5), the sweep keys between BEGIN SWEEP KEYS and
# END SWEEP KEYS of flywheel(1), the calibration keys between BEGIN
# CALIBRATION KEYS and END CALIBRATION KEYS of flywheel-calibration(5).
# SPDX-License-Identifier: MIT
set -eu
fw=$1
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.keys"' EXIT

# replace PAGE KIND MARK: the lines between .\" BEGIN MARK and .\" END MARK
# become `flywheel params --kind KIND --format man`.
replace() {
	"$fw" params --kind "$2" --format man >"$tmp.keys"
	awk -v keys="$tmp.keys" -v mark="$3" '
		$0 == ".\\\" BEGIN " mark { print; while ((getline l < keys) > 0) print l; skip = 1; next }
		$0 == ".\\\" END " mark { skip = 0 }
		!skip { print }
	' "$1" >"$tmp"
	cat "$tmp" >"$1"
}
replace "$2" scenario KEYS
replace "$3" sweep "SWEEP KEYS"
replace "$4" calibration "CALIBRATION KEYS"
