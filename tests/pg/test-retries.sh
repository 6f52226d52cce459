#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SPEC section 12: a serialization failure (SQLSTATE 40001) or a deadlock (40P01) is
# retried a bounded number of times, then exit 7 with one line; contention is never
# exit 1, and a retried verb is applied exactly once.
# The failures are injected deterministically: a trigger on events (installed by the
# cluster's superuser, as a DBA could) raises the SQLSTATE while a sequence, which no
# rollback resets, is at most a budget the test sets.
# Usage: test-retries.sh /path/to/linkctl
set -uo pipefail
. "$(dirname "$0")/setup.sh" retries "$1"
db="retries_$$"
cleanup() {
  bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_DB
status=0 checks=0
fail() { echo "FAIL: $*"; status=1; }
check() { checks=$((checks + 1)); }
cp "$src/tests/e2e/policies/mini.toml" .
addr="postgresql:///$db?host=$LINKCTL_TEST_PG&user=linkctl"
sql() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$addr" -c "$1"; }
bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$db" >/dev/null
"$BIN" --db "$addr" init --policy mini.toml --as gao.feng >/dev/null || fail "init"
id=$("$BIN" --db "$addr" file --as li.na --today 2026-11-16 --category shop-moved --title 'retry me' --quiet) ||
  fail "file"

# inject SQLSTATE BUDGET: the next BUDGET event inserts fail with SQLSTATE.
inject() {
  sql "SET client_min_messages = warning; DROP TRIGGER IF EXISTS inject ON events; DROP SEQUENCE IF EXISTS inject_seq;
       CREATE SEQUENCE inject_seq;
       CREATE OR REPLACE FUNCTION inject() RETURNS trigger LANGUAGE plpgsql AS \$\$
       BEGIN
         IF nextval('inject_seq') <= $2 THEN
           RAISE EXCEPTION 'injected failure' USING ERRCODE = '$1';
         END IF;
         RETURN NEW;
       END \$\$;
       CREATE TRIGGER inject BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION inject();" >/dev/null
}
events() { sql "SELECT count(*) FROM events"; }

for code in 40001 40P01; do
  # Two failures, then success: the comment is stored once, exit 0, stdout printed once.
  inject "$code" 2
  before=$(events)
  check
  "$BIN" --db "$addr" comment "$id" --as li.na --today 2026-11-16 "after $code" >out 2>err ||
    fail "$code twice: exit $? (want 0 after retries): $(cat err)"
  check
  [ "$(events)" = $((before + 1)) ] || fail "$code twice: $(($(events) - before)) events stored (want 1)"
  check
  [ "$(grep -c . out)" = "$(LINKCTL_FORMAT=tsv "$BIN" --db "$addr" show "$id" --as li.na | grep -c .)" ] ||
    fail "$code twice: the output was not printed exactly once: $(cat out)"
  check
  [ "$(sql "SELECT last_value FROM inject_seq")" = 3 ] || fail "$code twice: $(sql "SELECT last_value FROM inject_seq") attempts (want 3)"

  # Always failing: a bounded number of attempts, then exit 7 with one line, nothing stored.
  inject "$code" 1000
  before=$(events)
  "$BIN" --db "$addr" comment "$id" --as li.na --today 2026-11-16 "never" >out 2>err
  rc=$?
  check
  [ "$rc" = 7 ] || fail "$code always: exit $rc (want 7)"
  check
  [ "$(wc -l <err)" = 1 ] && grep -q '^linkctl: error: .*gave up after 5 attempts' err ||
    fail "$code always: stderr $(cat err) (want one line saying it gave up after 5 attempts)"
  check
  [ ! -s out ] || fail "$code always: printed $(cat out)"
  check
  [ "$(events)" = "$before" ] || fail "$code always: $(($(events) - before)) events stored (want 0)"
  check
  [ "$(sql "SELECT last_value FROM inject_seq")" = 5 ] || fail "$code always: $(sql "SELECT last_value FROM inject_seq") attempts (want 5)"
done

# A command that read standard input cannot be run again: it fails at once.
inject 40001 1
"$BIN" --db "$addr" file --as li.na --today 2026-11-16 --category shop-moved --title 'from stdin' --body-file - <<<"details" >out 2>err
rc=$?
check
[ "$rc" = 7 ] && [ "$(sql "SELECT last_value FROM inject_seq")" = 1 ] ||
  fail "stdin: exit $rc after $(sql "SELECT last_value FROM inject_seq") attempts (want 7 after 1): $(cat err)"

sql "DROP TRIGGER inject ON events" >/dev/null
check
"$BIN" --db "$addr" audit verify --format tsv --no-header | grep -q '^ok' || fail "audit verify"

echo "pg/retries: $checks checks: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
