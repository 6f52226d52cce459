#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue 20: inside a SQLite write transaction there is only the database. Every writing
# verb runs under strace; between taking the WAL write lock (F_WRLCK on byte 120 of the
# -shm file) and letting it go, every system call must be on the database's own files
# (the database, -wal, -shm, -journal, and its directory, synced once a new -wal file is
# created: synchronous = FULL) or be one that touches no file at all (memory, the clock). No terminal, no stdout/stderr, no policy or CSV file, no tzdata, no
# /etc/passwd: a prompt or a message waiting on a full pipe, a slow NFS home directory or
# anything else outside the database would stretch the time every other writer waits.
# A time zone read from tzdata (Europe/Paris) shows that the zone is loaded before BEGIN
# (it was not, before issue 20: a verb on the system clock read it inside the lock).
# One exception, by design (issue 18): `import` streams its CSV row by row inside its one
# transaction, so memory does not grow with the file; reading that file (INPUT, a regular
# file) is allowed in the window. (From a pipe, a stalled producer would stall the writers:
# linkctl(1) says to import from a file.)
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v strace >/dev/null || { echo "lockwindow: strace is not installed (apt-get install strace)"; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-lockwindow.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export LINKCTL_DB=$dir/linkctl.db NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT LINKCTL_TRACE_LOCK LINKCTL_TEST_STOP_IN_WRITE LINKCTL_TRACE_SQL
# (Not run in the sanitizer build: see tests/CMakeLists.txt. Should it be run by hand there,
# LeakSanitizer cannot run under ptrace.)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
status=0
fail() { echo "FAIL: $*"; status=1; }
sed 's|^timezone = .*|timezone = "Europe/Paris"|' "$SRC/tests/e2e/policies/mini.toml" >paris.toml
grep -q 'Europe/Paris' paris.toml || { echo "FAIL: could not set the policy's time zone"; exit 1; }
"$BIN" init --policy paris.toml --as gao.feng >/dev/null
sed 's|^name = "测试局"|name = "测试局二"|' paris.toml >paris2.toml
printf 'filer,category,title\nli.na,delivery-late,导入一\nli.na,delivery-late,导入二\n' >two.csv

verbs=0 calls=0
# Runs one linkctl command under strace and checks its write-lock windows.
check() {
  local expect=$1
  shift
  local rc=0
  strace -f -qq -y -s 64 -o trace.txt "$BIN" "$@" >out.txt 2>err.txt || rc=$?
  [ "$rc" = "$expect" ] || { fail "linkctl $* exited $rc, not $expect: $(cat err.txt)"; return; }
  verbs=$((verbs + 1))
  local report
  report=$(awk -v db="$LINKCTL_DB" -v dir="$dir" -v input="${INPUT:-}" '
    function ours(line,   rest, m) {  # every path the line names is one of the database files
      rest = line
      while (match(rest, /<[^<>]*>|"\/[^"]*"/)) {
        m = substr(rest, RSTART + 1, RLENGTH - 2)
        rest = substr(rest, RSTART + RLENGTH)
        if (m !~ /^\//) continue           # <anon_inode:...>, <pipe:...>: judged below
        if (m != db && m != db "-wal" && m != db "-shm" && m != db "-journal" && m != dir && !(input != "" && m == input && line ~ /^[0-9]+ +read\(/)) return 0
      }
      return 1
    }
    /F_SETLK/ && index($0, db "-shm>") && /l_start=120, l_len=1/ {
      if (/F_WRLCK/ && / = 0$/) { inside = 1; windows++; next }
      if (/F_UNLCK/) { inside = 0; next }
    }
    inside {
      calls++
      name = $0; sub(/^[0-9]+ +/, "", name); sub(/\(.*/, "", name)
      if (name ~ /^(brk|mmap|munmap|mremap|madvise|clock_gettime|gettid|getpid|futex|rt_sigprocmask|exit_group)$/ && ours($0)) next
      if (name ~ /^(pread64|pwrite64|read|write|fcntl|fsync|fdatasync|fstat|newfstatat|lseek|ftruncate|openat|close|unlink|access|stat|lstat|fallocate)$/ && ours($0) && $0 ~ /<\/|"\//) next
      print "  outside the database while holding the write lock: " $0
    }
    END { printf "windows=%d calls=%d\n", windows, calls }
  ' trace.txt)
  local summary=${report##*$'\n'}
  local windows=${summary#windows=}; windows=${windows%% *}
  calls=$((calls + ${summary##*calls=}))
  if [ "$report" != "$summary" ]; then fail "linkctl $*:"; echo "${report%$'\n'*}"; fi
  [ "$windows" -ge 1 ] || fail "linkctl $*: no write lock seen in its trace"
}
T="--today 2026-09-29"
id=$("$BIN" file --as li.na $T --category delivery-late --title 一 --quiet)
check 0 file --as li.na $T --category delivery-late --title 二 --quiet
check 0 approve "$id" --as zhang.wei $T
check 0 reject 2 --as zhang.wei $T --reason 重复
check 0 route "$id" --as wang.qiang $T --to yang.fan
check 0 explain "$id" --as wang.qiang $T --reason 下周
check 0 escalate "$id" --as lin.xiuying $T
check 0 close "$id" --as yang.fan $T --result 已处理
check 0 confirm "$id" --as wang.qiang $T
check 0 reset "$id" --as zhang.wei $T --reason 不符
check 0 route "$id" --as wang.qiang $T --to yang.fan
check 0 close "$id" --as yang.fan $T --result 再处理
check 0 confirm "$id" --as wang.qiang $T
check 0 rate "$id" satisfied --as zhang.wei $T
check 0 spotcheck record "$id" --finding ok --as lin.xiuying $T
check 0 comment "$id" 已电话催办 --as li.na $T
INPUT=$dir/two.csv check 0 import two.csv --as gao.feng $T
check 0 deadlines --recompute --as gao.feng --today 2026-10-20
check 0 overdue --new --as lin.xiuying --today 2026-10-20
check 0 report monthly --month 2026-09 --freeze --as lin.xiuying --today 2026-10-20
check 0 policy apply paris2.toml --as gao.feng
# On the system clock (no --today): the first local time of the process is taken in the
# transaction, and the zone's tzdata must already be loaded by then.
check 0 comment "$id" 系统时钟 --as li.na
check 0 file --as li.na --category delivery-late --title 三 --quiet
# Refused inside the transaction: the message is written after the rollback.
check 3 comment 999 不存在 --as li.na $T
check 5 approve "$id" --as zhang.wei $T
echo "lockwindow: $verbs writing commands traced; $calls system calls made while holding the write lock, all on the database's files or on none"
exit $status
