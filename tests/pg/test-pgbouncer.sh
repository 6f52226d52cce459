#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Through a connection pooler in transaction mode (SPEC section 12): a pgbouncer this
# test starts (its own Unix socket in a temp dir, as the postgres account when root,
# pool_mode = transaction, few server connections) in front of the cluster in
# LINKCTL_TEST_PG, and a slice of the end-to-end cases run through it: linkctl carries
# no session state between transactions. (Not the cases that copy a database with CREATE
# DATABASE ... TEMPLATE, which the pooler's open server connections would block.) Not Run (77) when pgbouncer is not installed.
# Usage: test-pgbouncer.sh /path/to/linkctl
set -uo pipefail
BIN=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
: "${LINKCTL_TEST_PG:?set LINKCTL_TEST_PG to a cluster started by tests/pg/cluster.sh}"
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
[ -x "$PGBOUNCER" ] || { echo "pg/pgbouncer: not installed (apt-get install pgbouncer; make deps does)"; exit 77; }
dir=$(mktemp -d /tmp/linkctl-pgbouncer.XXXXXX)
as_owner() (
  cd /
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi
)
cleanup() {
  [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
chmod 755 "$dir"
cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=$LINKCTL_TEST_PG
[pgbouncer]
listen_addr =
listen_port = 6432
unix_socket_dir = $dir
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = 4
max_client_conn = 100
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
echo '"linkctl" ""' >"$dir/users.txt"
as_owner "$PGBOUNCER" -d "$dir/pgbouncer.ini" || { echo "FAIL: pgbouncer did not start"; cat "$dir/pgbouncer.log"; exit 1; }
for ((i = 0; i < 200; i++)); do [ -S "$dir/.s.PGSQL.6432" ] && break; sleep 0.05; done

status=0 n=0
# One case per kind of work (each runs dozens of commands): filing, the lifecycle, the overdue
# check's announcements, the report's reads; every case runs directly on PostgreSQL in e2e-pg.
for name in file route rate overdue report; do
  n=$((n + 1))
  LINKCTL_TEST_PGBOUNCER=$dir bash "$here/../e2e/run.sh" "$(readlink -f "$here/../e2e/cases/$name.t")" "$BIN" >"$dir/$name.out" 2>&1 ||
    { status=1; echo "FAIL: e2e/$name through pgbouncer:"; tail -20 "$dir/$name.out"; }
done
served=$(grep -c "login attempt" "$dir/pgbouncer.log" || true)
echo "pg/pgbouncer: $n e2e cases through pgbouncer (transaction pooling, 4 server connections; $served client logins): $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
