#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Trust holes (issue 21): every row that decides a permission, a score or an
# announcement is checked against the event that wrote it; anchors kept outside
# catch a rewritten chain; damaged or foreign files, out-of-range dates and
# interrupted inits get clear errors; a few smaller holes stay closed.
# Each check here failed on release 0.1.0. Tampering is done with the sqlite3 CLI.
set -uo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-trust.XXXXXX")
trap 'chmod -R u+w "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
chmod 755 "$dir"
cd "$dir" || exit 1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_DB
export NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
status=0 checks=0
pass() { checks=$((checks + 1)); }
fail() { echo "FAIL: $*"; status=1; }
L() { "$BIN" "$@"; }
# expect RC WHAT CMD...: runs CMD, which must exit RC; WHAT names the check. Stderr is kept in $err.
expect() {
  local want=$1 what=$2 rc=0
  shift 2
  err=$("$@" 2>&1 >/dev/null) || rc=$?
  if [ "$rc" = "$want" ]; then pass; else fail "$what: exit $rc, expected $want: $err"; fi
}
# stderr_has TEXT WHAT: the last expect's stderr contains TEXT.
stderr_has() { if [[ $err == *"$1"* ]]; then pass; else fail "$2: stderr lacks '$1': $err"; fi; }

# ---- a database with every kind of row: policy v1, tickets, a spot check, lapses, a frozen month
cp "$SRC/tests/e2e/policies/mini.toml" mini.toml
L --db base.db init --policy mini.toml --as gao.feng >/dev/null
B() { L --db base.db "$@"; }
t1=$(B file --as li.na --today 2026-09-14 --category delivery-late --title '送货不及时' --quiet)
B approve "$t1" --as zhang.wei --today 2026-09-14 >/dev/null
B route "$t1" --as wang.qiang --today 2026-09-15 --to yang.fan >/dev/null
B close "$t1" --as yang.fan --today 2026-09-16 --result 已送 >/dev/null
B confirm "$t1" --as wang.qiang --today 2026-09-16 >/dev/null
B rate "$t1" satisfied --as zhang.wei --today 2026-09-17 >/dev/null
t2=$(B file --as li.na --today 2026-09-14 --category delivery-late --title '逾期未办' --quiet)
B approve "$t2" --as zhang.wei --today 2026-09-14 >/dev/null
t3=$(B file --as li.na --today 2026-09-21 --category shop-moved --title '审批逾期' --quiet)
B spotcheck record "$t1" --finding ok --as lin.xiuying --today 2026-09-18 >/dev/null
B overdue --new --as lin.xiuying --today 2026-10-20 >/dev/null
B report monthly --month 2026-09 --freeze --as lin.xiuying --today 2026-10-20 >/dev/null 2>&1
[ "$(B audit verify --format tsv --no-header | cut -f1)" = ok ] && pass || fail "the base database does not verify"
copy() { sqlite3 base.db ".backup $1"; }

