#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# How long each writing verb holds the SQLite write lock (issue 20): from BEGIN IMMEDIATE
# returning (the lock taken) to COMMIT or ROLLBACK returning (the lock given back), as
# LINKCTL_TRACE_LOCK=1 reports it, on a store made by bench/gen.cpp (the regulation's
# policy). Single-ticket verbs run on BENCH_LOCK_RUNS different tickets each; the verbs
# whose work grows with the store (overdue --new, deadlines --recompute of every open
# ticket, a report's freeze) run as often as they have something to do.
# Prints a markdown table: verb, runs, median and max microseconds.
# Usage: bench/locks.sh BUILD-DIR DB      (run.sh calls it on its largest store)
set -euo pipefail
L=$(cd "$1" && pwd)/linkctl db=$2
here=$(cd "$(dirname "$0")" && pwd)
runs=${BENCH_LOCK_RUNS:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-locks.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LINKCTL_DB=$db LINKCTL_TRACE_LOCK=1 NO_COLOR=1
unset LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_SQL LINKCTL_TEST_STOP_IN_WRITE
declare -A lead=([market]=zhang.wei [phone]=chen.jing [logistics]=wang.qiang [inspection]=zhao.gang [office]=lin.xiuying)
supervisor=lin.xiuying admin=gao.feng

echo "| verb | runs | median µs | max µs |"
echo "|---|---:|---:|---:|"
# label, SQL picking rows "id|from_dept|to_dept|handler" (or a count of runs), then the
# command with @ID@ @FROMLEAD@ @TOLEAD@ @HANDLER@ @N@ filled in from each row.
measure() {
  local label=$1 pick=$2
  shift 2
  : >"$work/us"
  local rows n=0
  if [[ $pick =~ ^[0-9]+$ ]]; then
    rows=$(seq 1 "$pick" | sed 's/$/|||/')
  elif [[ $pick == rows:* ]]; then
    rows=${pick#rows:}
  else
    rows=$(sqlite3 "$db" "$pick")
  fi
  while IFS='|' read -r id from to handler; do
    [ -n "$id" ] || continue
    n=$((n + 1))
    local args=() a from_lead= to_lead=
    if [ -n "$from" ]; then from_lead=${lead[$from]:-}; fi
    if [ -n "$to" ]; then to_lead=${lead[$to]:-}; fi
    for a in "$@"; do
      a=${a//@ID@/$id}; a=${a//@HANDLER@/$handler}; a=${a//@N@/$n}
      a=${a//@FROMLEAD@/$from_lead}; a=${a//@TOLEAD@/$to_lead}
      args+=("$a")
    done
    "$L" "${args[@]}" >/dev/null 2>"$work/err" || { echo "bench/locks.sh: $label failed: $(cat "$work/err")" >&2; continue; }
    sed -n 's/^linkctl: trace: write lock held \([0-9]*\) us.*/\1/p' "$work/err" >>"$work/us"
  done <<<"$rows"
  sort -n "$work/us" | awk -v label="$label" '{ v[NR] = $1 } END {
    if (NR == 0) { printf "| %s | 0 | | |\n", label; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "| %s | %d | %d | %d |\n", label, NR, m, v[NR] }'
}
state() { echo "SELECT id, from_dept, to_dept, coalesce(handler, '') FROM tickets WHERE $1 ORDER BY id LIMIT $runs OFFSET $2"; }

measure file "$runs" file --as li.na --category long-time-no-order --title 锁计时 --quiet
measure approve "$(state "state = 'pending'" 0)" approve @ID@ --as @FROMLEAD@
measure reject "$(state "state = 'pending'" "$runs")" reject @ID@ --as @FROMLEAD@ --reason 重复
measure route "SELECT t.id, t.from_dept, t.to_dept, (SELECT h.handler FROM tickets h WHERE h.to_dept = t.to_dept AND h.handler IS NOT NULL LIMIT 1) FROM tickets t WHERE t.state = 'routed' ORDER BY t.id LIMIT $runs" \
  route @ID@ --to @HANDLER@ --as @TOLEAD@
measure explain "$(state "state = 'assigned'" 0)" explain @ID@ --as @TOLEAD@ --reason 下周处理
measure escalate "$(state "state = 'assigned' AND escalated = 0" "$runs")" escalate @ID@ --as "$supervisor"
measure close "$(state "state = 'assigned'" $((3 * runs)))" close @ID@ --as @HANDLER@ --result 已处理
measure confirm "$(state "state = 'handled'" 0)" confirm @ID@ --as @TOLEAD@
measure rate "$(state "state = 'answered'" 0)" rate @ID@ satisfied --as @FROMLEAD@
measure reset "$(state "state = 'answered'" "$runs")" reset @ID@ --as @FROMLEAD@ --reason 结果不符
measure "spotcheck record" "$(state "state = 'done'" 0)" spotcheck record @ID@ --finding ok --as "$supervisor"
measure comment "$(state "state = 'done'" "$runs")" comment @ID@ 已电话催办 --as "$supervisor"
measure "deadlines ID --recompute" "$(state "state = 'routed'" "$runs")" deadlines @ID@ --recompute --as "$admin"
{ echo "filer,category,title"; for ((i = 0; i < 100; i++)); do echo "li.na,long-time-no-order,导入 $i"; done; } >"$work/100.csv"
measure "import (100 rows)" "$runs" import "$work/100.csv" --as "$admin"
for ((i = 1; i <= runs; i++)); do
  sed "0,/^name = \"\(.*\)\"$/s//name = \"\1 $i\"/" "$here/../examples/four-roles.toml" >"$work/policy-$i.toml"
done
measure "policy apply" "$runs" policy apply "$work/policy-@N@.toml" --as "$admin"
# The first run announces every lapse of the year; the later ones find nothing new.
measure "overdue --new" 5 overdue --new --as "$supervisor"
measure "report monthly --freeze" "rows:$(printf '2026-%02d|||\n' $(seq 1 10))" \
  report monthly --month @ID@ --freeze --as "$supervisor"
measure "deadlines --recompute (every open ticket)" 1 deadlines --recompute --as "$admin"
