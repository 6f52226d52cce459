#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make bench, PostgreSQL part (SPEC 12, issue 12): on a throwaway cluster this script starts
# (tests/pg/cluster.sh, fsync on as a real server has it, stopped at the end even on failure),
# for BENCH_PG_SIZES tickets (default 10k and 100k), paired, interleaved timings of linkctl
# against bench/pg_floor.cpp (libpq doing the same one transaction or query in one round
# trip, connection included), directly and through a pgbouncer in transaction mode;
# then 1, 8 and 32 concurrent writers on both engines: throughput, failures, audit verify.
# Appends to bench/out/results.md. Usage: bench/pg.sh BUILD-DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
L=$build/linkctl GEN=$build/bench/linkctl_bench_gen FLOOR=$build/bench/linkctl_pg_floor PAIRED=$build/bench/linkctl_paired
[ -x "$FLOOR" ] || { echo "bench/pg.sh: no $FLOOR (libpq-dev missing?)" >&2; exit 1; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
SIZES=${BENCH_PG_SIZES:-10000 100000}  # 1M: BENCH_PG_SIZES="100000 1000000" (filling it: ~20 minutes)
RUNS=${BENCH_RUNS:-30}
WRITES=${BENCH_WRITES:-640}  # comments in all, per writer count
results=$here/out/results.md
mkdir -p "$here/out"
[ -f "$results" ] || : >"$results"
cluster=$(mktemp -d /tmp/linkctl-bench-pg.XXXXXX)
bouncer=$(mktemp -d /tmp/linkctl-bench-pgbouncer.XXXXXX)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-bench-pg-work.XXXXXX")
as_owner() ( cd / && if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi )
cleanup() {
  [ -f "$bouncer/pgbouncer.pid" ] && kill "$(cat "$bouncer/pgbouncer.pid")" 2>/dev/null
  bash "$here/../tests/pg/cluster.sh" stop "$cluster"
  rm -rf "$bouncer" "$work"
}
trap cleanup EXIT
export NO_COLOR=1
unset LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_SQL LINKCTL_DB
LINKCTL_PG_FSYNC=on bash "$here/../tests/pg/cluster.sh" restart "$cluster" >/dev/null
began=$(date +%s)

ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
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

declare -A single
for n in $SIZES; do
  db=bench_$n
  uri=$(bash "$here/../tests/pg/cluster.sh" createdb "$cluster" "$db")
  # Generated into a SQLite file (the generator writes ticket by ticket, a round trip each on
  # PostgreSQL), then copied over: copy --to writes in batches, one COPY per table and batch.
  start=$(date +%s%N)
  "$GEN" "$work/gen-$n.db" "$n" >/dev/null
  LINKCTL_USER=gao.feng "$L" --db "$work/gen-$n.db" copy --to "$uri" >/dev/null
  rm -f "$work/gen-$n.db" "$work/gen-$n.db"-*
  echo "generated $n tickets into SQLite and copied them to PostgreSQL in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
  "$PG_BIN/psql" -X -q "$uri" -c "VACUUM ANALYZE" >/dev/null
  psql_ids() { "$PG_BIN/psql" -X -A -t "$uri" -c "$1"; }
  need=$((RUNS + 2))
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
    seq 1 "$need" >"$work/nothing"
    paired() {  # name, A-args, B-args, A command... -- B command...
      local name=$1 a=$2 b=$3
      shift 3
      read -r ma mb < <("$PAIRED" "$RUNS" 2 "$a" "$b" "$@")
      single["$name $via $n"]=$ma
      row "$n" "$name ($via)" "$ma" "libpq floor" "$mb"
    }
    id=$((n / 2))
    paired show "$work/nothing" "$work/nothing" "$L" show "$id" --format tsv -- "$FLOOR" "$addr" show "$id"
    paired file "$work/nothing" "$work/nothing" "$L" file --as li.na --category long-time-no-order --title bench --quiet -- "$FLOOR" "$addr" insert
    paired approve "$work/approve-a" "$work/approve-b" "$L" approve '{1}' --as zhang.wei -- "$FLOOR" "$addr" approve '{1}'
    paired close "$work/close-a" "$work/close-b" "$L" close '{1}' --as he.fang --result 已处理 -- "$FLOOR" "$addr" close '{1}'
  done
  last=$n
done
first=$(echo "$SIZES" | awk '{ print $1 }')
if [ "$first" != "$last" ]; then
  for verb in show file approve close; do
    echo "| $last / $first | $verb (direct): ${single[$verb direct $last]} ms / ${single[$verb direct $first]} ms | | | | $(ratio "${single[$verb direct $last]}" "${single[$verb direct $first]}") |" | tee -a "$results"
  done
fi

# Concurrent writers: W processes each adding WRITES/W comments to tickets of their own,
# on SQLite and on PostgreSQL (direct), the same store of the first size. Throughput in
# comments per second, failures (any non-zero exit), and the chain verified after.
{
  echo
  echo "| writers | engine | comments | seconds | comments/s | failures | audit verify |"
  echo "|---:|---|---:|---:|---:|---:|---|"
} | tee -a "$results"
sqlite_db=$work/writers.db
"$GEN" "$sqlite_db" "$first" >/dev/null
# (A copy of it on PostgreSQL: the stores above hold the floor's events, whose hashes are dummies.)
pg_uri=$(bash "$here/../tests/pg/cluster.sh" createdb "$cluster" writers)
start=$(date +%s%N)
LINKCTL_USER=gao.feng "$L" --db "$sqlite_db" copy --to "$pg_uri" >/dev/null
echo "copied $first tickets from SQLite to PostgreSQL in $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
for w in 1 8 32; do
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
[ -s "$work/writer.err" ] && { echo "writer errors:"; sort "$work/writer.err" | uniq -c | head -5; } | tee -a "$results"
echo "| | PostgreSQL part: $(( $(date +%s) - began )) s | | | | |" | tee -a "$results"
