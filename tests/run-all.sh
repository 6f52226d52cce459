#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make test`: every test in the plain build and in the sanitizer build (each on SQLite
# and on a throwaway PostgreSQL cluster), then the fuzz targets; at the end, how long each
# phase and each suite (unit, e2e, e2e-pg, reliability, reliability-pg, pg, ...) took.
# Usage: run-all.sh BUILD ASAN_BUILD JOBS    (make fuzz is run from the source directory)
set -uo pipefail
build=$1 asan=$2 jobs=$3
src=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp "${TMPDIR:-/tmp}/linkctl-test.XXXXXX")
trap 'rm -f "$log" "$log".*' EXIT
status=0 phases=()
phase() { # name, then the command
  local name=$1 start rc; shift
  start=$(date +%s)
  "$@" 2>&1 | tee "$log.$name"
  rc=${PIPESTATUS[0]}
  phases+=("$(printf '%-28s %5d s  %s' "$name" $(($(date +%s) - start)) "$([ "$rc" = 0 ] && echo passed || echo "FAILED ($rc)")")")
  [ "$rc" = 0 ] || status=1
}
phase plain bash -c "cd '$build' && ctest --output-on-failure -j '$jobs'"
phase asan bash -c "cd '$asan' && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j '$jobs'"
phase fuzz make -C "$src" --no-print-directory fuzz

echo
echo "durations (wall clock; suites: the sum of their tests, which run $jobs at a time):"
for p in "${phases[@]}"; do echo "  $p"; done
for build_name in plain asan; do
  [ -f "$log.$build_name" ] || continue
  # ctest lines: "12/50 Test #45: e2e/approve ....   Passed    3.87 sec"
  awk -v b="$build_name" '/Test +#[0-9]+: / {
      name = $0; sub(/.*Test +#[0-9]+: /, "", name); sub(/ .*/, "", name)
      suite = name; sub(/\/.*/, "", suite)
      for (i = 1; i <= NF; i++) if ($i == "sec") { t[suite] += $(i - 1); n[suite]++ }
    }
    END { for (s in t) printf "  %-6s %-22s %4d tests %7.1f s\n", b, s, n[s], t[s] }' "$log.$build_name" | sort -k2
done
exit $status
