#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throwaway PostgreSQL cluster for the tests, on a Unix socket in a directory of its
# own (no TCP), run as an unprivileged account: `postgres` when started by root.
#   cluster.sh start DIR     starts it; prints the URI of its `postgres` database
#   cluster.sh restart DIR   stops a cluster left in DIR, then starts a new one
#   cluster.sh stop DIR      stops it (immediately) and removes DIR
#   cluster.sh createdb DIR NAME    a new empty database; prints its URI
#   cluster.sh dropdb DIR NAME
# The server binaries come from Debian's postgresql-15 (PG_BIN overrides).
set -euo pipefail
cmd=$1 dir=$2
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/pg_ctl" ] || { echo "cluster.sh: no PostgreSQL server found (apt-get install postgresql-15)" >&2; exit 1; }
as_owner() (
  cd /  # the caller's directory may be closed to the server's account
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups env -u PGDATA "$@"; else "$@"; fi
)
uri() { echo "postgresql:///$1?host=$dir&user=linkctl"; }
psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U linkctl -d postgres "$@"; }
case $cmd in
  restart)
    # A cluster left behind by an interrupted run is stopped first.
    bash "$0" stop "$dir"
    exec bash "$0" start "$dir"
    ;;
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    chmod 755 "$dir"
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U linkctl --auth=trust -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log"
    # Trust on the socket for everyone but the role "pwcheck", which must give its password
    # (tests of a refused login).
    as_owner sh -c "{ echo 'local all pwcheck scram-sha-256'; cat '$dir/data/pg_hba.conf'; } >'$dir/data/hba.new' && mv '$dir/data/hba.new' '$dir/data/pg_hba.conf'"
    # fsync off: a test cluster, thrown away at the end; durability is not what is tested here
    # (the benchmark sets LINKCTL_PG_FSYNC=on, as a real server runs).
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=${LINKCTL_PG_FSYNC:-off} -c max_connections=200" start >/dev/null
    uri postgres
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  createdb)
    psql_admin -c "CREATE DATABASE \"$3\"" >/dev/null
    uri "$3"
    ;;
  dropdb)
    psql_admin -c "DROP DATABASE IF EXISTS \"$3\" WITH (FORCE)" >/dev/null
    ;;
  *) echo "usage: cluster.sh start|stop|createdb|dropdb DIR [NAME]" >&2; exit 2 ;;
esac
