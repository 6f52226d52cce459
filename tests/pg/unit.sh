#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The unit tests again, each test's store a PostgreSQL database (SPEC 12: the store's
# tests on both engines): tests/unit/helpers.hpp's fresh_store() empties the database
# named by LINKCTL_TEST_PG_URI and creates the schema afresh for every test world.
# Usage: unit.sh /path/to/unit_tests   (LINKCTL_TEST_PG: a cluster from cluster.sh)
set -uo pipefail
UNIT=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
: "${LINKCTL_TEST_PG:?set LINKCTL_TEST_PG to a cluster started by tests/pg/cluster.sh}"
db="unit_$$"
trap 'bash "$here/cluster.sh" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1' EXIT
LINKCTL_TEST_PG_URI=$(bash "$here/cluster.sh" createdb "$LINKCTL_TEST_PG" "$db") || exit 1
export LINKCTL_TEST_PG_URI
"$UNIT" --no-intro=true
