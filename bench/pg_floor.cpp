/* SPDX-License-Identifier: MIT
 * The floor for one linkctl call on PostgreSQL: a minimal libpq program that connects
 * to the same database over the same socket (directly or through a pooler), does the
 * same one write transaction (locking the chain head first, as linkctl does) or the
 * same one query, in one round trip, and exits.
 * `sql FILE` is the floor of the listings, the report and export: the statements in FILE
 * (bench/pg.sh picks them from what linkctl ran, as LINKCTL_TRACE_SQL printed them, so the
 * floor follows linkctl's SQL wherever it changes; a cursor's pages read with one FETCH ALL)
 * sent as one string, in one round trip, every row of every result printed tab-separated.
 * Usage: pg_floor URI insert|approve ID|close ID|show ID|sql FILE */
#include <libpq-fe.h>

#include <cstdio>
#include <cstring>
#include <string>

static int run(PGconn* db, const char* sql, bool print) {
  PGresult* r = PQexec(db, sql);
  int status = PQresultStatus(r);
  int rc = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? 0 : 1;
  if (rc) fprintf(stderr, "%s", PQerrorMessage(db));
  if (print && status == PGRES_TUPLES_OK)
    for (int row = 0; row < PQntuples(r); ++row)
      for (int c = 0; c < PQnfields(r); ++c) fputs(PQgetvalue(r, row, c), stdout);
  PQclear(r);
  return rc;
}

/* Every statement of `sql` in one round trip; each result's rows printed. */
static int run_all(PGconn* db, const std::string& sql) {
  if (!PQsendQuery(db, sql.c_str())) return fprintf(stderr, "%s", PQerrorMessage(db)), 1;
  int rc = 0;
  while (PGresult* r = PQgetResult(db)) {
    int status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK) {
      for (int row = 0, rows = PQntuples(r), cols = PQnfields(r); row < rows; ++row)
        for (int c = 0; c < cols; ++c) {
          fwrite(PQgetvalue(r, row, c), 1, (size_t)PQgetlength(r, row, c), stdout);
          putchar(c + 1 < cols ? '\t' : '\n');
        }
    } else if (status != PGRES_COMMAND_OK) {
      fprintf(stderr, "%s", PQresultErrorMessage(r));
      rc = 1;
    }
    PQclear(r);
  }
  return rc;
}

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  PGconn* db = PQconnectdb(argv[1]);
  if (PQstatus(db) != CONNECTION_OK) return fprintf(stderr, "%s", PQerrorMessage(db)), 7;
  const char* begin =
      "BEGIN; SET LOCAL lock_timeout = 10000; SET LOCAL idle_in_transaction_session_timeout = 5000;"
      "SELECT id FROM chain_head WHERE id = 1 FOR UPDATE;";
  char sql[4096];
  int rc = 0;
  if (!strcmp(argv[2], "insert")) {
    /* One ticket with its stage and event, as `file` writes them. */
    snprintf(sql, sizeof sql,
             "%s"
             "WITH t AS (INSERT INTO tickets (state, title, body, category, severity, filer, from_dept, to_dept, "
             "escalated, resets, filed_at, updated_at) VALUES ('pending', 'floor', '', 'long-time-no-order', 'normal', "
             "'li.na', 'market', 'market', 0, 0, '2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z') RETURNING id),"
             " s AS (INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due) SELECT id, "
             "'approval', 'approval', 'market', '2026-11-16T01:00:00Z', '2026-11-16', '2026-11-16' FROM t RETURNING "
             "id, ticket_id)"
             " UPDATE tickets SET approval_stage = s.id FROM s WHERE tickets.id = s.ticket_id;"
             "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
             "max(id) + 1, (SELECT max(id) FROM tickets), 'file', 'li.na', 'x', 'x', 1, 'x', 'x' FROM events;"
             "COMMIT;",
             begin);
    rc = run(db, sql, false);
  } else if (!strcmp(argv[2], "approve") && argc > 3) {
    snprintf(sql, sizeof sql,
             "%s"
             "UPDATE stages SET finished_at = '2026-11-16T01:00:00Z', finished_on = '2026-11-16', outcome = 'approved' "
             "WHERE id = (SELECT approval_stage FROM tickets WHERE id = %s);"
             "WITH s AS (INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due) VALUES (%s, "
             "'feedback', 'feedback', 'market', '2026-11-16T01:00:00Z', '2026-11-16', '2026-11-23') RETURNING id)"
             " UPDATE tickets SET state = 'routed', updated_at = '2026-11-16T01:00:00Z', feedback_stage = s.id FROM s "
             "WHERE tickets.id = %s;"
             "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
             "max(id) + 1, %s, 'approve', 'x', 'x', 'x', 1, 'x', 'x' FROM events;"
             "COMMIT;",
             begin, argv[3], argv[3], argv[3], argv[3]);
    rc = run(db, sql, false);
  } else if (!strcmp(argv[2], "close") && argc > 3) {
    snprintf(
        sql, sizeof sql,
        "%s"
        "UPDATE tickets SET state = 'handled', result = 'floor', updated_at = '2026-11-16T01:00:00Z' WHERE id = %s;"
        "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
        "max(id) + 1, %s, 'close', 'x', 'x', 'x', 1, 'x', 'x' FROM events;"
        "COMMIT;",
        begin, argv[3], argv[3]);
    rc = run(db, sql, false);
  } else if (!strcmp(argv[2], "show") && argc > 3) {
    snprintf(sql, sizeof sql,
             "SELECT * FROM tickets t LEFT JOIN stages a ON a.id = t.approval_stage LEFT JOIN stages f ON f.id = "
             "t.feedback_stage LEFT JOIN stages r ON r.id = t.review_stage WHERE t.id = %s",
             argv[3]);
    rc = run(db, sql, true);
  } else if (!strcmp(argv[2], "sql") && argc > 3) {
    FILE* in = fopen(argv[3], "r");
    if (!in) return fprintf(stderr, "pg_floor: cannot read %s\n", argv[3]), 2;
    std::string text;
    char buf[65536];
    for (size_t got; (got = fread(buf, 1, sizeof buf, in)) > 0;) text.append(buf, got);
    fclose(in);
    rc = run_all(db, text);
  } else {
    fprintf(stderr, "pg_floor: unknown mode %s\n", argv[2]);
    rc = 2;
  }
  PQfinish(db);
  return rc;
}
