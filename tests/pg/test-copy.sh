#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Across engines (SPEC section 12), on the cluster in LINKCTL_TEST_PG:
#   1. copy: the release-0.1 database (tests/compat) copied SQLite -> PostgreSQL -> SQLite
#      prints equal heads at each step, and every output of tests/compat/outputs.sh on
#      both copies is byte for byte the release's expected output (audit head included).
#   2. the same script of verbs (examples/demo.sh and the compat fixture's extras) run on
#      a new SQLite file and on a new PostgreSQL database gives byte-identical outputs
#      (all but the two that show when the databases were made: events and the head hash).
# Usage: test-copy.sh /path/to/linkctl
set -uo pipefail
. "$(dirname "$0")/setup.sh" copy "$1"
tag="copy_$$"
cleanup() {
  for db in "${tag}_a" "${tag}_b" "${tag}_c"; do bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
status=0
fail() { echo "FAIL: $*"; status=1; }
newdb() { bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$1"; }

# ---- 1. copy both ways
cp "$src/tests/compat/release-0.1.db" "$work/city.db"
pg=$(newdb "${tag}_a")
heads() { awk -F'\t' 'NR == 2 { print $5 " " $6 }'; }
read -r s1 t1 < <("$BIN" --db "$work/city.db" copy --to "$pg" --as gao.feng --format tsv | heads)
[ -n "$s1" ] && [ "$s1" = "$t1" ] || fail "SQLite -> PostgreSQL: heads '$s1' and '$t1'"
read -r s2 t2 < <("$BIN" --db "$pg" copy --to "$work/back.db" --as gao.feng --format tsv | heads)
[ -n "$s2" ] && [ "$s2" = "$t2" ] && [ "$t2" = "$t1" ] || fail "PostgreSQL -> SQLite: heads '$s2' and '$t2' (first copy: $t1)"
for db in "$pg" "$work/back.db"; do
  out=$work/out-$(basename "${db%%\?*}")
  LINKCTL_DB=$db bash "$src/tests/compat/outputs.sh" "$BIN" "$out"
  for want in "$src"/tests/compat/expected/*; do
    name=$(basename "$want")
    diff -u --label "expected/$name" --label "copy/$name" "$want" "$out/$name" >"$work/diff" ||
      { fail "the copy at $db differs in $name"; head -20 "$work/diff"; }
  done
done
echo "copy: release-0.1 database SQLite -> PostgreSQL -> SQLite, heads ${t1:-?} at every step; $(ls "$src"/tests/compat/expected | wc -l) outputs of each copy compared with the release's"

# ---- 2. the same verbs on both engines
script() {
  local L=("$BIN") id done_id
  LINKCTL="$BIN" bash "$src/examples/demo.sh" >/dev/null 2>&1 || return 1
  "${L[@]}" report monthly --month 2026-10 --freeze --as lin.xiuying --today 2026-11-05 --format csv >/dev/null 2>&1
  "${L[@]}" policy show --source | sed 's/^base_score = 100/base_score = 100  # reviewed 2026-11/' >"$work/v2.toml"
  "${L[@]}" policy apply "$work/v2.toml" --as gao.feng --today 2026-11-06 >/dev/null 2>&1
  id=$("${L[@]}" file --as li.na --today 2026-11-06 --category long-time-no-order --title '十一月: 王记烟酒店' --quiet)
  "${L[@]}" approve "$id" --as zhang.wei --today 2026-11-09 >/dev/null
  "${L[@]}" overdue --new --as lin.xiuying --today 2026-11-20 >/dev/null || true
  done_id=$("${L[@]}" list --as lin.xiuying --state done --format tsv --no-header | head -1 | cut -f1)
  "${L[@]}" reset "$done_id" --as lin.xiuying --today 2026-11-10 --reason '复核发现问题' >/dev/null
  "${L[@]}" --as lin.xiuying --today 2026-11-10 spotcheck sample --month 2026-10 --count 2 --seed x --format tsv >/dev/null
}
LINKCTL_DB=$work/same.db script || fail "the script failed on SQLite"
pgb=$(newdb "${tag}_b")
LINKCTL_DB=$pgb script || fail "the script failed on PostgreSQL"
LINKCTL_DB=$work/same.db bash "$src/tests/compat/outputs.sh" "$BIN" "$work/same-sqlite"
LINKCTL_DB=$pgb bash "$src/tests/compat/outputs.sh" "$BIN" "$work/same-pg"
compared=0
for f in "$work"/same-sqlite/*; do
  name=$(basename "$f")
  case $name in events.json | audit.json | policy-history.tsv) continue ;; esac  # when and where each was made
  compared=$((compared + 1))
  diff -u --label "sqlite/$name" --label "postgresql/$name" "$f" "$work/same-pg/$name" >"$work/diff" ||
    { fail "the engines differ in $name"; head -20 "$work/diff"; }
done
# audit verify: the same counts (the heads differ: the init events' times do).
[ "$(cut -d, -f1-4 "$work/same-sqlite/audit.json")" = "$(cut -d, -f1-4 "$work/same-pg/audit.json")" ] || fail "audit verify differs"
echo "engines: the same script on SQLite and on PostgreSQL; $compared outputs byte for byte identical"
echo "pg/copy: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
