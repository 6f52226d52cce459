#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# PostgreSQL roles and identity = "database" (SPEC section 12), on the cluster in
# LINKCTL_TEST_PG:
#   - schema/postgres/roles.sql sets up linkctl_user; each person's login is a member;
#   - every verb of a ticket's life works for members, each acting as their own login;
#   - a member cannot UPDATE, DELETE or TRUNCATE events or policy_versions through psql
#     (nor change the other records), and the chain still verifies;
#   - --as is for the database's owner (and admins), as it is for root under "os";
#     a role that is no person of the policy is refused (exit 4);
#   - on an SQLite file identity = "database" is refused (exit 6).
# Usage: test-roles.sh /path/to/linkctl
set -uo pipefail
. "$(dirname "$0")/setup.sh" roles "$1"
PSQL=$PG_BIN/psql
db="roles_$$"
people=(zhang.wei li.na wang.qiang yang.fan lin.xiuying gao.feng)
cleanup() {
  [ -n "${KEEP:-}" ] && return
  bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1
  for p in "${people[@]}" stranger; do "$PSQL" -X -q "postgresql:///postgres?host=$LINKCTL_TEST_PG&user=linkctl" -c "DROP ROLE IF EXISTS \"$p\"" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_DB
status=0 checks=0
check() { # description, then a command that must succeed
  local what=$1; shift
  checks=$((checks + 1))
  "$@" || { echo "FAIL: $what"; status=1; }
}
uri() { echo "postgresql:///$db?host=$LINKCTL_TEST_PG&user=$1"; }
owner=$(uri linkctl)
as() { local who=$1; shift; "$BIN" --db "$(uri "$who")" "$@"; }
psql_as() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$(uri "$1")" -c "$2"; }
# Runs `as WHO ARGS`, expecting exit RC and stderr containing TEXT.
expect() { # rc text who args...
  local rc=$1 text=$2 got; shift 2
  checks=$((checks + 1))
  as "$@" >out 2>err; got=$?
  if [ "$got" != "$rc" ] || ! grep -qF -- "$text" err || [ "$(wc -l <err)" != 1 ]; then
    echo "FAIL: linkctl $* as $1: exit $got (want $rc), stderr: $(cat err) (want one line with '$text')"; status=1
  fi
}

sed 's/^identity = "declared"/identity = "database"/' "$src/tests/e2e/policies/mini.toml" >db.toml
grep -q '^identity = "database"' db.toml || { echo "FAIL: mini.toml has no identity line"; exit 1; }

# On SQLite the policy is refused.
"$BIN" --db "$work/file.db" init --policy db.toml >out 2>err
rc=$?
check "identity = database on SQLite: exit 6 (got $rc: $(tail -1 err))" test "$rc" = 6 -a ! -e "$work/file.db"
check "... naming PostgreSQL" grep -q 'identity = "database" needs a PostgreSQL database' err

bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$db" >/dev/null
# The database's owner (linkctl, who made it) initialises it, as the admin gao.feng.
check "init by the owner, --as the admin" "$BIN" --db "$owner" init --policy db.toml --as gao.feng >/dev/null
"$PSQL" -X -q -v ON_ERROR_STOP=1 "$owner" -f "$src/schema/postgres/roles.sql" >/dev/null || { echo "FAIL: roles.sql"; status=1; }
check "roles.sql runs twice" "$PSQL" -X -q -v ON_ERROR_STOP=1 "$owner" -f "$src/schema/postgres/roles.sql" >/dev/null
for p in "${people[@]}" stranger; do
  psql_as linkctl "CREATE ROLE \"$p\" LOGIN IN ROLE linkctl_user" >/dev/null
done

# A ticket's life, each step by its own login.
id=$(as li.na file --category delivery-late --title '角色测试' --today 2026-11-16 --quiet)
check "li.na files (got '$id')" test "$id" = 1
check "zhang.wei approves" as zhang.wei approve 1 --today 2026-11-16 >/dev/null
check "wang.qiang routes" as wang.qiang route 1 --to yang.fan --today 2026-11-16 >/dev/null
check "yang.fan closes" as yang.fan close 1 --result 已处理 --today 2026-11-17 >/dev/null
check "wang.qiang confirms" as wang.qiang confirm 1 --today 2026-11-17 >/dev/null
check "zhang.wei rates" as zhang.wei rate 1 satisfied --today 2026-11-18 >/dev/null
check "li.na comments" as li.na comment 1 好 --today 2026-11-18 >/dev/null
check "lin.xiuying runs the overdue check" as lin.xiuying overdue --new --today 2026-11-30 >/dev/null
check "lin.xiuying freezes a report" as lin.xiuying report monthly --month 2026-10 --freeze --today 2026-11-18 >/dev/null 2>&1
check "lin.xiuying records a spot check" as lin.xiuying spotcheck record 1 --finding ok --today 2026-11-19 >/dev/null
as gao.feng policy show --source | sed 's/^base_score = 100/base_score = 100  # v2/' >v2.toml
check "gao.feng (admin) applies a policy" as gao.feng policy apply v2.toml --today 2026-11-19 >/dev/null
check "the actor is the login: li.na filed" test "$(as li.na show 1 --format json | grep -o '"filer":"[^"]*"')" = '"filer":"li.na"'
check "the history names each login" test "$(as li.na history 1 --format tsv --no-header | cut -f4 | tr '\n' ' ')" = "li.na zhang.wei wang.qiang yang.fan wang.qiang zhang.wei li.na lin.xiuying "

# --as: a member who is not an admin may not; a role that is no person is refused.
expect 4 "--as zhang.wei refused: you are 'li.na', and only root and admins may act for others" li.na approve 1 --as zhang.wei
expect 4 "database user 'stranger' is not a person in the policy" stranger list
expect 4 "may not change the policy" li.na policy apply v2.toml

# Append-only history through psql.
for table in events policy_versions; do
  for sql in "UPDATE $table SET applied_by = 'x'" "DELETE FROM $table" "TRUNCATE $table"; do
    sql=${sql/applied_by/$([ $table = events ] && echo actor || echo applied_by)}
    checks=$((checks + 1))
    if psql_as li.na "$sql" >/dev/null 2>err; then echo "FAIL: li.na ran '$sql'"; status=1
    elif ! grep -q "permission denied" err; then echo "FAIL: '$sql' failed, but not for permission: $(cat err)"; status=1; fi
  done
done
for sql in "DELETE FROM frozen_reports" "UPDATE spotchecks SET finding = 'fake'" "DELETE FROM announced_lapses" "DELETE FROM tickets" "DROP TABLE events" "CREATE TABLE mine (x int)"; do
  checks=$((checks + 1))
  if psql_as li.na "$sql" >/dev/null 2>err; then echo "FAIL: li.na ran '$sql'"; status=1; fi
done
check "the chain verifies after all that" as li.na audit verify >/dev/null

echo "pg/roles: $checks checks: identity = \"database\" across a ticket's life, --as, and append-only history for linkctl_user members: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
