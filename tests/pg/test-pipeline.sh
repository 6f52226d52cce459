#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# PostgreSQL's pipeline (issue 12): statements whose results linkctl does not need (BEGIN,
# the chain-head lock, UPDATE and INSERT without RETURNING) travel with the next statement
# that returns rows, or with the COMMIT.
#   - A failure in such a statement still fails the whole verb: the exit code of its
#     SQLSTATE, one line on stderr naming it, nothing written, the chain intact. The
#     failures are injected by triggers (installed as a DBA could) on the UPDATE of a
#     ticket, the UPDATE of a stage and the INSERT of an event, each a queued statement.
#   - A lock not granted within the busy timeout, asked for with the verb's first read,
#     is still exit 7 with the lock's own message.
#   - Round trips: the messages linkctl sends to the server (sendto(2) on its socket,
#     counted by strace: the connection's start, one per round trip, the goodbye) stay
#     within a budget per verb, so that a statement sent on its own again shows here.
# Usage: test-pipeline.sh /path/to/linkctl
set -uo pipefail
. "$(dirname "$0")/setup.sh" pipeline "$1"
db="pipeline_$$"
cleanup() {
  [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
  bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_DB LINKCTL_TRACE_SQL LINKCTL_TRACE_LOCK LINKCTL_TEST_STOP_IN_WRITE
status=0 checks=0
fail() { echo "FAIL: $*"; status=1; }
check() { checks=$((checks + 1)); }
cp "$src/tests/e2e/policies/mini.toml" .
addr="postgresql:///$db?host=$LINKCTL_TEST_PG&user=linkctl"
sql() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$addr" -c "$1"; }
L() { "$BIN" --db "$addr" "$@"; }
bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$db" >/dev/null
L init --policy mini.toml --as gao.feng >/dev/null || fail "init"
id=$(L file --as li.na --today 2026-11-16 --category shop-moved --title 'pipelined' --quiet) || fail "file"

# inject TABLE EVENT SQLSTATE: every EVENT (INSERT or UPDATE) on TABLE fails with SQLSTATE.
inject() {
  sql "SET client_min_messages = warning; DROP TRIGGER IF EXISTS inject ON $1;
       CREATE OR REPLACE FUNCTION inject() RETURNS trigger LANGUAGE plpgsql AS \$\$
       BEGIN RAISE EXCEPTION 'injected into $1' USING ERRCODE = '$3'; END \$\$;
       CREATE TRIGGER inject BEFORE $2 ON $1 FOR EACH ROW EXECUTE FUNCTION inject();" >/dev/null
}
snapshot() { sql "SELECT (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM stages) || ' ' ||
                         (SELECT state || updated_at FROM tickets WHERE id = $id)"; }

# table event sqlstate exit text verb...: the verb fails with exit, one line containing text,
# and nothing of it is stored.
expect_failure() {
  local table=$1 event=$2 code=$3 want=$4 text=$5 rc before
  shift 5
  inject "$table" "$event" "$code"
  before=$(snapshot)
  L "$@" >out 2>err
  rc=$?
  sql "DROP TRIGGER inject ON $table" >/dev/null
  check
  [ "$rc" = "$want" ] || fail "$code on $event of $table, $*: exit $rc (want $want): $(cat err)"
  check
  [ "$(wc -l <err)" = 1 ] && grep -qF -- "$text" err ||
    fail "$code on $event of $table, $*: stderr $(cat err) (want one line with '$text')"
  check
  [ "$(snapshot)" = "$before" ] || fail "$code on $event of $table, $*: stored $(snapshot) (was $before)"
}
# A disk full on the ticket's UPDATE (sent with the reads of the event's digest).
expect_failure tickets UPDATE 53100 7 'injected into tickets' approve "$id" --as zhang.wei --today 2026-11-16
# Permission denied on the stage's UPDATE (sent with the INSERT of the next stage).
expect_failure stages UPDATE 42501 7 'injected into stages' approve "$id" --as zhang.wei --today 2026-11-16
# Any other failure on the event's INSERT (sent with the COMMIT): exit 7 all the same.
expect_failure events INSERT 23514 7 'injected into events' approve "$id" --as zhang.wei --today 2026-11-16
check
L approve "$id" --as zhang.wei --today 2026-11-16 >/dev/null 2>err || fail "approve after the failures: $(cat err)"
check
L route "$id" --as zhang.wei --today 2026-11-16 --to li.na >/dev/null 2>err || fail "route: $(cat err)"
expect_failure tickets UPDATE 53100 7 'injected into tickets' close "$id" --as li.na --result done --today 2026-11-17
check
L audit verify --format tsv --no-header | grep -q '^ok' || fail "audit verify after the failures"

# The lock, held by a psql session, asked for with approve's first read: exit 7, its message.
id2=$(L file --as li.na --today 2026-11-16 --category shop-moved --title 'locked out' --quiet) || fail "file 2"
mkfifo hold
("$PG_BIN/psql" -X -q "$addr" -c "BEGIN" -c "SELECT id FROM chain_head WHERE id = 1 FOR UPDATE" -c "\\! echo locked >$work/locked" -c "\\! cat $work/hold >/dev/null" -c "ROLLBACK" >/dev/null 2>&1) &
holder=$!
for ((i = 0; i < 200; i++)); do [ -s locked ] && break; sleep 0.05; done
before=$(sql "SELECT count(*) FROM events")
LINKCTL_BUSY_TIMEOUT=300 L approve "$id2" --as zhang.wei --today 2026-11-16 >out 2>err
rc=$?
echo >hold
wait "$holder"
holder=""
check
[ "$rc" = 7 ] && [ "$(wc -l <err)" = 1 ] && grep -qF 'stayed locked by another writer for 300 ms' err ||
  fail "approve while the lock was held: exit $rc (want 7), stderr $(cat err)"
check
[ "$(sql "SELECT count(*) FROM events")" = "$before" ] || fail "approve while the lock was held stored an event"

# Round trips: sendto(2) calls on the server's socket per verb (start + round trips + goodbye).
sends() { # budget verb...
  local budget=$1 n
  shift
  strace -f -qq -e trace=sendto -o trace.txt "$BIN" --db "$addr" "$@" >out 2>err || fail "$*: $(cat err)"
  n=$(grep -c '^[0-9]* *sendto(' trace.txt)
  check
  [ "$n" -le "$budget" ] || fail "$*: $n messages sent to the server (budget $budget): $(grep sendto trace.txt | cut -c1-120)"
  echo "$* : $n sends (budget $budget)"
}
if command -v strace >/dev/null; then
  id3=$(L file --as li.na --today 2026-11-16 --category shop-moved --title 'counted' --quiet)
  sends 6 show "$id3" --as li.na --today 2026-11-16
  sends 8 approve "$id3" --as zhang.wei --today 2026-11-16
  sends 8 file --as li.na --today 2026-11-16 --category shop-moved --title 'counted too' --quiet
  sends 7 route "$id3" --as zhang.wei --today 2026-11-16 --to li.na
  sends 7 close "$id3" --as li.na --result done --today 2026-11-17
else
  echo "pg/pipeline: strace is not installed (apt-get install strace): round trips not counted"
fi

echo "pg/pipeline: $checks checks: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
