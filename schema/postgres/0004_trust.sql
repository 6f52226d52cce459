-- SPDX-License-Identifier: MIT
-- linkctl schema, version 4 (schema/sqlite/0004_trust.sql): overdue lapses announced
-- per recipient ('' for rows announced to everyone before version 4), and the index
-- every command uses to find the event that applied the policy in force.
ALTER TABLE announced_lapses ADD COLUMN recipient TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE announced_lapses DROP CONSTRAINT announced_lapses_pkey;
ALTER TABLE announced_lapses ADD PRIMARY KEY (stage_id, due, recipient);
ALTER TABLE announced_lapses ALTER COLUMN recipient DROP DEFAULT;
CREATE INDEX events_admin ON events (verb, policy_version) WHERE ticket_id IS NULL;