# ---- 1. the policy in force is covered by the chain
# A policy that would let anyone back-date and act for others, applied elsewhere; its snapshot and text copied in.
sed -e 's/^allow_clock_override = true/allow_clock_override = true/' -e 's/^roles = \["lead"\]/roles = ["lead", "admin"]/' mini.toml >evil.toml
L --db evil.db init --policy evil.toml --as gao.feng >/dev/null
sed -e 's/^allow_clock_override = true/allow_clock_override = false/' mini.toml >strict.toml
L --db strict.db init --policy strict.toml --as gao.feng >/dev/null
L --db strict.db file --as li.na --category delivery-late --title 一个 --quiet >/dev/null
expect 4 "the strict policy refuses --now" L --db strict.db list --as li.na --now 2026-01-01T09:00
L --db evil-clock.db init --policy mini.toml --as gao.feng >/dev/null
sqlite3 strict.db ".backup snapshot.db"
sqlite3 snapshot.db "ATTACH 'evil-clock.db' AS e; UPDATE policy_versions SET compiled = (SELECT compiled FROM e.policy_versions WHERE version = 1) WHERE version = 1"
expect 7 "a policy snapshot edited to allow the clock override is refused" L --db snapshot.db list --as li.na --now 2026-01-01T09:00
stderr_has "compiled snapshot that is not the one event 1 sealed" "snapshot refusal"
expect 6 "audit verify finds the edited snapshot" L --db snapshot.db audit verify
stderr_has "policy v1's compiled snapshot is not what event 1 applied" "audit of the snapshot"
sqlite3 strict.db ".backup text.db"
sqlite3 text.db "ATTACH 'evil.db' AS e; UPDATE policy_versions SET text = (SELECT text FROM e.policy_versions), compiled = NULL WHERE version = 1"
expect 7 "a policy text edited (every lead an admin) is refused" L --db text.db list --as zhang.wei
expect 6 "audit verify finds the edited text" L --db text.db audit verify
stderr_has "policy v1's text does not match its SHA-256" "audit of the text"
sqlite3 text.db "ATTACH 'evil.db' AS e; UPDATE policy_versions SET sha256 = (SELECT sha256 FROM e.policy_versions) WHERE version = 1"
expect 7 "a policy text edited with its SHA-256 is refused" L --db text.db list --as zhang.wei
expect 6 "audit verify finds the text and SHA-256 edited together" L --db text.db audit verify
stderr_has "policy v1's text (SHA-256) is not what event 1 applied" "audit of text and hash"
copy added.db
sqlite3 added.db "ATTACH 'evil.db' AS e; INSERT INTO policy_versions (applied_at, applied_by, source, sha256, text, compiled) SELECT applied_at, applied_by, source, sha256, text, compiled FROM e.policy_versions"
expect 7 "a policy version inserted without its event is refused" L --db added.db list --as li.na
expect 6 "audit verify finds the inserted version" L --db added.db audit verify
stderr_has "policy v2 was applied by no event" "audit of an inserted version"

# ---- 2. frozen reports, spot checks and announced lapses are checked against their events
copy frozen.db
sqlite3 frozen.db "UPDATE frozen_reports SET report = replace(report, '\"score\":98', '\"score\":100')"
[ "$(sqlite3 frozen.db "SELECT instr(report, '\"score\":100') > 0 FROM frozen_reports")" = 1 ] && pass || fail "the frozen report was not rewritten"
expect 7 "a rewritten frozen report is not shown" L --db frozen.db report monthly --month 2026-09 --as lin.xiuying
expect 6 "audit verify finds the rewritten frozen report" L --db frozen.db audit verify
stderr_has "the frozen report of 2026-09 differs from what event" "audit of the frozen report"
copy finding.db
sqlite3 finding.db "UPDATE spotchecks SET finding = 'fake'"
expect 6 "audit verify finds a spot check flipped from ok to fake" L --db finding.db audit verify
stderr_has "spot check 1 of ticket $t1 differs from what event" "audit of the finding"
copy moved.db
sqlite3 moved.db "UPDATE spotchecks SET on_date = '2026-10-01'"
expect 6 "audit verify finds a spot check moved to another month" L --db moved.db audit verify
stderr_has "the date it counts in" "audit of the spot check's date"
copy lapses.db
[ "$(sqlite3 lapses.db 'SELECT count(*) FROM announced_lapses')" -ge 2 ] && pass || fail "no announced lapses to swap"
sqlite3 lapses.db "UPDATE announced_lapses SET stage_id = (SELECT id FROM stages WHERE ticket_id = $t1 AND kind = 'review') WHERE stage_id = (SELECT min(stage_id) FROM announced_lapses)"
expect 6 "audit verify finds an announced lapse moved to another stage" L --db lapses.db audit verify
copy unannounced.db
sqlite3 unannounced.db "DELETE FROM announced_lapses WHERE stage_id = (SELECT min(stage_id) FROM announced_lapses)"
expect 6 "audit verify finds an announced lapse removed (it would be announced again)" L --db unannounced.db audit verify
stderr_has "which is not stored" "audit of a removed announcement"
copy orphan.db
sqlite3 orphan.db "PRAGMA foreign_keys = OFF; INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due) VALUES (999, 'feedback', 'feedback', 'logistics', '2026-09-14T01:00:00Z', '2026-09-14', '2026-09-15')"
expect 6 "audit verify finds a stage of no ticket" L --db orphan.db audit verify

