#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Engine-neutral database helpers for end-to-end cases, installed in the case's PATH
# under four names (tests/e2e/run.sh links them). A database is named by a word; its
# address is a file NAME.db (SQLite) or a database of the test cluster (PostgreSQL,
# when LINKCTL_TEST_PG is set). "linkctl" is the case's own database (LINKCTL_DB or ./linkctl.db).
#   dbaddr NAME          the address to give --db
#   dbnew NAME           a new, empty database; prints its address
#   dbcopy NAME [FROM]   a copy of FROM (default: linkctl) as NAME; prints its address
#   sql [NAME] SQL       runs SQL on NAME (default: linkctl); rows as a|b lines, as sqlite3 prints them
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cluster=$here/../../pg/cluster.sh
psql_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
pg() { [ -n "${LINKCTL_TEST_PG:-}" ]; }
dbname() { if [ "$1" = linkctl ]; then echo "$LINKCTL_TEST_PGDB"; else echo "${LINKCTL_TEST_PGDB}_$1"; fi; }
addr() {
  if pg; then echo "postgresql:///$(dbname "$1")?host=$LINKCTL_TEST_PG&user=linkctl"
  elif [ "$1" = linkctl ]; then echo "${LINKCTL_DB:-./linkctl.db}"
  else echo "$1.db"; fi
}
case $(basename "$0") in
  dbaddr) addr "$1" ;;
  dbnew)
    if pg; then bash "$cluster" createdb "$LINKCTL_TEST_PG" "$(dbname "$1")" >/dev/null; fi
    addr "$1"
    ;;
  dbcopy)
    from=${2:-linkctl}
    if pg; then
      "$psql_bin" -X -q -v ON_ERROR_STOP=1 "$(addr linkctl | sed "s|///[^?]*|///postgres|")" \
        -c "CREATE DATABASE \"$(dbname "$1")\" TEMPLATE \"$(dbname "$from")\"" >/dev/null
    else
      sqlite3 "$(addr "$from")" ".backup $(addr "$1")"
    fi
    addr "$1"
    ;;
  sql)
    name=linkctl
    [ $# -gt 1 ] && { name=$1; shift; }
    if pg; then "$psql_bin" -X -q -A -t -v ON_ERROR_STOP=1 "$(addr "$name")" -c "$1"
    else sqlite3 "$(addr "$name")" "$1"; fi
    ;;
  *) echo "db.sh: call it as dbaddr, dbnew, dbcopy or sql" >&2; exit 2 ;;
esac
