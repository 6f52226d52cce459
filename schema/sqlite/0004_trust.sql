-- SPDX-License-Identifier: MIT
-- linkctl schema, version 4.
-- Overdue lapses are announced per recipient: one person's `overdue --new` no
-- longer silences everybody else's. Rows written before this version were
-- announced to everyone and keep that meaning (recipient '').
CREATE TABLE announced_lapses_v4 (
  stage_id      INTEGER NOT NULL REFERENCES stages(id),
  due           TEXT NOT NULL,
  recipient     TEXT NOT NULL,          -- person id told of the lapse; '' for everyone (before version 4)
  announced_at  TEXT NOT NULL,
  PRIMARY KEY (stage_id, due, recipient)
) STRICT, WITHOUT ROWID;
INSERT INTO announced_lapses_v4 (stage_id, due, recipient, announced_at)
  SELECT stage_id, due, '', announced_at FROM announced_lapses;
DROP TABLE announced_lapses;
ALTER TABLE announced_lapses_v4 RENAME TO announced_lapses;

-- The events that create rows of other tables (policy versions, frozen reports,
-- announced lapses) are found by verb: every load checks the policy in force
-- against the event that applied it.
CREATE INDEX events_admin ON events (verb, policy_version) WHERE ticket_id IS NULL;
