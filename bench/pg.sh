#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make bench, PostgreSQL part (SPEC 12, issue 12): on a throwaway cluster this script starts
# (tests/pg/cluster.sh, fsync on as a real server has it, stopped at the end even on failure),
# for BENCH_PG_SIZES tickets (default 10k and 100k), paired, interleaved timings of linkctl
# against bench/pg_floor.cpp (libpq doing the same one transaction or query in one round
# trip, connection included), directly and through a pgbouncer in transaction mode:
# the verbs of bench/run.sh's table (show, file, approve, close; overdue, inbox, report
# monthly, export of a month, with run.sh's arguments) and `list` of the same month; for the
# bulk verbs the floor runs the very statements linkctl ran (LINKCTL_TRACE_SQL, less the
# policy load, the transaction and cursor plumbing) as one string, printing every row.
# Then 1, 8 and 32 concurrent writers on both engines: throughput, failures, audit verify.
# Appends to bench/out/results.md. Usage: bench/pg.sh BUILD-DIR
#   BENCH_PG_VERBS    the verbs to time (default: show file approve close list inbox overdue report export)
#   BENCH_PG_WRITERS  writer counts (default "1 8 32"; empty: no writers part)
#   BENCH_RUNS, BENCH_BULK_RUNS   paired runs per single-ticket verb (30) and per bulk verb (10)
#   BENCH_PG_KEEP=DIR keep the cluster and its filled stores in DIR for the next run (which
#                     then skips filling; the stores drift by the few tickets each run writes)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
L=$build/linkctl GEN=$build/bench/linkctl_bench_gen FLOOR=$build/bench/linkctl_pg_floor PAIRED=$build/bench/linkctl_paired
[ -x "$FLOOR" ] || { echo "bench/pg.sh: no $FLOOR (libpq-dev missing?)" >&2; exit 1; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
SIZES=${BENCH_PG_SIZES:-10000 100000}  # 1M: BENCH_PG_SIZES="100000 1000000" (filling it: ~20 minutes)
RUNS=${BENCH_RUNS:-30}
BULK_RUNS=${BENCH_BULK_RUNS:-10}
VERBS=" ${BENCH_PG_VERBS:-show file approve close list inbox overdue report export} "
WRITERS=${BENCH_PG_WRITERS-1 8 32}
for v in $VERBS; do
  case $v in show | file | approve | close | list | inbox | overdue | report | export) ;;
    *) echo "bench/pg.sh: BENCH_PG_VERBS: no verb $v (show file approve close list inbox overdue report export)" >&2; exit 2 ;;
  esac
