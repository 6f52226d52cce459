#!/bin/sh
# SPDX-License-Identifier: MIT
# The README's demo: a fresh database on the built-in policy (the regulation),
# then a walk through its calendar and policy.
set -eu
LINKCTL=${LINKCTL:-linkctl}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-demo.XXXXXX")
export LINKCTL_DB="$dir/linkctl.db"
say() { printf '\n== %s\n' "$*"; }

say "linkctl init: a new database with the built-in policy"
"$LINKCTL" init

say "The policy in force"
"$LINKCTL" policy history --format table
"$LINKCTL" policy show --format table | head -30

say "Deadlines on the 2026 calendar (SPEC section 4)"
echo "urgent approved 2026-09-29, feedback due: $("$LINKCTL" calendar due --from 2026-09-29 --stage feedback --severity urgent)"
echo "major approved 2026-09-18, feedback due:  $("$LINKCTL" calendar due --from 2026-09-18 --stage feedback --severity major)"
echo "normal escalated 2026-09-30, due:         $("$LINKCTL" calendar due --from 2026-09-30 --stage escalated --severity normal)"
echo "normal reset 2026-09-30, due:             $("$LINKCTL" calendar due --from 2026-09-30 --stage reset --severity normal)"
"$LINKCTL" calendar due --from 2026-09-29 --days 3 --explain --format table

say "Audit"
"$LINKCTL" audit verify --format table
echo
echo "database: $LINKCTL_DB"
