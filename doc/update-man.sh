#!/bin/sh
# update-man.sh - rewrites the key section of flywheel-scenario(5) from the
# key table: update-man.sh FLYWHEEL MANPAGE
# SPDX-License-Identifier: MIT
set -eu
fw=$1
page=$2
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.keys"' EXIT
"$fw" params --format man >"$tmp.keys"
awk -v keys="$tmp.keys" '
	/^\.\\" BEGIN KEYS/ { print; while ((getline l < keys) > 0) print l; skip = 1; next }
	/^\.\\" END KEYS/ { skip = 0 }
	!skip { print }
' "$page" >"$tmp"
cat "$tmp" >"$page"
