#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make bench: generated stores of BENCH_SIZES tickets (default 10k, 100k and 1M), then
# paired, interleaved timings of linkctl against
#   - the floor: a minimal C program (bench/floor.cpp) doing the same one insert/update/query;
#   - the sqlite3 CLI running the very statements linkctl ran (captured with LINKCTL_TRACE_SQL),
#     or, for the report, a hand-written aggregation of the month (bench/report-2026-06.sql:
#     the same penalties counted per department and rule, through the same indexes);
#   - taskwarrior (Debian's `task`) holding BENCH_TASK_SIZE items;
# and import of BENCH_IMPORT_SIZES rows (default 10k, 100k, 1M) against the sqlite3 CLI's .import,
# and `policy check` of keys of 20,000 and 1,000,000 dotted parts against the regulation's policy,
# and (bench/locks.sh) how long every writing verb holds the write lock at the largest store,
# and (bench/pg.sh) the same verbs on PostgreSQL and 1/8/32 concurrent writers on both engines.
# Writes bench/out/results.md (ratios with the medians beside them) and prints it.
# Usage: bench/run.sh BUILD-DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
L=$build/linkctl GEN=$build/bench/linkctl_bench_gen FLOOR=$build/bench/linkctl_floor PAIRED=$build/bench/linkctl_paired
SIZES=${BENCH_SIZES:-10000 100000 1000000}
RUNS=${BENCH_RUNS:-30}            # paired runs per single-ticket verb
BULK_RUNS=${BENCH_BULK_RUNS:-10}  # per listing, report and export
out=$here/out
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
unset LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_SQL
results=$out/results.md
began=$(date +%s)

ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
row() {  # tickets, verb, linkctl ms, baseline label, baseline ms
  printf '| %s | %s | %s ms | %s | %s ms | %s |\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$3" "$5")" | tee -a "$results"
}
# Median (ms) of command $2 in a hyperfine JSON export $1.
median() { python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median'] * 1000))" "$1" "$2"; }
hyper() {  # name, size, runs, linkctl command, baseline command, baseline label
  local json=$work/$1-$2.json
  hyperfine -N --warmup 2 --runs "$3" --export-json "$json" "$4" "$5" >/dev/null
  row "$2" "$1" "$(median "$json" 0)" "$6" "$(median "$json" 1)"
}
# The SELECT a linkctl command runs on tickets, as the sqlite3 CLI would take it.
traced_sql() { LINKCTL_TRACE_SQL=1 "$@" 2>&1 >/dev/null | grep -E '^SELECT .*FROM (tickets|stages) ' | tail -1; }
peak_kib() { { /usr/bin/time -f %M "$@" >/dev/null; } 2>&1 | tail -1; }

{
  echo "# linkctl benchmark (raw results of bench/run.sh)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr); $(date -u +%F)."
  echo "Medians of paired, interleaved runs ($RUNS per single-ticket verb, $BULK_RUNS per bulk verb); ratio = linkctl / baseline."
  echo
  echo "| tickets | verb | linkctl | baseline | baseline median | ratio |"
  echo "|---:|---|---:|---|---:|---:|"
} >"$results"

declare -A single  # "verb size" -> linkctl median, for the flatness check
for n in $SIZES; do
  db=$work/bench-$n.db
  start=$(date +%s%N)
  "$GEN" "$db" "$n" >/dev/null
  echo "generated $n tickets in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  export LINKCTL_DB=$db LINKCTL_USER=lin.xiuying
  # Tickets each verb can act on once: pending market tickets (approved by its lead zhang.wei),
  # tickets assigned to he.fang (closed by her); half for linkctl, half for the floor.
  need=$((RUNS + 2))
  sqlite3 "$db" "SELECT id FROM tickets WHERE state = 'pending' AND from_dept = 'market' ORDER BY id" >"$work/pending"
  sqlite3 "$db" "SELECT id FROM tickets WHERE state = 'assigned' AND handler = 'he.fang' ORDER BY id" >"$work/assigned"
  head -n "$need" "$work/pending" >"$work/approve-a"; tail -n "$need" "$work/pending" >"$work/approve-b"
  head -n "$need" "$work/assigned" >"$work/close-a"; tail -n "$need" "$work/assigned" >"$work/close-b"
  paired() {  # name, A-args, B-args, A command... -- B command...
    local name=$1 a=$2 b=$3
    shift 3
    read -r ma mb < <("$PAIRED" "$RUNS" 2 "$a" "$b" "$@")
    single["$name $n"]=$ma
    row "$n" "$name" "$ma" floor "$mb"
  }
  seq 1 "$need" >"$work/nothing"
  id=$((n / 2))
  paired show "$work/nothing" "$work/nothing" "$L" show "$id" --format tsv -- "$FLOOR" "$db" show "$id"
  paired file "$work/nothing" "$work/nothing" "$L" file --as li.na --category long-time-no-order --title bench --quiet -- "$FLOOR" "$db" insert
  paired approve "$work/approve-a" "$work/approve-b" "$L" approve '{1}' --as zhang.wei -- "$FLOOR" "$db" approve '{1}'
  paired close "$work/close-a" "$work/close-b" "$L" close '{1}' --as he.fang --result 已处理 -- "$FLOOR" "$db" close '{1}'

  sql=$(traced_sql "$L" overdue --format tsv)
  hyper overdue "$n" "$BULK_RUNS" "$L overdue --format tsv" "sqlite3 $db \"$sql\"" "sqlite3 CLI, same SQL"
  sql=$(traced_sql "$L" inbox --as wang.qiang --format tsv)
  hyper inbox "$n" "$BULK_RUNS" "$L inbox --as wang.qiang --format tsv" "sqlite3 $db \"$sql\"" "sqlite3 CLI, same SQL"
  hyper "report monthly" "$n" "$BULK_RUNS" "$L report monthly --month 2026-06 --format csv" \
    "sqlite3 $db '.read $here/report-2026-06.sql'" "sqlite3 CLI, hand-written aggregation"
  sql=$(traced_sql "$L" export --from 2026-06-01 --to 2026-06-30)
  hyper "export (a month)" "$n" "$BULK_RUNS" "$L export --from 2026-06-01 --to 2026-06-30" "sqlite3 -csv $db \"$sql\"" "sqlite3 CLI, same SQL"
  echo "| $n | peak RSS (MiB): show $(( $(peak_kib "$L" show "$id") / 1024 )), file $(( $(peak_kib "$L" file --as li.na --category long-time-no-order --title bench --quiet) / 1024 )), export of a month $(( $(peak_kib "$L" export --from 2026-06-01 --to 2026-06-30) / 1024 )), export of all $n $(( $(peak_kib "$L" export) / 1024 )) | | | | |" | tee -a "$results"
  last=$n
done

# Flat in store size: a single-ticket verb at the largest store against the smallest.
first=$(echo "$SIZES" | awk '{ print $1 }')
if [ "$first" != "$last" ]; then
  for verb in show file approve close; do
    echo "| $last / $first | $verb: ${single[$verb $last]} ms / ${single[$verb $first]} ms | | | | $(ratio "${single[$verb $last]}" "${single[$verb $first]}") |" | tee -a "$results"
  done
fi

# How long each writing verb holds the write lock, at the largest store (issue 20).
{
  echo
  echo "Write-lock hold time at $last tickets (bench/locks.sh: BEGIN IMMEDIATE to COMMIT, LINKCTL_TRACE_LOCK=1):"
  echo
  "$here/locks.sh" "$build" "$work/bench-$last.db"
  echo
} | tee -a "$results"

# import: BENCH_IMPORT_SIZES rows (filer,category,title) into an empty store, each ticket with
# its first event, against the floor: the sqlite3 CLI's .import of the same CSV into the same
# tables (bench/import-floor.sql). Single runs (a 1M-row import takes a while); wall time and
# peak RSS, which must not grow with the rows (streaming: 1M rows within 1.2x the peak of 10k).
# (GNU time's report goes to a file: "2>&1" after the command would send it to /dev/null too.)
timed_peak() {
  /usr/bin/time -o "$work/time.out" -f '%e %M' "$@" >/dev/null 2>&1
  awk '{ printf "%d %d\n", $1 * 1000, $2 }' "$work/time.out"
}
declare -A import_peak
for rows in ${BENCH_IMPORT_SIZES:-10000 100000 1000000}; do
  csv=$work/import-$rows.csv db=$work/import-$rows.db floor=$work/import-floor-$rows.db
  awk -v n="$rows" 'BEGIN { print "filer,category,title"; for (i = 0; i < n; i++) print "li.na,long-time-no-order,导入 " i }' >"$csv"
  LINKCTL_USER=gao.feng "$L" --db "$db" init >/dev/null 2>&1
  sqlite3 "$db" ".backup $floor"
  sed "s|IMPORT_CSV|$csv|" "$here/import-floor.sql" >"$work/import-floor.sql"
  read -r ms kib < <(LINKCTL_USER=gao.feng timed_peak "$L" --db "$db" import "$csv")
  read -r floor_ms floor_kib < <(timed_peak sqlite3 "$floor" ".read $work/import-floor.sql")
  [ "$(sqlite3 "$db" 'SELECT count(*) FROM tickets')" = "$rows" ] || { echo "import of $rows rows did not file them all" >&2; exit 1; }
  row "$rows rows" import "$ms" "sqlite3 .import, same tables" "$floor_ms"
  echo "| $rows rows | import: $(( rows * 1000 / (ms + 1) )) tickets/s, peak RSS $(( kib / 1024 )) MiB (sqlite3 .import: $(( rows * 1000 / (floor_ms + 1) )) rows/s, $(( floor_kib / 1024 )) MiB) | | | | |" | tee -a "$results"
  import_peak[$rows]=$kib
  rm -f "$csv" "$db" "$floor" "$db"-* "$floor"-*
done
sizes=(${BENCH_IMPORT_SIZES:-10000 100000 1000000})
if [ "${#sizes[@]}" -gt 1 ]; then
  small=${sizes[0]} large=${sizes[${#sizes[@]} - 1]}
  echo "| $large / $small rows | import peak RSS: ${import_peak[$large]} KiB / ${import_peak[$small]} KiB | | | | $(ratio "${import_peak[$large]}" "${import_peak[$small]}") |" | tee -a "$results"
fi

# policy check of hostile files (issue 19): refused by the pre-scan in time linear in the file,
# against checking the regulation's policy. Single runs: a slow case would take minutes, not ms.
elapsed_ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; awk -v ns=$(( $(date +%s%N) - s )) 'BEGIN { printf "%.2f", ns / 1e6 }'; }
real_ms=$(elapsed_ms "$L" policy check "$here/../examples/four-roles.toml")
for parts in 20000 1000000; do
  awk -v n="$parts" 'BEGIN { for (i = 1; i < n; i++) printf "a."; print "a = 1" }' >"$work/dotted-$parts.toml"
  row policy "check a key of $parts dotted parts (refused)" "$(elapsed_ms "$L" policy check "$work/dotted-$parts.toml")" \
    "check examples/four-roles.toml" "$real_ms"
done

# taskwarrior, the tool a person might use instead, holding BENCH_TASK_SIZE pending tasks.
if command -v task >/dev/null; then
  tw=$work/task
  mkdir -p "$tw/data"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nrecurrence=off\n' "$tw/data" >"$tw/rc"
  export TASKRC=$tw/rc
  tasks=${BENCH_TASK_SIZE:-100000}
  # As many overdue as in linkctl's store of the same size (about 22%: the generator leaves
  # open stages behind all year), the rest due next year, so both list the same amount.
  python3 -c "
import json
for i in range($tasks):
    due = '2026%02d%02dT000000Z' % (1 + i % 10, 1 + i % 28) if i % 100 < 22 else '2027%02d%02dT000000Z' % (1 + i % 12, 1 + i % 28)
    print(json.dumps({'description': 'task %d' % i, 'status': 'pending', 'entry': '20260101T000000Z', 'due': due}))
" >"$tw/tasks.json"
  start=$(date +%s%N)
  task import "$tw/tasks.json" >/dev/null 2>&1
  echo "taskwarrior: imported $tasks tasks in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  size=$(echo "$SIZES" | tr ' ' '\n' | awk -v t="$tasks" '$1 <= t' | tail -1)
  export LINKCTL_DB=$work/bench-${size:-$first}.db
  hyper "file vs task add" "${size:-$first}" 5 "$L file --as li.na --category long-time-no-order --title bench --quiet" "task add bench" "task add ($tasks tasks)"
  hyper "overdue vs task overdue" "${size:-$first}" 5 "$L overdue --format tsv" "task overdue" "task overdue ($tasks tasks)"
else
  echo "| | taskwarrior not installed (apt-get install taskwarrior) | | | | |" | tee -a "$results"
fi
# PostgreSQL (SPEC 12): the same verbs against a libpq floor, direct and through pgbouncer,
# and 1/8/32 concurrent writers on both engines.
if [ -x "$build/bench/linkctl_pg_floor" ] && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  bash "$here/pg.sh" "$build"
else
  echo "| | PostgreSQL part skipped: no server or no libpq (apt-get install postgresql-15 libpq-dev) | | | | |" | tee -a "$results"
fi
echo "| | whole run: $(( $(date +%s) - began )) s | | | | |" | tee -a "$results"
echo
cat "$results"
