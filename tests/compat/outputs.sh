#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes what check.sh compares into DIR: one file per command, on the database in
# LINKCTL_DB, at fixed dates (the fixture's policy allows the clock override).
# Usage: outputs.sh /path/to/linkctl DIR
set -uo pipefail
BIN=$1 out=$2
mkdir -p "$out"
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
run() { local name=$1; shift; "$BIN" "$@" >"$out/$name" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.err"; }
S=(--as lin.xiuying --today 2026-11-25)
run audit.json audit verify --format json
run report-2026-10.csv report monthly --month 2026-10 --format csv "${S[@]}"
run report-2026-10-detail.csv report monthly --month 2026-10 --detail --format csv "${S[@]}"
run report-2026-10.json report monthly --month 2026-10 --format json "${S[@]}"
run report-2026-11.csv report monthly --month 2026-11 --format csv "${S[@]}"
run report-2026-11-detail.csv report monthly --month 2026-11 --detail --format csv "${S[@]}"
run stats-2026-10.tsv stats --month 2026-10 "${S[@]}"
run export.csv export --format csv "${S[@]}"
run list.json list --format json "${S[@]}"
run overdue.tsv overdue "${S[@]}"
run events.json events --since 0 --format json "${S[@]}"
run history-1.tsv history 1 "${S[@]}"
run show-7.json show 7 --format json "${S[@]}"
run deadlines-7.tsv deadlines 7 "${S[@]}"
run inbox-zhang.wei.tsv inbox --as zhang.wei --today 2026-11-25
run policy-history.tsv policy history
run spotcheck-sample.tsv spotcheck sample --month 2026-10 --count 3 --seed compat "${S[@]}"
exit 0
