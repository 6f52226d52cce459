/* SPDX-License-Identifier: MIT
 * The physical floor for one linkctl call: a minimal program that opens the
 * same SQLite file (WAL, foreign keys, busy timeout, synchronous=FULL) and does
 * the same one insert, or the same one query, and exits.
 * Usage: floor DB insert|approve ID|close ID|show ID|inbox|overdue DATE */
#include <sqlite3.h>

#include <cstdio>
#include <cstring>

static int run(sqlite3* db, const char* sql) {
  sqlite3_stmt* st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) return fprintf(stderr, "%s\n", sqlite3_errmsg(db)), 1;
  long rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); ++c)
      fputs((const char*)(sqlite3_column_text(st, c) ? sqlite3_column_text(st, c) : (const unsigned char*)""), stdout);
    ++rows;
  }
  sqlite3_finalize(st);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  sqlite3* db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, 0) != SQLITE_OK) return 7;
  sqlite3_busy_timeout(db, 10000);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", 0, 0, 0);
  char sql[2048];
  int rc = 0;
  if (!strcmp(argv[2], "insert")) {
    /* One ticket with its stage and event, as `file` writes them, in one transaction. */
    rc = sqlite3_exec(
             db,
             "BEGIN IMMEDIATE;"
             "INSERT INTO tickets (state, title, body, category, severity, filer, from_dept, to_dept, escalated, "
             "resets, filed_at, updated_at)"
             " VALUES ('pending', 'floor', '', 'long-time-no-order', 'normal', 'li.na', 'market', 'market', 0, 0, "
             "'2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z');"
             "INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due) VALUES "
             "(last_insert_rowid(), 'approval', 'approval', 'market', '2026-11-16T01:00:00Z', '2026-11-16', "
             "'2026-11-16');"
             "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
             "max(id) + 1, (SELECT max(id) FROM tickets), 'file', 'li.na', 'x', 'x', 1, 'x', 'x' FROM events;"
             "COMMIT;",
             0, 0, 0) == SQLITE_OK
             ? 0
             : 1;
  } else if (!strcmp(argv[2], "approve") && argc > 3) {
    /* As `approve` writes: the approval stage finished, a feedback stage started, the ticket moved on, one event. */
    snprintf(sql, sizeof sql,
             "BEGIN IMMEDIATE;"
             "UPDATE stages SET finished_at = '2026-11-16T01:00:00Z', finished_on = '2026-11-16', outcome = 'approved' "
             "WHERE id = (SELECT approval_stage FROM tickets WHERE id = %s);"
             "INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due) VALUES (%s, 'feedback', "
             "'feedback', 'market', '2026-11-16T01:00:00Z', '2026-11-16', '2026-11-23');"
             "UPDATE tickets SET state = 'routed', updated_at = '2026-11-16T01:00:00Z', feedback_stage = "
             "last_insert_rowid() WHERE id = %s;"
             "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
             "max(id) + 1, %s, 'approve', 'x', 'x', 'x', 1, 'x', 'x' FROM events;"
             "COMMIT;",
             argv[3], argv[3], argv[3], argv[3]);
    rc = sqlite3_exec(db, sql, 0, 0, 0) == SQLITE_OK ? 0 : 1;
  } else if (!strcmp(argv[2], "close") && argc > 3) {
    /* As `close` writes: the ticket handled with its result, one event. */
    snprintf(
        sql, sizeof sql,
        "BEGIN IMMEDIATE;"
        "UPDATE tickets SET state = 'handled', result = 'floor', updated_at = '2026-11-16T01:00:00Z' WHERE id = %s;"
        "INSERT INTO events (id, ticket_id, verb, actor, at, recorded_at, policy_version, prev_hash, hash) SELECT "
        "max(id) + 1, %s, 'close', 'x', 'x', 'x', 1, 'x', 'x' FROM events;"
        "COMMIT;",
        argv[3], argv[3]);
    rc = sqlite3_exec(db, sql, 0, 0, 0) == SQLITE_OK ? 0 : 1;
  } else if (!strcmp(argv[2], "show")) {
    snprintf(sql, sizeof sql,
             "SELECT * FROM tickets t LEFT JOIN stages a ON a.id = t.approval_stage LEFT JOIN stages f ON f.id = "
             "t.feedback_stage LEFT JOIN stages r ON r.id = t.review_stage WHERE t.id = %s",
             argv[3]);
    rc = run(db, sql);
  } else if (!strcmp(argv[2], "inbox")) {
    rc = run(db,
             "SELECT * FROM tickets t LEFT JOIN stages f ON f.id = t.feedback_stage WHERE (t.to_dept = 'logistics' AND "
             "t.state IN ('routed', 'handled')) OR (t.from_dept = 'logistics' AND t.state IN ('pending', 'answered')) "
             "ORDER BY t.id");
  } else if (!strcmp(argv[2], "overdue")) {
    snprintf(sql, sizeof sql,
             "SELECT * FROM stages s JOIN tickets t ON t.id = s.ticket_id WHERE s.finished_at IS NULL AND s.due < '%s'",
             argv[3]);
    rc = run(db, sql);
  }
  sqlite3_close(db);
  return rc;
}
