#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make bench: databases of BENCH_SIZES tickets (default 10000 and 100000; add 1000000
# with BENCH_SIZES="10000 100000 1000000"), then paired, interleaved timings (hyperfine)
# of linkctl against the floor (a minimal C++ program doing the same SQL), the sqlite3
# CLI, and taskwarrior. Writes bench/out/results.md and prints it.
# Usage: bench/run.sh BUILD-DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
L=$build/linkctl GEN=$build/bench/linkctl_bench_gen FLOOR=$build/bench/linkctl_floor
SIZES=${BENCH_SIZES:-10000 100000}
RUNS=${BENCH_RUNS:-30}
out=$here/out
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LINKCTL_USER=lin.xiuying NO_COLOR=1
unset LINKCTL_NOW LINKCTL_FORMAT
results=$out/results.md

# median (ms) of a hyperfine JSON export, for command index $2
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.2f' % (r['median']*1000))" "$1" "$2"; }
pair() {  # name, linkctl command, baseline command, baseline label, db size
  local name=$1 a=$2 b=$3 label=$4 n=$5 json=$work/$1-$5.json
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$json" "$a" "$b" >/dev/null 2>&1 ||
    hyperfine --warmup 3 --runs "$RUNS" --export-json "$json" "$a" "$b" >/dev/null
  local ma mb
  ma=$(median "$json" 0) mb=$(median "$json" 1)
  printf '| %s | %s | %s ms | %s | %s ms | %.2f |\n' "$n" "$name" "$ma" "$label" "$mb" "$(echo "$ma / $mb" | bc -l)" | tee -a "$results"
}

{
  echo "# linkctl benchmark"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr); $(date -u +%F)."
  echo "Medians of $RUNS paired, interleaved runs (hyperfine); ratio = linkctl / baseline."
  echo
  echo "| tickets | verb | linkctl | baseline | baseline time | ratio |"
  echo "|---:|---|---:|---|---:|---:|"
} >"$results"

for n in $SIZES; do
  db=$work/bench-$n.db
  start=$(date +%s%N)
  "$GEN" "$db" "$n" >/dev/null
  echo "generated $n tickets in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  export LINKCTL_DB=$db
  id=$((n / 2))
  pair show "$L show $id --format tsv" "$FLOOR $db show $id" floor "$n"
  pair file "$L file --as li.na --category long-time-no-order --title bench --quiet" "$FLOOR $db insert" floor "$n"
  pair inbox "$L inbox --as wang.qiang --format tsv" "$FLOOR $db inbox" floor "$n"
  pair overdue "$L overdue --format tsv" "sqlite3 $db \"SELECT * FROM stages s JOIN tickets t ON t.id = s.ticket_id WHERE s.finished_at IS NULL AND coalesce(s.escalated_due, s.due) < '2026-12-20'\"" "sqlite3 CLI" "$n"
  pair "report monthly" "$L report monthly --month 2026-06 --format csv" \
    "sqlite3 $db \"SELECT s.dept, s.kind, count(*) FROM stages s WHERE (s.due BETWEEN '2026-06-01' AND '2026-06-30' AND (s.finished_on > s.due OR s.finished_on IS NULL)) OR (s.kind = 'review' AND s.finished_on BETWEEN '2026-06-01' AND '2026-06-30' AND s.outcome IN ('fair','unsatisfied')) GROUP BY 1, 2\"" "sqlite3 CLI" "$n"
  pair "export (a month)" "$L export --from 2026-06-01 --to 2026-06-30" \
    "sqlite3 -csv $db \"SELECT * FROM tickets WHERE filed_at >= '2026-06-01' AND filed_at < '2026-07-01'\"" "sqlite3 CLI" "$n"
  # Peak memory (KiB): a single-ticket verb and an export of everything.
  rss_show=$( { /usr/bin/time -f %M "$L" show "$id" >/dev/null; } 2>&1 | tail -1)
  rss_export=$( { /usr/bin/time -f %M "$L" export >/dev/null; } 2>&1 | tail -1)
  echo "| $n | peak RSS: show $((rss_show / 1024)) MiB, export of all $n tickets $((rss_export / 1024)) MiB | | | | |" | tee -a "$results"
done

# import throughput: 100k rows, including each ticket's first event.
rows=${BENCH_IMPORT_ROWS:-100000}
db=$work/import.db
LINKCTL_USER=gao.feng "$L" --db "$db" init >/dev/null 2>&1
{ echo "filer,category,title"; for ((i = 0; i < rows; i++)); do echo "li.na,long-time-no-order,导入 $i"; done; } >"$work/import.csv"
start=$(date +%s%N)
LINKCTL_USER=gao.feng "$L" --db "$db" import "$work/import.csv" >/dev/null 2>&1 || true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "| $rows | import | $ms ms | | | $((rows * 1000 / (ms + 1))) tickets/s |" | tee -a "$results"

# taskwarrior, the tool a person might use instead (Debian's package).
if command -v task >/dev/null || { apt-get install -y taskwarrior >/dev/null 2>&1 && command -v task >/dev/null; }; then
  tw=$work/task
  mkdir -p "$tw/data"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$tw/data" >"$tw/rc"
  export TASKRC=$tw/rc
  n=${BENCH_TASK_SIZE:-10000}
  python3 -c "
import json, sys
for i in range($n):
    print(json.dumps({'description': 'task %d' % i, 'status': 'pending', 'entry': '20260101T000000Z', 'due': '2026%02d%02dT000000Z' % (1 + i % 12, 1 + i % 28)}))
" >"$tw/tasks.json"
  task import "$tw/tasks.json" >/dev/null 2>&1
  export LINKCTL_DB=$work/bench-$(echo "$SIZES" | awk '{print $1}').db
  pair "file vs task add" "$L file --as li.na --category long-time-no-order --title bench --quiet" "task add bench" "task add ($n tasks)" "$(echo "$SIZES" | awk '{print $1}')"
  pair "overdue vs task overdue" "$L overdue --format tsv" "task overdue" "task overdue ($n tasks)" "$(echo "$SIZES" | awk '{print $1}')"
fi
echo
cat "$results"
