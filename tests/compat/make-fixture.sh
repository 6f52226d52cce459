#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes tests/compat/release-0.1.db and its expected outputs with a given linkctl
# build. Run once, with the release the fixture stands for (0.1.0, schema 3, the
# build of commit 23159a2), never with the code under test: check.sh then proves
# that later builds open this database, verify it with the same head hash and
# print the same bytes.
#
# Usage: tests/compat/make-fixture.sh /path/to/old/linkctl
set -euo pipefail
BIN=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LINKCTL_DB=$work/linkctl.db TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
LINKCTL=$BIN bash "$src/examples/demo.sh" >/dev/null
L() { "$BIN" "$@"; }
# Beyond the demo: October frozen, a second policy version, November events with
# an announced lapse, a supervisor reset after rating and a late approval.
L report monthly --month 2026-10 --freeze --as lin.xiuying --today 2026-11-05 --format csv >/dev/null 2>&1
L policy show --source | sed 's/^base_score = 100/base_score = 100  # reviewed 2026-11/' >"$work/v2.toml"
L policy apply "$work/v2.toml" --as gao.feng --today 2026-11-06 >/dev/null 2>&1
id=$(L file --as li.na --today 2026-11-06 --category long-time-no-order --title '十一月: 王记烟酒店' --quiet)
L approve "$id" --as zhang.wei --today 2026-11-09 >/dev/null
L overdue --new --as lin.xiuying --today 2026-11-20 >/dev/null || true
done_id=$(L list --as lin.xiuying --state done --format tsv --no-header | head -1 | cut -f1)
L reset "$done_id" --as lin.xiuying --today 2026-11-10 --reason '复核发现问题' >/dev/null
L --as lin.xiuying --today 2026-11-10 spotcheck sample --month 2026-10 --count 2 --seed x --format tsv >/dev/null
cp "$LINKCTL_DB" "$here/release-0.1.db"
sqlite3 "$here/release-0.1.db" 'PRAGMA journal_mode = DELETE' >/dev/null
LINKCTL_DB=$here/release-0.1.db bash "$here/outputs.sh" "$BIN" "$here/expected"
