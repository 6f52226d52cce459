#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Crash safety: SIGKILL `import` and runs of multi-step verbs at random moments,
# many times, and check after each kill that the engine's integrity check and the
# audit chain pass and that each import is all or nothing. On PostgreSQL when
# LINKCTL_TEST_PG is set (lib/engine.sh).
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
KILLS=${KILLS:-25} ROWS=${ROWS:-3000}
# shellcheck source=lib/engine.sh
. "$(dirname "$0")/lib/engine.sh"
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-crash.XXXXXX")
trap 'engine_cleanup; rm -rf "$dir"' EXIT
cd "$dir"
engine_init
export NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
L() { "$BIN" "$@"; }
cp "$SRC/tests/e2e/policies/mini.toml" .
L init --policy mini.toml --as gao.feng >/dev/null
{ echo "filer,category,title,body"; for ((i = 0; i < ROWS; i++)); do echo "li.na,delivery-late,导入 $i,第 $i 行"; done; } >big.csv

status=0
check() {
  local what=$1 integrity audit
  integrity=$(engine_integrity)
  audit=$(L audit verify --format tsv --no-header 2>&1 | cut -f1)
  if [ "$integrity" != ok ] || [ "$audit" != ok ]; then
    echo "FAIL after $what: integrity_check=$integrity audit=$audit"; status=1
  fi
}
# A random delay of 0..max-1 milliseconds, so the kill lands anywhere in the run.
pause() { sleep "0.$(printf '%03d' $((RANDOM % $1)))"; }

sqlite() { engine_sql "$@"; }
# How long one import takes here, so that the kills spread over the whole run (and a bit past it).
start=$(date +%s%N)
"$BIN" import big.csv --as gao.feng >/dev/null
span=$(( ($(date +%s%N) - start) / 1000000 * 13 / 10 ))
[ "$span" -ge 10 ] && [ "$span" -le 999 ] || span=999
killed=0 completed=0 nothing=0
for ((k = 0; k < KILLS; k++)); do
  before=$(sqlite 'SELECT count(*) FROM tickets')
  "$BIN" import big.csv --as gao.feng >/dev/null 2>&1 &
  pid=$!
  pause "$span"
  # Still running (not yet a zombie) means the kill lands mid-import.
  if [ "$(ps -o stat= -p $pid 2>/dev/null | cut -c1)" != Z ] && kill -9 $pid 2>/dev/null; then killed=$((killed + 1)); fi
  wait $pid 2>/dev/null || true
  after=$(sqlite 'SELECT count(*) FROM tickets')
  added=$((after - before))
  if [ $added -eq 0 ]; then nothing=$((nothing + 1)); elif [ $added -eq "$ROWS" ]; then completed=$((completed + 1)); else
    echo "FAIL: kill $k left $added of $ROWS imported rows"; status=1
  fi
  check "import kill $k"
done
echo "crash ($ENGINE): $KILLS SIGKILLs aimed at 'import' of $ROWS rows (one import takes about $((span * 10 / 13)) ms here): $nothing left nothing, $completed had completed, none partial ($killed were still running when killed)"

# Multi-step verbs: a loop moving tickets through the lifecycle, killed at random moments.
for ((k = 0; k < KILLS; k++)); do
  # Job control puts the loop in its own process group, so one kill reaches the loop and its linkctl.
  set -m
  (
    for ((n = 0; n < 50; n++)); do
      id=$("$BIN" file --as li.na --category delivery-late --title "k$k n$n" --quiet)
      "$BIN" approve "$id" --as zhang.wei && "$BIN" route "$id" --to yang.fan --as wang.qiang &&
        "$BIN" close "$id" --result 好 --as yang.fan && "$BIN" confirm "$id" --as wang.qiang &&
        "$BIN" rate "$id" fair --as zhang.wei
    done >/dev/null 2>&1
  ) &
  pid=$!
  set +m
  pause 500
  kill -9 -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "verb kill $k"
done
states=$(sqlite "SELECT state || ':' || count(*) FROM tickets GROUP BY state ORDER BY state" | tr '\n' ' ')
echo "crash ($ENGINE): $KILLS SIGKILLs during runs of file/approve/route/close/confirm/rate; tickets by state: $states"
echo "crash ($ENGINE): integrity_check and audit verify after each of $((KILLS * 2)) kills: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
