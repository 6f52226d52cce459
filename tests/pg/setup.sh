# SPDX-License-Identifier: MIT
# Sourced by the tests/pg/test-*.sh scripts: `. "$(dirname "$0")/setup.sh" NAME "$1"` sets
# BIN (the linkctl under test), here (tests/pg), src (the source tree), PG_BIN (PostgreSQL's
# programs) and work (a new temporary directory, linkctl-pg-NAME.*), and stops with a usage
# message unless LINKCTL_TEST_PG names a cluster started by cluster.sh. Cleaning up is the
# script's own.
BIN=$(readlink -f "$2")
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
: "${LINKCTL_TEST_PG:?set LINKCTL_TEST_PG to a cluster started by tests/pg/cluster.sh}"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-pg-$1.XXXXXX")
