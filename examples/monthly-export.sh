#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The supervising office's monthly job (by the 5th, ch. 4 §14): freeze last
# month's report so it can never change, then write the scores, the penalty
# detail and the month's tickets as CSV files a spreadsheet opens directly, and
# the month's 通报: a workbook (YYYY-MM.xlsx, with a chart) and a printable page (YYYY-MM.html).
# A month that ends a quarter also ends the quarter's 通报: YYYY-Qn.xlsx and YYYY-Qn.html, each
# month's score side by side (frozen months from their snapshots).
#
# Usage: examples/monthly-export.sh [YYYY-MM] [OUTDIR]   (default: last month, .)
# Runs as a supervisor (for --as, set LINKCTL_USER).
set -euo pipefail
L() { "${LINKCTL:-linkctl}" "$@"; }
month=${1:-$(date -d 'last month' +%Y-%m)}
out=${2:-.}
mkdir -p "$out"
first="$month-01"
last=$(date -d "$first +1 month -1 day" +%F)

# Freezing twice is refused (exit 5): a re-run keeps the first snapshot.
L report monthly --month "$month" --freeze --format csv --bom >"$out/$month-scores.csv" ||
  L report monthly --month "$month" --format csv --bom >"$out/$month-scores.csv"
L report monthly --month "$month" --detail --format csv --bom >"$out/$month-penalties.csv"
L stats --month "$month" --format csv >"$out/$month-kpis.csv"
L export --from "$first" --to "$last" --bom >"$out/$month-tickets.csv"
L report monthly --month "$month" --format xlsx --output "$out/$month.xlsx"
L report monthly --month "$month" --format html --output "$out/$month.html"
number=$((10#${month#*-}))
if ((number % 3 == 0)); then
  quarter="${month%-*}-Q$((number / 3))"
  L report quarterly --quarter "$quarter" --format xlsx --output "$out/$quarter.xlsx"
  L report quarterly --quarter "$quarter" --format html --output "$out/$quarter.html"
fi
wc -l "$out/$month"-*.csv
