#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs each fuzz target for a bounded time from its seed corpus (copied, so the
# repository is not changed) and fails on any finding.
# Usage: tests/fuzz/run.sh BUILD-DIR [SECONDS-PER-TARGET]
set -euo pipefail
build=$1 seconds=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
for target in policy csv dates; do
  mkdir -p "$work/$target"
  cp "$here/corpus/$target"/* "$work/$target/"
  log="$work/$target.log"
  if (cd "$work" && "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "$work/$target" >"$log" 2>&1); then
    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log")
    echo "fuzz_$target: $runs executions in ${seconds}s, corpus $(ls "$work/$target" | wc -l) inputs, no findings"
  else
    echo "fuzz_$target: FINDING"; tail -40 "$log"; status=1
  fi
done
exit $status
