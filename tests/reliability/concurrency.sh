#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Concurrent use: 8 processes x 200 mixed verbs on one database at once.
# Every verb must succeed (writers wait for the lock: WAL, BEGIN IMMEDIATE, busy
# timeout; on PostgreSQL: each write first locks the chain head), every accepted write
# must have exactly one event, and the audit chain and the engine's integrity check must
# pass. Then: a write lock held past the busy timeout gives exit 7 with a message, while
# readers still read. Runs on PostgreSQL when LINKCTL_TEST_PG is set (lib/engine.sh).
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=lib/engine.sh
. "$(dirname "$0")/lib/engine.sh"
# (Each process on PostgreSQL opens a connection over the socket: 100 verbs each there.)
PROCS=${PROCS:-8} OPS=${OPS:-$([ "$ENGINE" = postgresql ] && echo 100 || echo 200)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-concurrency.XXXXXX")
trap 'engine_cleanup; rm -rf "$dir"' EXIT
cd "$dir"
engine_init
export NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
L() { "$BIN" "$@"; }
cp "$SRC/tests/e2e/policies/mini.toml" .
L init --policy mini.toml --as gao.feng >/dev/null

# One worker: OPS verbs, 8 per round: file, approve, route, close, confirm, rate,
# comment (writes), and a read (show, list or inbox in turn).
worker() {
  local w=$1 writes=0 reads=0 failures=0 round id step
  for ((round = 0; round * 8 < OPS; round++)); do
    if id=$(L file --as li.na --category delivery-late --title "p$w r$round" --quiet 2>>"err.$w"); then
      writes=$((writes + 1))
    else
      failures=$((failures + 1)); continue
    fi
    for step in "approve $id --as zhang.wei" "route $id --to yang.fan --as wang.qiang" \
                "close $id --result done --as yang.fan" "confirm $id --as wang.qiang" \
                "rate $id satisfied --as zhang.wei" "comment $id checked --as lin.xiuying"; do
      # shellcheck disable=SC2086
      if L $step >/dev/null 2>>"err.$w"; then writes=$((writes + 1)); else failures=$((failures + 1)); fi
    done
    case $((round % 3)) in
      0) step="show $id --as li.na" ;;
      1) step="list --as wang.qiang --state done --limit 20" ;;
      *) step="inbox --as zhang.wei" ;;
    esac
    # shellcheck disable=SC2086
    if L $step >/dev/null 2>>"err.$w"; then reads=$((reads + 1)); else failures=$((failures + 1)); fi
  done
  echo "$writes $reads $failures" >"result.$w"
}

for ((w = 0; w < PROCS; w++)); do worker "$w" & done
wait
writes=0 reads=0 failures=0
for ((w = 0; w < PROCS; w++)); do
  read -r a b c <"result.$w"
  writes=$((writes + a)) reads=$((reads + b)) failures=$((failures + c))
done
status=0
events=$(engine_sql 'SELECT count(*) FROM events')
tickets=$(engine_sql 'SELECT count(*) FROM tickets')
integrity=$(engine_integrity)
audit=$(L audit verify --format tsv --no-header | cut -f1)
echo "concurrency ($ENGINE): $PROCS processes, $((writes + reads + failures)) verbs in all ($writes writes, $reads reads): $failures failures"
echo "concurrency ($ENGINE): $events events for $writes accepted writes + 1 init; $tickets tickets; integrity_check: $integrity; audit: $audit"
if [ "$failures" -ne 0 ]; then echo "FAIL: some verbs failed:"; cat err.* | sort | uniq -c | head; status=1; fi
[ "$events" -eq $((writes + 1)) ] || { echo "FAIL: events ($events) != accepted writes + 1 ($((writes + 1)))"; status=1; }
[ "$integrity" = ok ] || { echo "FAIL: integrity_check: $integrity"; status=1; }
[ "$audit" = ok ] || { echo "FAIL: audit verify: $audit"; status=1; }
[ $((writes + reads + failures)) -ge $((PROCS * OPS)) ] || { echo "FAIL: fewer verbs ran than planned"; status=1; }

# A write lock held by another process past the busy timeout: exit 7 with a message,
# no crash; readers are not blocked meanwhile. (sqlite3 or psql holds the lock while its
# shell escape runs linkctl.)
probe="LINKCTL_BUSY_TIMEOUT=300 $BIN comment 1 blocked --as li.na 2>&1; echo write-exit=\$?
$BIN show 1 --as li.na --format tsv --no-header | cut -f2; echo read-exit=\$?"
if [ "$ENGINE" = postgresql ]; then
  out=$(engine_psql "$LINKCTL_DB" <<SQL
BEGIN;
SELECT 1 FROM chain_head FOR UPDATE;
\\! $(echo "$probe" | tr '\n' ';')
ROLLBACK;
SQL
)
  message='^linkctl: error: the database stayed locked by another writer for 300 ms'
else
  out=$(sqlite3 linkctl.db <<SQL
BEGIN IMMEDIATE;
INSERT INTO policy_versions (applied_at, applied_by, source, sha256, text) VALUES ('x', 'x', 'x', 'x', 'x');
.shell $(echo "$probe" | tr '\n' ';')
ROLLBACK;
SQL
)
  message='^linkctl: error: the database stayed locked by another process for 300 ms'
fi
echo "$out" | sed 's/^/  lock: /'
echo "$out" | grep -q "$message" || { echo "FAIL: no lock message"; status=1; }
echo "$out" | grep -q '^write-exit=7$' || { echo "FAIL: a held lock did not give exit 7"; status=1; }
echo "$out" | grep -q '^done$' || { echo "FAIL: a reader was blocked by the writer"; status=1; }
[ "$(engine_sql 'SELECT count(*) FROM events')" -eq "$events" ] || { echo "FAIL: the refused write left an event"; status=1; }
exit $status
