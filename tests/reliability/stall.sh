#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue 20 on SQLite. A writer stopped (SIGSTOP) while it holds the write lock: every other
# writer fails with exit 7 after the busy timeout, readers still read, `doctor` names the
# stopped process; after SIGCONT it finishes, after SIGKILL it loses only its own change,
# and either way the next writers succeed and the chain verifies. Then one byte flipped
# inside a table page: `doctor` reports it (exit 7), though `audit verify`, which reads
# only rows, passes. The writer is stopped on cue by LINKCTL_TEST_STOP_IN_WRITE (it raises
# SIGSTOP on itself right after BEGIN IMMEDIATE): no sleeps decide anything here.
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-stall.XXXXXX")
stopped=
cleanup() {
  if [ -n "$stopped" ]; then kill -KILL "$stopped" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
cd "$dir"
export LINKCTL_DB=$dir/linkctl.db NO_COLOR=1 LINKCTL_BUSY_TIMEOUT=300
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_LOCK LINKCTL_TEST_STOP_IN_WRITE
L() { "$BIN" "$@"; }
status=0
fail() { echo "FAIL: $*"; status=1; }
cp "$SRC/tests/e2e/policies/mini.toml" .
L init --policy mini.toml --as gao.feng >/dev/null
id=$(L file --as li.na --category delivery-late --title 停住的写者 --quiet)
comments() { sqlite3 linkctl.db "SELECT count(*) FROM events WHERE verb = 'comment'"; }

# Starts `linkctl comment` that stops itself holding the write lock; waits until the kernel
# reports it stopped (state T), polling /proc: the stop is the process's own doing.
start_stopped_writer() {
  LINKCTL_TEST_STOP_IN_WRITE=1 "$BIN" comment "$id" "$1" --as li.na >/dev/null 2>"writer.err" &
  stopped=$!
  local state=
  for ((i = 0; i < 3000; i++)); do
    state=$(sed 's/.*) //' "/proc/$stopped/stat" 2>/dev/null | cut -d' ' -f1) || true
    [ "$state" = T ] && return 0
    [ -e "/proc/$stopped" ] || break
    sleep 0.01
  done
  fail "the writer did not stop itself in its write transaction (state '$state')"
  exit 1
}
# Runs linkctl; sets rc, out and err.
run() {
  set +e
  out=$("$BIN" "$@" 2>err)
  rc=$?
  set -e
  err=$(cat err)
}

# --- 1. Stopped, then continued --------------------------------------------------------
before=$(comments)
start_stopped_writer 第一个
run comment "$id" 其他人 --as zhang.wei
echo "stall: another writer while one is stopped: exit $rc: $err"
[ $rc = 7 ] || fail "another writer gave exit $rc, not 7"
[[ $err == "linkctl: error: the database stayed locked by another process for 300 ms;"* ]] ||
  fail "the message does not name the lock and the wait: $err"
run show "$id" --as li.na --format tsv
[ $rc = 0 ] || fail "a reader failed while a writer was stopped (exit $rc: $err)"
run doctor --format tsv --no-header
echo "stall: doctor while one is stopped: exit $rc"
echo "$out" | sed 's/^/  /'
[ $rc = 7 ] || fail "doctor gave exit $rc with the write lock held, not 7"
lock=$(echo "$out" | awk -F'\t' '$1 == "write_lock"')
[[ $lock == "write_lock	problem	held for more than 300 ms by process $stopped (linkctl, user $(id -un), stopped)"* ]] ||
  fail "doctor does not name the stopped process $stopped: $lock"
[[ $lock == *"kill -CONT $stopped"*"kill $stopped"* ]] || fail "doctor does not say what is safe to do: $lock"
[ "$err" = "linkctl: error: the database is not usable (write_lock); see doctor's findings above" ] ||
  fail "doctor's error line: $err"
kill -CONT "$stopped"
set +e
wait "$stopped"
rc=$?
set -e
stopped=
[ $rc = 0 ] || fail "the continued writer exited $rc: $(cat writer.err)"
run comment "$id" 继续之后 --as zhang.wei
[ $rc = 0 ] || fail "a writer after SIGCONT failed (exit $rc: $err)"
[ "$(comments)" = $((before + 2)) ] || fail "after SIGCONT: $(comments) comments, expected $((before + 2))"

# --- 2. Stopped, then killed ------------------------------------------------------------
before=$(comments)
start_stopped_writer 被杀掉的
kill -KILL "$stopped"
set +e
wait "$stopped" 2>/dev/null
rc=$?
set -e
stopped=
echo "stall: the stopped writer killed: exit $rc"
run comment "$id" 杀掉之后 --as zhang.wei
[ $rc = 0 ] || fail "a writer after SIGKILL failed (exit $rc: $err)"
[ "$(comments)" = $((before + 1)) ] || fail "after SIGKILL: $(comments) comments, expected $((before + 1))"
[ "$(sqlite3 linkctl.db "SELECT count(*) FROM events WHERE note = '被杀掉的'")" = 0 ] ||
  fail "the killed writer's uncommitted comment was written"
run audit verify --format tsv --no-header
[ $rc = 0 ] && [ "$(echo "$out" | cut -f1)" = ok ] || fail "audit verify after the stalls: exit $rc: $out $err"
run doctor --format tsv --no-header
[ $rc = 0 ] || fail "doctor after the stalls gave exit $rc: $out"
[ "$(echo "$out" | cut -f1,2 | tr '\t\n' ': ')" = "schema:ok write_lock:ok wal:ok checkpoint:ok integrity:ok " ] ||
  fail "doctor after the stalls: $out"

# --- 3. A byte flipped inside a table page ----------------------------------------------
# The number of fragmented free bytes in the header of the tickets table's page (a leaf:
# two tickets): reading rows never looks at it, quick_check counts the page's free space.
for t in 2 3; do L file --as li.na --category delivery-late --title "票 $t" --quiet >/dev/null; done
sqlite3 linkctl.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
page_size=$(sqlite3 linkctl.db 'PRAGMA page_size')
root=$(sqlite3 linkctl.db "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'tickets'")
at=$(( (root - 1) * page_size ))
[ "$(od -An -tx1 -j "$at" -N1 linkctl.db | tr -d ' ')" = 0d ] || fail "page $root is not a table leaf page"
byte=$(od -An -tu1 -j $((at + 7)) -N1 linkctl.db | tr -d ' ')
printf "$(printf '\\%03o' $(( byte ^ 0x10 )))" | dd of=linkctl.db bs=1 seek=$((at + 7)) conv=notrunc status=none
echo "stall: flipped bit 4 of byte $((at + 7)) (page $root of $page_size bytes, the tickets table)"
run audit verify --format tsv --no-header
echo "stall: audit verify on the damaged file: exit $rc"
[ $rc = 0 ] || fail "audit verify noticed the flipped byte after all (exit $rc); the test no longer shows the gap"
run doctor --format tsv --no-header
echo "stall: doctor on the damaged file: exit $rc"
echo "$out" | sed 's/^/  /'
[ $rc = 7 ] || fail "doctor gave exit $rc on a damaged page, not 7"
[[ $(echo "$out" | awk -F'\t' '$1 == "integrity"') == "integrity	problem	PRAGMA quick_check: "*" on page $root;"* ]] ||
  fail "doctor's integrity finding does not name page $root: $out"
exit $status