# ---- 3. one person's overdue --new does not silence anybody else's
copy alerts.db
A() { L --db alerts.db "$@"; }
n_new() { A overdue --new --as "$1" --today "$2" --format tsv --no-header | wc -l; }
# The office announced every lapse on 10-20; a lead and a filer are still told of them, once.
[ "$(n_new zhang.wei 2026-10-21)" = 2 ] && pass || fail "the lead was not told of the office's lapses"
[ "$(n_new zhang.wei 2026-10-21)" = 0 ] && pass || fail "the lead's second --new repeated a lapse"
[ "$(n_new li.na 2026-10-21)" = 2 ] && pass || fail "the filer was not told of the lapses"
# A new lapse, seen first by the filer: the office's cron still announces it.
A file --as li.na --today 2026-10-22 --category shop-moved --title 新的逾期 --quiet >/dev/null
[ "$(n_new li.na 2026-10-26)" = 1 ] && pass || fail "the filer was not told of the new lapse"
[ "$(n_new lin.xiuying 2026-10-26)" = 1 ] && pass || fail "the filer's --new silenced the office's alert"
[ "$(n_new lin.xiuying 2026-10-26)" = 0 ] && pass || fail "the office was told twice"
[ "$(A audit verify --format tsv --no-header | cut -f1)" = ok ] && pass || fail "audit after per-person announcements"

# ---- 5. anchors kept outside detect a consistent rewrite
anchor=$(B audit anchor --event 5)
[[ $anchor =~ ^5:[0-9a-f]{64}$ ]] && pass || fail "audit anchor printed '$anchor'"
head=$(B audit anchor)
expect 0 "the honest chain verifies against its anchors" B audit verify --expect-head "$anchor" --expect-head "$head"
# The same history made again (a forger recomputing every hash): it verifies on its own, not against the anchor.
L --db forged.db init --policy mini.toml --as gao.feng >/dev/null
f1=$(L --db forged.db file --as li.na --today 2026-09-14 --category delivery-late --title '送货不及时' --quiet)
L --db forged.db approve "$f1" --as zhang.wei --today 2026-09-14 >/dev/null
L --db forged.db route "$f1" --as wang.qiang --today 2026-09-15 --to yang.fan >/dev/null
L --db forged.db close "$f1" --as yang.fan --today 2026-09-16 --result 未送 >/dev/null
expect 0 "the forged chain verifies on its own" L --db forged.db audit verify
expect 6 "the forged chain fails against the honest anchor" L --db forged.db audit verify --expect-head "$anchor"
stderr_has "the chain was rewritten from event 5 on" "anchor refusal"
expect 6 "a chain cut short before an anchor fails" L --db forged.db audit verify --expect-head "$head"
expect 2 "a malformed anchor is a usage error" B audit verify --expect-head 5:abc
expect 3 "an anchor of a missing event is not found" B audit anchor --event 9999

# ---- 6. damaged and foreign files, dates out of range, interrupted init, C1 controls
copy negative.db
printf '\x80' | dd of=negative.db bs=1 seek=60 conv=notrunc status=none
expect 7 "a negative schema version is refused, not a crash" L --db negative.db list --as li.na
stderr_has "is not a linkctl database" "negative schema version"
copy minus1.db
sqlite3 minus1.db 'PRAGMA user_version = -1'
expect 7 "schema version -1 is refused" L --db minus1.db list --as li.na
for v in 1 2 3; do
  sqlite3 "foreign$v.db" "CREATE TABLE notes (x TEXT); PRAGMA user_version = $v"
  sum=$(sha256sum "foreign$v.db" | cut -d' ' -f1)
  expect 7 "a foreign SQLite file with user_version $v is refused" L --db "foreign$v.db" list --as li.na
  stderr_has "is not a linkctl database" "foreign file v$v"
  [ "$(sha256sum "foreign$v.db" | cut -d' ' -f1)" = "$sum" ] && pass || fail "the foreign file v$v was changed"
