-- SPDX-License-Identifier: MIT
-- linkctl schema, version 1. Applied in one transaction by lib/store; PRAGMA
-- user_version is set by the migration runner. Instants are UTC ISO-8601 text
-- (YYYY-MM-DDTHH:MM:SSZ); due dates are local dates (YYYY-MM-DD) in the
-- policy's time zone. CHECKs list their values as OR chains: SQLite evaluates
-- CHECK (x IN (...)) by building a temporary b-tree on every insert and update.

-- Every policy ever applied; the newest row is in force.
CREATE TABLE policy_versions (
  version     INTEGER PRIMARY KEY,
  applied_at  TEXT NOT NULL,
  applied_by  TEXT NOT NULL,
  source      TEXT NOT NULL,          -- file name it came from, or "(built-in)"
  sha256      TEXT NOT NULL,
  text        TEXT NOT NULL
) STRICT;

-- One row per ticket: its current state and the fields shown by show/list.
CREATE TABLE tickets (
  id          INTEGER PRIMARY KEY,
  ref         TEXT UNIQUE,            -- external reference for idempotent filing
  ref_digest  TEXT,                   -- SHA-256 of the filed content, to detect --ref clashes
  state       TEXT NOT NULL CHECK (state = 'pending' OR state = 'routed' OR state = 'assigned' OR state = 'handled' OR state = 'answered' OR state = 'done' OR state = 'rejected'),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  category    TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity = 'major' OR severity = 'urgent' OR severity = 'normal'),
  filer       TEXT NOT NULL,
  from_dept   TEXT NOT NULL,
  to_dept     TEXT NOT NULL,
  handler     TEXT,
  result      TEXT,                   -- what the handler reported on close
  rating      TEXT CHECK (rating = 'satisfied' OR rating = 'fair' OR rating = 'unsatisfied'),
  escalated   INTEGER NOT NULL DEFAULT 0 CHECK (escalated = 0 OR escalated = 1),
  resets      INTEGER NOT NULL DEFAULT 0,
  filed_at    TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  -- Current stage instances (rows of `stages`), NULL when not started.
  approval_stage INTEGER REFERENCES stages(id),
  feedback_stage INTEGER REFERENCES stages(id),
  review_stage   INTEGER REFERENCES stages(id)
) STRICT;
CREATE INDEX tickets_by_from ON tickets (from_dept, state);
CREATE INDEX tickets_by_to ON tickets (to_dept, state);
CREATE INDEX tickets_by_filed ON tickets (filed_at);
CREATE INDEX tickets_by_handler ON tickets (handler) WHERE handler IS NOT NULL;

-- Each clocked stage a ticket went through. A reset starts a new feedback
-- stage; an escalation sets escalated_due on the open one. Scoring reads
-- these rows; they are never deleted.
CREATE TABLE stages (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER NOT NULL REFERENCES tickets(id),
  kind          TEXT NOT NULL CHECK (kind = 'approval' OR kind = 'feedback' OR kind = 'review'),
  rule          TEXT NOT NULL,        -- why it started: approval|feedback|review|reset|reset-by-supervisor|reset-after-rating
  dept          TEXT NOT NULL,        -- department that owes this stage
  started_at    TEXT NOT NULL,
  start_date    TEXT NOT NULL,        -- local date of the trigger
  due           TEXT NOT NULL,        -- local due date as set when the stage started
  due_at        TEXT,                 -- instant, for hour-based deadlines
  escalated_at  TEXT,
  escalated_due TEXT,                 -- replaces `due` for on-time checks from escalation on
  finished_at   TEXT,
  finished_on   TEXT,                 -- local date of finished_at
  outcome       TEXT,                 -- approved|rejected|answered|reset, or the rating: satisfied|fair|unsatisfied
  explained_at  TEXT,
  explanation   TEXT,
  current_due   TEXT GENERATED ALWAYS AS (coalesce(escalated_due, due)) VIRTUAL
) STRICT;
CREATE INDEX stages_by_ticket ON stages (ticket_id, kind);
CREATE INDEX stages_open_by_due ON stages (current_due) WHERE finished_at IS NULL;
CREATE INDEX stages_by_due ON stages (due);
CREATE INDEX stages_by_finish ON stages (finished_on) WHERE finished_on IS NOT NULL;

-- The audit log: one row per accepted verb, hash-chained. Never updated or deleted.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER REFERENCES tickets(id),   -- NULL for policy and admin events
  verb          TEXT NOT NULL,
  actor         TEXT NOT NULL,                    -- person id (or OS login before a policy exists)
  via           TEXT,                             -- the OS login when it differs from the actor
  at            TEXT NOT NULL,                    -- effective time (the clock, possibly overridden)
  recorded_at   TEXT NOT NULL,                    -- real wall time
  clock_override INTEGER NOT NULL DEFAULT 0 CHECK (clock_override = 0 OR clock_override = 1),
  state_before  TEXT,
  state_after   TEXT,
  changes       TEXT NOT NULL DEFAULT '{}',       -- JSON {"field": [before, after]}
  note          TEXT,                             -- reason, result, comment
  ticket_digest TEXT,                             -- SHA-256 of the ticket row and all its stages after this event
  policy_version INTEGER NOT NULL,
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_ticket ON events (ticket_id);

-- Spot checks of done tickets (抽查).
CREATE TABLE spotchecks (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
  finding     TEXT NOT NULL CHECK (finding = 'ok' OR finding = 'fake'),
  dept        TEXT NOT NULL,          -- receiving department at the time
  at          TEXT NOT NULL,
  on_date     TEXT NOT NULL,
  by_person   TEXT NOT NULL,
  note        TEXT
) STRICT;

-- Overdue lapses already announced by `overdue --new` (a lapse: a stage and the due date it missed).
CREATE TABLE announced_lapses (
  stage_id      INTEGER NOT NULL REFERENCES stages(id),
  due           TEXT NOT NULL,
  announced_at  TEXT NOT NULL,
  PRIMARY KEY (stage_id, due)
) STRICT, WITHOUT ROWID;

-- Frozen monthly reports: exports of a frozen month reproduce this exactly.
CREATE TABLE frozen_reports (
  month          TEXT PRIMARY KEY,    -- YYYY-MM
  frozen_at      TEXT NOT NULL,
  frozen_by      TEXT NOT NULL,
  policy_version INTEGER NOT NULL REFERENCES policy_versions(version),
  calendar_sha256 TEXT NOT NULL,
  report         TEXT NOT NULL        -- JSON of the computed report
) STRICT;