done
want() { [[ $VERBS == *" $1 "* ]]; }
WRITES=${BENCH_WRITES:-640}  # comments in all, per writer count
results=$here/out/results.md
mkdir -p "$here/out"
[ -f "$results" ] || : >"$results"
keep=${BENCH_PG_KEEP:-}
if [ -n "$keep" ]; then cluster=$(mkdir -p "$keep" && cd "$keep" && pwd); else cluster=$(mktemp -d /tmp/linkctl-bench-pg.XXXXXX); fi
bouncer=$(mktemp -d /tmp/linkctl-bench-pgbouncer.XXXXXX)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-bench-pg-work.XXXXXX")
as_owner() ( cd / && if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi )
cleanup() {
  [ -f "$bouncer/pgbouncer.pid" ] && kill "$(cat "$bouncer/pgbouncer.pid")" 2>/dev/null
  if [ -n "$keep" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  else
    bash "$here/../tests/pg/cluster.sh" stop "$cluster"
  fi
  rm -rf "$bouncer" "$work"
}
trap cleanup EXIT
export NO_COLOR=1
unset LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_SQL LINKCTL_DB
if [ -n "$keep" ] && [ -d "$cluster/data" ]; then
  # A kept cluster, started as cluster.sh starts one (fsync on).
  as_owner "$PG_BIN/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
    -o "-k $cluster -c listen_addresses='' -c fsync=on -c max_connections=200" start >/dev/null
else
  LINKCTL_PG_FSYNC=on bash "$here/../tests/pg/cluster.sh" restart "$cluster" >/dev/null
fi
began=$(date +%s)

ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
# The statements a bulk verb sends for its data, as LINKCTL_TRACE_SQL printed them (one or
# more to a line), in one transaction: all but the transaction's start, the schema and policy
# checks every verb makes, and the cursor's paging. A DECLARE ... CURSOR is kept (PostgreSQL
# plans a cursor's query for its first rows: without it the same SELECT gets another plan),
# its FETCHes of 1,000 become one FETCH ALL in the same round trip. linkctl's SET LOCAL jit =
# off is kept: it changes how the server runs the same SQL (the timeouts do not).
data_sql() {
  echo "BEGIN;"
  LINKCTL_TRACE_SQL=1 "$@" 2>&1 >/dev/null |
    sed -E 's/; (BEGIN|SET|SELECT|DECLARE|FETCH|CLOSE|COMMIT|ROLLBACK|WITH) /;\n\1 /g' |
    grep -Ev '^(BEGIN|SET LOCAL (idle_in_transaction_session_timeout|lock_timeout)|FETCH|CLOSE|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b|linkctl_schema|FROM policy_versions|WHERE ticket_id IS NULL AND verb IN' |
    awk '{ print } /^DECLARE [A-Za-z0-9_]+ / { print "FETCH ALL FROM " $2 ";" }' || true
  echo "COMMIT;"
}
row() { printf '| %s | %s | %s ms | %s | %s ms | %s |\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$3" "$5")" | tee -a "$results"; }

# A pgbouncer in transaction mode in front of the cluster (as tests/pg/test-pgbouncer.sh).
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ -x "$PGBOUNCER" ]; then
  [ "$(id -u)" = 0 ] && chown postgres: "$bouncer"
  chmod 755 "$bouncer"
  cat >"$bouncer/pgbouncer.ini" <<INI
[databases]
* = host=$cluster
[pgbouncer]
listen_addr =
listen_port = 6432
unix_socket_dir = $bouncer
auth_type = trust
auth_file = $bouncer/users.txt
pool_mode = transaction
default_pool_size = 8
max_client_conn = 200
logfile = $bouncer/pgbouncer.log
pidfile = $bouncer/pgbouncer.pid
INI
  echo '"linkctl" ""' >"$bouncer/users.txt"
  as_owner "$PGBOUNCER" -d "$bouncer/pgbouncer.ini"
  for ((i = 0; i < 200; i++)); do [ -S "$bouncer/.s.PGSQL.6432" ] && break; sleep 0.05; done
fi

{
  echo
  echo "## PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync on, Unix socket; ratio = linkctl / libpq floor)"
  echo
  echo "| tickets | verb | linkctl | baseline | baseline median | ratio |"
  echo "|---:|---|---:|---|---:|---:|"
} | tee -a "$results"

declare -A single floor_ms  # "verb via size" -> median ms of linkctl / of the floor
for n in $SIZES; do
  db=bench_$n
  if [ -n "$keep" ] && [ -f "$cluster/filled-$n" ]; then
    uri="postgresql:///$db?host=$cluster&user=linkctl"
    echo "using the $n tickets kept in $cluster" >&2
  else
    [ -n "$keep" ] && bash "$here/../tests/pg/cluster.sh" dropdb "$cluster" "$db" 2>/dev/null
    uri=$(bash "$here/../tests/pg/cluster.sh" createdb "$cluster" "$db")
    # Generated into a SQLite file (the generator writes ticket by ticket, a round trip each on
    # PostgreSQL), then copied over: copy --to writes in batches, one COPY per table and batch.
    start=$(date +%s%N)
    "$GEN" "$work/gen-$n.db" "$n" >/dev/null
    LINKCTL_USER=gao.feng "$L" --db "$work/gen-$n.db" copy --to "$uri" >/dev/null
    rm -f "$work/gen-$n.db" "$work/gen-$n.db"-*
    echo "generated $n tickets into SQLite and copied them to PostgreSQL in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
    "$PG_BIN/psql" -X -q "$uri" -c "VACUUM ANALYZE" >/dev/null
    [ -n "$keep" ] && : >"$cluster/filled-$n"
  fi
  psql_ids() { "$PG_BIN/psql" -X -A -t "$uri" -c "$1"; }
  need=$((RUNS + 2))
  seq 1 $((RUNS + BULK_RUNS + 2)) >"$work/nothing"
  for via in direct pgbouncer; do
    if [ "$via" = direct ]; then addr=$uri; else
      [ -S "$bouncer/.s.PGSQL.6432" ] || continue
      addr="postgresql:///$db?host=$bouncer&port=6432&user=linkctl"
    fi
    export LINKCTL_DB=$addr LINKCTL_USER=lin.xiuying
    # Distinct tickets for every run of every verb: half for linkctl, half for the floor.
    psql_ids "SELECT id FROM tickets WHERE state = 'pending' AND from_dept = 'market' ORDER BY id" >"$work/pending"
    psql_ids "SELECT id FROM tickets WHERE state = 'assigned' AND handler = 'he.fang' ORDER BY id" >"$work/assigned"
    head -n "$need" "$work/pending" >"$work/approve-a"; sed -n "$((need + 1)),$((2 * need))p" "$work/pending" >"$work/approve-b"
    head -n "$need" "$work/assigned" >"$work/close-a"; sed -n "$((need + 1)),$((2 * need))p" "$work/assigned" >"$work/close-b"
    paired() {  # name, runs, A-args, B-args, A command... -- B command...
      local name=$1 runs=$2 a=$3 b=$4 out
      shift 4
      if ! out=$("$PAIRED" "$runs" 2 "$a" "$b" "$@"); then
        echo "| $n | $name ($via): failed (above) | | | | |" | tee -a "$results"
        return 0
      fi
      read -r ma mb <<<"$out"
      single["$name $via $n"]=$ma floor_ms["$name $via $n"]=$mb
      row "$n" "$name ($via)" "$ma" "${label:-libpq floor}" "$mb"
    }
    id=$((n / 2))
    label=
    want show && paired show "$RUNS" "$work/nothing" "$work/nothing" "$L" show "$id" --format tsv -- "$FLOOR" "$addr" show "$id"
    want file && paired file "$RUNS" "$work/nothing" "$work/nothing" "$L" file --as li.na --category long-time-no-order --title bench --quiet -- "$FLOOR" "$addr" insert
    want approve && paired approve "$RUNS" "$work/approve-a" "$work/approve-b" "$L" approve '{1}' --as zhang.wei -- "$FLOOR" "$addr" approve '{1}'
    want close && paired close "$RUNS" "$work/close-a" "$work/close-b" "$L" close '{1}' --as he.fang --result 已处理 -- "$FLOOR" "$addr" close '{1}'
    # The bulk verbs with bench/run.sh's arguments (list: the month of report and export),
    # against the floor running the statements linkctl ran, captured here, through this
    # connection (the SQL is the same either way; a date in it is today's, as linkctl's).
    label="libpq floor, same SQL"
    bulk() {  # name, key, linkctl arguments...
      local name=$1 key=$2 sql=$work/$2.sql
      shift 2
      data_sql "$L" "$@" >"$sql"
      cp "$sql" "$here/out/pg-$key.sql"
      if ! grep -qE '^(SELECT|WITH|DECLARE) ' "$sql" || ! "$FLOOR" "$addr" sql "$sql" >"$work/floor.out"; then
        echo "| $n | $name ($via): no data statement found in linkctl's LINKCTL_TRACE_SQL output (see bench/out/pg-$key.sql) | | | | |" | tee -a "$results"
        return 0
      fi
      [ "$via" = direct ] &&
        fetched["$key"]="$key: $(wc -l <"$work/floor.out") rows fetched by $(grep -cE '^(SELECT|WITH|DECLARE) ' "$sql") statement(s), $("$L" "$@" | wc -l) lines printed"
      paired "$name" "$BULK_RUNS" "$work/nothing" "$work/nothing" "$L" "$@" -- "$FLOOR" "$addr" sql "$sql"
    }
    declare -A fetched=()
    want list && bulk "list (a month)" list list --month 2026-06 --format tsv
    want inbox && bulk inbox inbox inbox --as wang.qiang --format tsv
    want overdue && bulk overdue overdue overdue --format tsv
    want report && bulk "report monthly" report report monthly --month 2026-06 --format csv
    want export && bulk "export (a month)" export export --from 2026-06-01 --to 2026-06-30
    if [ "$via" = direct ] && [ "${#fetched[@]}" -gt 0 ]; then
      what=$(for k in list inbox overdue report export; do [ -z "${fetched[$k]:-}" ] || printf '%s; ' "${fetched[$k]}"; done)
      echo "| $n | ${what%; } | | | | |" | tee -a "$results"
    fi
  done
  last=$n
done
# Flat in store size: each verb at the largest store against the smallest, directly (the
# bulk verbs fetch ten times the rows at ten times the tickets: their floor's growth beside them).
first=$(echo "$SIZES" | awk '{ print $1 }')
if [ "$first" != "$last" ]; then
  for verb in show file approve close "list (a month)" inbox overdue "report monthly" "export (a month)"; do
    a=${single[$verb direct $last]:-} b=${single[$verb direct $first]:-}
    [ -n "$a" ] && [ -n "$b" ] || continue
    echo "| $last / $first | $verb (direct): $a ms / $b ms | | | | $(ratio "$a" "$b") |" | tee -a "$results"
    case $verb in show | file | approve | close) continue ;; esac
    a=${floor_ms[$verb direct $last]} b=${floor_ms[$verb direct $first]}
    echo "| $last / $first | $verb (direct), libpq floor: $a ms / $b ms | | | | $(ratio "$a" "$b") |" | tee -a "$results"
  done
