# SPDX-License-Identifier: MIT
# Sourced by the reliability scripts: the database under test, on either engine.
#   SQLite (the default): the file ./linkctl.db in the script's directory.
#   PostgreSQL (LINKCTL_TEST_PG = the directory of a cluster tests/pg/cluster.sh started):
#     a new database in that cluster, dropped by engine_cleanup.
# Functions:
#   engine_init         sets and exports LINKCTL_DB (call it in the working directory)
#   engine_sql SQL      runs SQL; rows as a|b lines, as the sqlite3 shell prints them
#   engine_integrity    "ok", or what the engine's own check found (SQLite: integrity_check;
#                       PostgreSQL: amcheck over every B-tree index of the database)
#   engine_fingerprint  a hash of everything stored (rows, not sequence positions: a refused
#                       write on PostgreSQL may use up an id without storing anything)
#   engine_save NAME / engine_restore NAME   a copy of the database, and putting it back
#   engine_cleanup      drops what engine_init and engine_save made (call it from the EXIT trap)
ENGINE=sqlite
[ -n "${LINKCTL_TEST_PG:-}" ] && ENGINE=postgresql
engine_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
engine_cluster=$engine_here/../../pg/cluster.sh
engine_pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
engine_dbs=()

engine_uri() { echo "postgresql:///$1?host=$LINKCTL_TEST_PG&user=linkctl"; }
engine_psql() { "$engine_pgbin/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

engine_init() {
  if [ "$ENGINE" = postgresql ]; then
    engine_db="rel_$(basename "$0" .sh)_$$_$RANDOM"
    LINKCTL_DB=$(bash "$engine_cluster" createdb "$LINKCTL_TEST_PG" "$engine_db")
    engine_dbs+=("$engine_db")
  else
    LINKCTL_DB=$PWD/linkctl.db
  fi
  export LINKCTL_DB
}

engine_sql() {
  if [ "$ENGINE" = postgresql ]; then engine_psql "$LINKCTL_DB" -c "$1"
  else sqlite3 -cmd '.timeout 10000' "$LINKCTL_DB" "$1"; fi
}

engine_integrity() {
  if [ "$ENGINE" = postgresql ]; then
    engine_psql "$LINKCTL_DB" -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1
    engine_psql "$LINKCTL_DB" 2>&1 -c "
      SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace" >/dev/null &&
      echo ok
  else
    sqlite3 -cmd '.timeout 10000' "$LINKCTL_DB" 'PRAGMA integrity_check'
  fi
}

engine_fingerprint() {
  if [ "$ENGINE" = postgresql ]; then
    # Every table's rows, in a fixed order, hashed by the server: one query (pg_dump took
    # ~0.3 s a call, and hostile.sh fingerprints before and after each of its ~190 cases).
    local t
    if [ "${engine_fp_db:-}" != "$LINKCTL_DB" ]; then  # the query, once per database
      engine_fp_query=""
      for t in $(engine_psql "$LINKCTL_DB" -c "SELECT quote_ident(tablename) FROM pg_tables
                                              WHERE schemaname = 'public' ORDER BY tablename"); do
        engine_fp_query+="SELECT '$t', md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) FROM $t r UNION ALL "
      done
      engine_fp_db=$LINKCTL_DB
    fi
    engine_psql "$LINKCTL_DB" -c "SELECT * FROM (${engine_fp_query% UNION ALL }) f ORDER BY 1" | sha256sum | cut -d' ' -f1
  else
    local fp
    fp=$(sha256sum "$LINKCTL_DB" | cut -d' ' -f1)
    if [ -s "$LINKCTL_DB-wal" ]; then fp+=" wal:$(sha256sum "$LINKCTL_DB-wal" | cut -d' ' -f1)"; fi
    printf '%s\n' "$fp"
  fi
}

engine_save() {
  if [ "$ENGINE" = postgresql ]; then
    engine_psql "$(engine_uri postgres)" -c "CREATE DATABASE \"${engine_db}_$1\" TEMPLATE \"$engine_db\"" >/dev/null
    engine_dbs+=("${engine_db}_$1")
  else
    sqlite3 "$LINKCTL_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
    cp "$LINKCTL_DB" "$LINKCTL_DB.$1"
  fi
}

engine_restore() {
  if [ "$ENGINE" = postgresql ]; then
    engine_psql "$(engine_uri postgres)" -c "DROP DATABASE \"$engine_db\" WITH (FORCE)" \
      -c "CREATE DATABASE \"$engine_db\" TEMPLATE \"${engine_db}_$1\"" >/dev/null
  else
    rm -f "$LINKCTL_DB-wal" "$LINKCTL_DB-shm" && cp "$LINKCTL_DB.$1" "$LINKCTL_DB"
  fi
}

engine_cleanup() {
  local db
  [ "$ENGINE" = postgresql ] || return 0
  for db in "${engine_dbs[@]+"${engine_dbs[@]}"}"; do bash "$engine_cluster" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1; done
}