done
sqlite3 other-app.db "CREATE TABLE t (x); PRAGMA application_id = 42; PRAGMA user_version = 4"
expect 7 "another application's file is refused" L --db other-app.db list --as li.na
expect 2 "a due date past 9999-12-31 is refused" L --db base.db calendar due --from 9999-12-31 --days 5
stderr_has "the last date linkctl handles" "due date range"
expect 2 "year 0000 is refused" L --db base.db list --as li.na --now 0000-01-01T00:00
expect 2 "a UTC time before year 1 is refused" L --db base.db list --as li.na --now 0001-01-01T00:00+08:00
expect 2 "year 10000 is refused" L --db base.db calendar is-workday 10000-01-01
printf 'filer,category,title,filed_at\nli.na,delivery-late,古代,0000-06-01T09:00\n' >ancient.csv
expect 6 "an import with filed_at in year 0000 is refused" L --db base.db import ancient.csv --as gao.feng
# An init that fails half-way (the file may not grow past 4 KiB) leaves nothing behind, and a second init works.
( ulimit -f 4; trap '' XFSZ; "$BIN" --db stub.db init --policy mini.toml --as gao.feng ) >/dev/null 2>&1
[ ! -e stub.db ] && pass || fail "a failed init left $(stat -c %s stub.db 2>/dev/null) bytes at stub.db"
[ -z "$(ls -A . | grep -F '.stub.db.init-')" ] && pass || fail "a failed init left its temporary file"
expect 0 "init works after a failed one" L --db stub.db init --policy mini.toml --as gao.feng
# Killed at random moments: either nothing at the path, or a whole database.
exec 4>&2 2>/dev/null  # the shell's "Killed" notices
for i in 1 2 3 4 5 6 7 8; do
  timeout -s KILL "0.0$i" "$BIN" --db "killed$i.db" init --policy mini.toml --as gao.feng >/dev/null 2>&1
  if [ -e "killed$i.db" ]; then
    [ "$(L --db "killed$i.db" audit verify --format tsv --no-header | cut -f1)" = ok ] && pass || fail "a killed init left a broken killed$i.db"
  else pass; fi
done
exec 2>&4 4>&-
expect 2 "a title with a C1 control (CSI) is refused" L --db base.db file --as li.na --category shop-moved --title $'\xc2\x9b31m红'
stderr_has "control character U+009B" "C1 refusal"
sed 's/^name = "测试局"/name = "测试\\u009b局"/' mini.toml >c1.toml
expect 6 "a policy name with a C1 control is refused" L policy check c1.toml

# ---- 7. smaller holes
copy moved-handler.db
M() { L --db moved-handler.db "$@"; }
m1=$(M file --as li.na --today 2026-10-08 --category delivery-late --title 换部门 --quiet)
M approve "$m1" --as zhang.wei --today 2026-10-08 >/dev/null
M route "$m1" --as wang.qiang --today 2026-10-08 --to yang.fan >/dev/null
sed '/^id = "yang.fan"/,/^roles/ s/^department = "logistics"/department = "market"/' mini.toml >moved.toml
M policy apply moved.toml --as gao.feng >/dev/null
expect 4 "a handler moved to another department cannot close the old department's ticket" M close "$m1" --as yang.fan --result 已办
sed '/^id = "zhang.wei"/,/^roles/ s/^roles = \["lead"\]/roles = ["lead", "filer:customer-manager"]/' mini.toml >alone.toml
out=$(L policy check alone.toml 2>&1)
[[ $out == *"person 'zhang.wei' both files tickets"* ]] && pass || fail "no warning for a lead who also files: $out"
copy dropped.db
awk 'BEGIN { RS = ""; ORS = "\n\n" } !/code = "logistics"/ && !/department = "logistics"/' mini.toml |
  sed 's/^to = "logistics"/to = "market"/' >nologistics.toml
