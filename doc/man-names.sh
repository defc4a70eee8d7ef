#!/bin/sh
# man-names.sh - the names a manual page's NAME section lists, one a line.
# SPDX-License-Identifier: MIT
sed -n '/^\.SH NAME/,/^\.SH /p' "$1" | sed '1d;$d' | tr '\n' ' ' | \
    sed 's/ \\-.*//' | tr -s ', ' '\n\n' | grep .
