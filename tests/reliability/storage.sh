#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A full disk and a read-only database: a clear message, exit 7 (or 1), nothing half-written.
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-storage.XXXXXX")
trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
chmod 755 "$dir"
cd "$dir"
export LINKCTL_DB=$dir/linkctl.db NO_COLOR=1
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
L() { "$BIN" "$@"; }
cp "$SRC/tests/e2e/policies/mini.toml" .
L init --policy mini.toml --as gao.feng >/dev/null
L file --as li.na --category delivery-late --title 已有 --quiet >/dev/null
{ echo "filer,category,title,body"; for ((i = 0; i < 5000; i++)); do echo "li.na,delivery-late,导入 $i,$(printf '%0200d' $i)"; done; } >big.csv
status=0
fail() { echo "FAIL: $*"; status=1; }
count() { sqlite3 linkctl.db 'SELECT count(*) FROM tickets'; }

# Full disk: no file may grow past 1 MiB (SIGXFSZ ignored, so writes fail with EFBIG, as on a full disk).
sqlite3 linkctl.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(count)
set +e
err=$( (trap '' XFSZ; ulimit -f 1024; "$BIN" import big.csv --as gao.feng) 2>&1 >/dev/null)
rc=$?
set -e
echo "storage: full disk during a 5000-row import: exit $rc: $err"
[ $rc = 7 ] || [ $rc = 1 ] || fail "full disk gave exit $rc"
[ "$(echo "$err" | wc -l)" = 1 ] && [[ $err == "linkctl: error: "* ]] || fail "full disk message is not one error line"
[ "$(count)" = "$before" ] || fail "a failed import left rows ($(count) vs $before)"
[ "$(sqlite3 linkctl.db 'PRAGMA integrity_check')" = ok ] || fail "integrity after full disk"
[ "$(L audit verify --format tsv --no-header | cut -f1)" = ok ] || fail "audit after full disk"

# Read-only: the database file and its directory are not writable by the user running linkctl.
if [ "$(id -u)" = 0 ]; then
  run_ro() { setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" "$@"; }
else
  run_ro() { "$BIN" "$@"; }
  chmod 444 linkctl.db*
  chmod 555 "$dir"
fi
sum_before=$(sha256sum linkctl.db | cut -d' ' -f1)
set +e
err=$(run_ro comment 1 试试 --as li.na 2>&1 >/dev/null)
rc=$?
set -e
echo "storage: writing to a read-only database: exit $rc: $err"
[ $rc = 7 ] || [ $rc = 1 ] || fail "read-only write gave exit $rc"
[ "$(echo "$err" | wc -l)" = 1 ] && [[ $err == "linkctl: error: "* ]] || fail "read-only message is not one error line"
[ "$(sha256sum linkctl.db | cut -d' ' -f1)" = "$sum_before" ] || fail "the read-only database changed"
exit $status