expect 5 "dropping a department with open tickets is refused" L --db dropped.db policy apply nologistics.toml --as gao.feng
stderr_has "drops department 'logistics', but open ticket $t2 is from or to it" "open tickets named"
# Dropped once its tickets are done: its penalties stay in the summary as in the detail.
G() { L --db gone.db "$@"; }
G init --policy mini.toml --as gao.feng >/dev/null
g1=$(G file --as li.na --today 2026-09-14 --category delivery-late --title 反馈逾期 --quiet)
G approve "$g1" --as zhang.wei --today 2026-09-14 >/dev/null
G route "$g1" --as wang.qiang --today 2026-09-15 --to yang.fan >/dev/null
G close "$g1" --as yang.fan --today 2026-09-30 --result 晚了 >/dev/null
G confirm "$g1" --as wang.qiang --today 2026-09-30 >/dev/null
G rate "$g1" fair --as zhang.wei --today 2026-09-30 >/dev/null
expect 0 "a department without open tickets can be dropped" G policy apply nologistics.toml --as gao.feng
summary=$(G report monthly --month 2026-09 --as lin.xiuying --today 2026-10-20 --format csv | cut -d, -f1 | tail -n +2 | sort -u | tr '\n' ' ')
detail=$(G report monthly --month 2026-09 --detail --as lin.xiuying --today 2026-10-20 --format csv | cut -d, -f2 | tail -n +2 | sort -u | tr '\n' ' ')
[[ $detail == *logistics* ]] && pass || fail "the dropped department's penalty is not in the detail ($detail)"
for d in $detail; do [[ " $summary " == *" $d "* ]] && pass || fail "the detail's department $d is not in the summary ($summary)"; done
# A --ref clash names the ticket only to someone who may see it.
B file --as li.na --today 2026-10-08 --category shop-moved --title 有参考号 --ref EXT-1 --quiet >/dev/null
expect 5 "a --ref clash by someone who may not see the ticket" B file --as yang.fan --today 2026-10-08 --category shop-moved --title 另一个 --ref EXT-1
[[ $err == *"ticket you may not see"* && $err != *"ticket 1"* ]] && pass || fail "the --ref clash revealed too much: $err"
# A database in a read-only directory, without -wal or -shm, can still be read.
mkdir ro && cp base.db ro/linkctl.db && chmod 444 ro/linkctl.db && chmod 555 ro
if [ "$(id -u)" = 0 ]; then run_ro() { setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" "$@"; }; else run_ro() { "$BIN" "$@"; }; fi
want=$(B list --as lin.xiuying --format tsv --no-header | wc -l)
n=$(run_ro --db "$dir/ro/linkctl.db" list --as lin.xiuying --format tsv --no-header 2>&1 | wc -l)
[ "$n" = "$want" ] && pass || fail "reading a database in a read-only directory: $(run_ro --db "$dir/ro/linkctl.db" list --as lin.xiuying 2>&1 | tail -1)"
expect 7 "writing it is refused clearly" run_ro --db "$dir/ro/linkctl.db" comment 1 试 --as li.na
[ ! -e ro/linkctl.db-wal ] && pass || fail "a -wal appeared in the read-only directory"
# `file` reads the clock once it holds the write lock, so events stay in time order.
mkfifo lock.fifo
sqlite3 base.db <lock.fifo >/dev/null 2>&1 &
holder=$!
exec 3>lock.fifo
echo "BEGIN IMMEDIATE; SELECT 1;" >&3
until [ "$(sqlite3 -cmd '.timeout 0' base.db 'BEGIN IMMEDIATE; ROLLBACK;' 2>&1)" != "" ]; do :; done  # the lock is held
LINKCTL_BUSY_TIMEOUT=20000 "$BIN" --db base.db file --as li.na --category shop-moved --title 排队 --quiet >queued.id 2>&1 &
filer=$!
sleep 2
released=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "COMMIT;" >&3
exec 3>&-
wait "$holder"
wait "$filer"
at=$(sqlite3 base.db "SELECT at FROM events WHERE ticket_id = $(cat queued.id) AND verb = 'file'")
[[ ! $at < $released ]] && pass || fail "the filing is dated $at, before the lock it waited for was released ($released)"

echo "trust: $checks checks (policy, frozen reports, spot checks, lapses, anchors, damaged files, dates, init, smaller holes): $([ $status = 0 ] && echo all passed || echo FAILURES)"
exit $status
