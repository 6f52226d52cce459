#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# PostgreSQL failures (SPEC sections 7, 12; issue 20's stopped writer), each exit 7
# with one line and nothing half-written:
#   - a refused login (wrong password), a missing database, no server at the address;
#   - a writer stopped with SIGSTOP inside its transaction: the server ends that
#     transaction (idle_in_transaction_session_timeout, set per transaction by linkctl),
#     the other writers succeed, and the stopped one, continued, fails and writes nothing;
#   - the server stopped in the middle of a run of writers: every verb either completed
#     or failed with exit 7, and after a restart the chain verifies.
# Runs on the cluster in LINKCTL_TEST_PG, and on a private one for the server stop.
# Usage: test-failures.sh /path/to/linkctl
set -uo pipefail
. "$(dirname "$0")/setup.sh" failures "$1"
private=$(mktemp -d /tmp/linkctl-pg-private.XXXXXX)
db="failures_$$"
cleanup() {
  [ -n "${stopped:-}" ] && kill -CONT "$stopped" 2>/dev/null
  bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1
  "$PG_BIN/psql" -X -q "postgresql:///postgres?host=$LINKCTL_TEST_PG&user=linkctl" -c "DROP ROLE IF EXISTS pwcheck" >/dev/null 2>&1
  bash "$here/cluster.sh" stop "$private"
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_DB
status=0 checks=0
fail() { echo "FAIL: $*"; status=1; }
# Runs linkctl ARGS expecting exit 7 and one line on stderr containing TEXT.
expect7() { # text args...
  local text=$1 rc; shift
  checks=$((checks + 1))
  "$BIN" "$@" >out 2>err; rc=$?
  if [ "$rc" != 7 ] || [ "$(wc -l <err)" != 1 ] || ! grep -qF -- "$text" err; then
    fail "linkctl $*: exit $rc (want 7), stderr: $(cat err) (want one line with '$text')"
  fi
}
cp "$src/tests/e2e/policies/mini.toml" .
addr="postgresql:///$db?host=$LINKCTL_TEST_PG&user=linkctl"
bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$db" >/dev/null
"$BIN" --db "$addr" init --policy mini.toml --as gao.feng >/dev/null || fail "init"

# ---- cannot connect
"$PG_BIN/psql" -X -q "postgresql:///postgres?host=$LINKCTL_TEST_PG&user=linkctl" -c "CREATE ROLE pwcheck LOGIN PASSWORD 'right' IN ROLE linkctl" >/dev/null
PGPASSWORD=wrong expect7 'password authentication failed for user "pwcheck"' --db "postgresql:///$db?host=$LINKCTL_TEST_PG&user=pwcheck" list --as li.na
checks=$((checks + 1))
PGPASSWORD=right "$BIN" --db "postgresql:///$db?host=$LINKCTL_TEST_PG&user=pwcheck" list --as li.na >/dev/null || fail "the right password was refused"
expect7 'database "nosuchdb" does not exist' --db "postgresql:///nosuchdb?host=$LINKCTL_TEST_PG&user=linkctl" list --as li.na
expect7 'No such file or directory' --db "postgresql:///$db?host=$work/nothing-here&user=linkctl" list --as li.na
# A password in the address is never printed.
"$BIN" --db "postgresql://pwcheck:s3cret@/$db?host=$LINKCTL_TEST_PG" list --as li.na >out 2>err
checks=$((checks + 1))
if grep -q s3cret out err; then fail "a password was printed: $(cat err)"; fi

# ---- a writer stopped inside its transaction
L() { "$BIN" --db "$addr" "$@"; }
{ echo "filer,category,title"; for ((i = 0; i < 20000; i++)); do echo "li.na,delivery-late,导入 $i"; done; } >big.csv
before=$(L events --since 0 --as gao.feng --format tsv --no-header | wc -l)
# The importer's busy timeout sets how long the server lets its transaction sit idle (half of it).
LINKCTL_BUSY_TIMEOUT=2000 "$BIN" --db "$addr" import big.csv --as gao.feng >import.out 2>import.err &
importer=$!
# Wait until it holds the chain head (a row lock on chain_head), then stop it.
held=""
for ((i = 0; i < 600; i++)); do
  held=$("$PG_BIN/psql" -X -A -t "$addr" -c "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
           WHERE c.relname = 'chain_head' AND l.mode = 'RowShareLock' AND l.granted AND l.pid <> pg_backend_pid()")
  [ "$held" -ge 1 ] 2>/dev/null && break
  kill -0 "$importer" 2>/dev/null || break
  sleep 0.05
done
kill -STOP "$importer" 2>/dev/null && stopped=$importer
checks=$((checks + 1))
[ -n "${stopped:-}" ] && [ "${held:-0}" -ge 1 ] || fail "the importer never held the chain head (or finished first)"
# Others write meanwhile: they wait for the server to end the stopped transaction, then succeed.
ok=0
for w in 1 2 3; do
  if L file --as li.na --category delivery-late --title "w$w" --quiet >/dev/null 2>"writer.$w.err"; then ok=$((ok + 1)); fi
done
checks=$((checks + 1))
[ "$ok" = 3 ] || fail "only $ok of 3 writers succeeded while a writer was stopped: $(cat writer.*.err)"
kill -CONT "$importer"; stopped=""
wait "$importer"; rc=$?
checks=$((checks + 1))
[ "$rc" = 7 ] || fail "the stopped importer, continued, exited $rc (want 7): $(cat import.err)"
tickets=$("$PG_BIN/psql" -X -A -t "$addr" -c "SELECT count(*) FROM tickets")
checks=$((checks + 1))
[ "$tickets" -lt 100 ] || fail "the stopped import left $tickets tickets (want none of its 20000)"
checks=$((checks + 1))
L audit verify --format tsv --no-header | grep -q '^ok' || fail "audit verify after the stopped writer"
echo "stopped writer: $ok of 3 writers went ahead while an import was stopped holding the lock; it exited $rc with: $(cat import.err)"

# ---- the server stopped mid-run (a private cluster)
bash "$here/cluster.sh" start "$private" >/dev/null
paddr=$(bash "$here/cluster.sh" createdb "$private" linkctl)
"$BIN" --db "$paddr" init --policy "$work/mini.toml" --as gao.feng >/dev/null || fail "init on the private cluster"
(
  for ((n = 0; n < 400; n++)); do
    "$BIN" --db "$paddr" file --as li.na --category delivery-late --title "s$n" --quiet >/dev/null 2>>stop.err
    echo $? >>stop.rc
  done
) &
runner=$!
for ((i = 0; i < 600; i++)); do [ -s stop.rc ] && [ "$(wc -l <stop.rc)" -ge 5 ] && break; sleep 0.05; done
as_owner() ( cd / && if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi )
as_owner "$PG_BIN/pg_ctl" -D "$private/data" -m immediate -w stop >/dev/null
wait "$runner"
bad=$(sort -u stop.rc | grep -vx -e 0 -e 7 | tr '\n' ' ')
checks=$((checks + 1))
[ -z "$bad" ] || fail "with the server stopped, verbs exited $bad (want 0 or 7)"
checks=$((checks + 1))
# (libpq itself prints the server's "WARNING: terminating connection due to immediate
# shutdown" when it arrives while a connection is being opened, before linkctl can set
# where notices go: known, left out of the count.)
grep -v '^WARNING:  terminating connection due to immediate shutdown' stop.err >stop.lines
[ "$(grep -c . stop.lines)" = "$(grep -cx 7 stop.rc)" ] || fail "not one line per failed verb: $(sort stop.lines | uniq -c | head -3)"
grep -qv '^linkctl: error: ' stop.lines && fail "a failure that is not a linkctl error line: $(grep -v '^linkctl: error: ' stop.lines | head -2)"
as_owner "$PG_BIN/pg_ctl" -D "$private/data" -l "$private/server.log" -w -t 60 \
  -o "-k $private -c listen_addresses='' -c fsync=off" start >/dev/null
done_ok=$(grep -cx 0 stop.rc)
filed=$("$PG_BIN/psql" -X -A -t "$paddr" -c "SELECT count(*) FROM tickets")
checks=$((checks + 1))
# (One more is possible: a commit the server made just before it stopped, whose answer never arrived.)
[ "$filed" = "$done_ok" ] || [ "$filed" = $((done_ok + 1)) ] || fail "$done_ok files succeeded, but $filed tickets are stored"
checks=$((checks + 1))
"$BIN" --db "$paddr" audit verify --format tsv --no-header | grep -q '^ok' || fail "audit verify after the server stop"
echo "server stop: $done_ok verbs completed before it, $(grep -cx 7 stop.rc) exited 7 with: $(sort -u stop.err | head -1)"

echo "pg/failures: $checks checks: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
