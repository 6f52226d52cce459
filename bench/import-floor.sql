-- The floor for `import` (bench/run.sh): the sqlite3 CLI's .import of the same CSV
-- (filer,category,title) into an initialised linkctl store, then the same rows
-- linkctl writes per ticket — the ticket, its approval stage, the stage link and one
-- event — with the same indexes, in one transaction, but with constants for what
-- linkctl computes (deadlines, digests, the hash chain). IMPORT_CSV is replaced by the path.
.bail on
BEGIN;
CREATE TEMP TABLE import_rows (filer TEXT, category TEXT, title TEXT);
.import --csv --skip 1 IMPORT_CSV import_rows
INSERT INTO tickets (state, title, body, category, severity, filer, from_dept, to_dept, filed_at, updated_at)
  SELECT 'pending', title, '', category, 'normal', filer, 'market', 'logistics', '2026-06-01T01:00:00Z',
         '2026-06-01T01:00:00Z' FROM import_rows ORDER BY rowid;
INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due)
  SELECT id, 'approval', 'approval', from_dept, filed_at, '2026-06-01', '2026-06-02' FROM tickets
  WHERE approval_stage IS NULL ORDER BY id;
UPDATE tickets SET approval_stage = (SELECT s.id FROM stages s WHERE s.ticket_id = tickets.id AND s.kind = 'approval')
  WHERE approval_stage IS NULL;
INSERT INTO events (ticket_id, verb, actor, at, recorded_at, state_after, changes, note, ticket_digest,
                    policy_version, prev_hash, hash)
  SELECT id, 'import', 'gao.feng', filed_at, filed_at, 'pending',
         '{"category":"long-time-no-order","severity":"normal","to_dept":"logistics","title":"x","approval_due":"2026-06-02","filer":"li.na"}',
         'import.csv:' || id, lower(hex(randomblob(32))), 1, lower(hex(randomblob(32))), lower(hex(randomblob(32)))
  FROM tickets WHERE id > (SELECT coalesce(max(ticket_id), 0) FROM events) ORDER BY id;
COMMIT;
