#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One purchase request under examples/service-tracking.toml, signed three times
# before work starts (部门负责人 → 财务部 → 总经理三级签字), finance a working day
# late, then the rest of the flow, and the month's report as the supervising
# office reads it: finance loses a point for its late level.
#
# The dates cross National Day 2026 (Oct 1-7 off, Sat Oct 10 a make-up workday):
#   Wed 09-30  filed; marketing's head signs (level 1, due that day)
#              level 2, finance, 2 working days from 10-01: 10-08, 10-09 -> due 10-09
#   Mon 10-12  finance signs, late; level 3 (normal: 2 working days): 10-13, 10-14
#   Wed 10-14  the general manager signs; feedback (normal: 5 working days) due 10-21
#
# The policy is used with two demo settings switched on: allow_clock_override (to
# replay past days) and identity = "declared" (to act as each person with --as).
#
# Usage: examples/purchase.sh        (LINKCTL=path/to/linkctl to pick a binary;
#                                     LINKCTL_DB to keep the database somewhere)
set -euo pipefail
LINKCTL=${LINKCTL:-linkctl}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-purchase.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export LINKCTL_DB=${LINKCTL_DB:-$dir/linkctl.db}
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
L() { "$LINKCTL" "$@"; }
say() { printf '\n== %s\n' "$*"; }

say "A database with the service-tracking policy (demo settings: clock override, declared identity)"
sed 's/^allow_clock_override = false/allow_clock_override = true/; s/^identity = "os"/identity = "declared"/' \
  "$here/service-tracking.toml" >"$dir/policy.toml"
L init --policy "$dir/policy.toml" --as admin 2>/dev/null
L policy show --as admin --format table | sed -n '/采购三级审批/p'

say "Wed 09-30: marketing files a purchase request; its head signs level 1"
id=$(L file --as xu.ning --today 2026-09-30 --category purchase-request --title '采购笔记本电脑 5 台' \
  --body '新员工入职用' --quiet)
echo "filed ticket $id"
L approve "$id" --as zhou.mei --today 2026-09-30 --format table

say "Fri 10-09: level 2 waits in finance's inbox (due today); finance does not sign"
L inbox --as qian.hui --today 2026-10-09 --format table
say "Mon 10-12: finance's level is overdue; it signs, late"
L overdue --as lin.jing --today 2026-10-12 --format table
L approve "$id" --as qian.hui --today 2026-10-12 --format table

say "Wed 10-14: only the general manager may sign level 3"
L approve "$id" --as zhou.mei --today 2026-10-14 2>&1 || echo "(refused, exit $?)"
L approve "$id" --as chen.zong --today 2026-10-14 --format table

say "Then the regulation's flow: operations assigns, handles, confirms; marketing rates"
L route "$id" --to ma.chao --as zhao.yun --today 2026-10-15 --format table
L close "$id" --result '已采购到货并登记资产' --as ma.chao --today 2026-10-19 --format table
L confirm "$id" --as zhao.yun --today 2026-10-19 --format table
L rate "$id" satisfied --as zhou.mei --today 2026-10-20 --format table

say "Every signature with its due date, and how each was counted"
L show "$id" --as lin.jing --today 2026-10-20 --format table | grep -E '^(state|approvals):'
L deadlines "$id" --as lin.jing --today 2026-10-20 --format table

say "The month's report: finance's late level costs it a point"
L report monthly --month 2026-10 --as lin.jing --today 2026-11-02 --format table
L report monthly --month 2026-10 --detail --as lin.jing --today 2026-11-02 --format table
L audit verify --as admin --format table