fi

# Concurrent writers: W processes each adding WRITES/W comments to tickets of their own,
# on SQLite and on PostgreSQL (direct), the same store of the first size. Throughput in
# comments per second, failures (any non-zero exit), and the chain verified after.
# (BENCH_PG_WRITERS= skips this part.)
if [ -n "${WRITERS// /}" ]; then
  {
    echo
    echo "| writers | engine | comments | seconds | comments/s | failures | audit verify |"
    echo "|---:|---|---:|---:|---:|---:|---|"
  } | tee -a "$results"
  sqlite_db=$work/writers.db
  "$GEN" "$sqlite_db" "$first" >/dev/null
  # (A copy of it on PostgreSQL: the stores above hold the floor's events, whose hashes are dummies.)
  [ -n "$keep" ] && bash "$here/../tests/pg/cluster.sh" dropdb "$cluster" writers 2>/dev/null
  pg_uri=$(bash "$here/../tests/pg/cluster.sh" createdb "$cluster" writers)
  start=$(date +%s%N)
  LINKCTL_USER=gao.feng "$L" --db "$sqlite_db" copy --to "$pg_uri" >/dev/null
  echo "copied $first tickets from SQLite to PostgreSQL in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  for w in $WRITERS; do
    for engine in sqlite postgresql; do
      if [ "$engine" = sqlite ]; then addr=$sqlite_db; else addr=$pg_uri; fi
      per=$((WRITES / w))
      rm -f "$work"/writer.*
      start=$(date +%s%N)
      for ((k = 0; k < w; k++)); do
        (
          fails=0
          for ((i = 0; i < per; i++)); do
            LINKCTL_DB=$addr LINKCTL_USER=lin.xiuying "$L" comment $((k * 1000 + i + 1)) "writer $k, comment $i" >/dev/null 2>>"$work/writer.err" ||
              fails=$((fails + 1))
          done
          echo "$fails" >"$work/writer.$k"
        ) &
      done
      wait
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      fails=$(cat "$work"/writer.[0-9]* | awk '{ s += $1 } END { print s + 0 }')
      verify=$(LINKCTL_DB=$addr LINKCTL_USER=lin.xiuying "$L" audit verify --format tsv --no-header | cut -f1 || true)
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$w" "$engine" $((per * w)) "$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')" \
        "$(awk -v n=$((per * w)) -v m="$ms" 'BEGIN { printf "%.0f", n * 1000 / m }')" "$fails" "$verify" | tee -a "$results"
    done
  done
  if [ -s "$work/writer.err" ]; then
    { echo "writer errors:"; sort "$work/writer.err" | uniq -c | head -5; } | tee -a "$results"
  fi
fi
echo "| | PostgreSQL part: $(( $(date +%s) - began )) s | | | | |" | tee -a "$results"
