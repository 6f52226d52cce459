-- SPDX-License-Identifier: MIT
-- linkctl schema, version 2.
-- The policy as validated (a snapshot; lib/policy_snapshot.cpp): commands load it instead of parsing the TOML
-- again (a policy's TOML takes most of a short command's time). NULL for versions
-- applied before this migration: those are parsed from their text.
ALTER TABLE policy_versions ADD COLUMN compiled TEXT;

-- The month's scoring query looks stages up by these dates too.
CREATE INDEX stages_by_start ON stages (start_date);
CREATE INDEX stages_by_escalated_due ON stages (escalated_due) WHERE escalated_due IS NOT NULL;
CREATE INDEX stages_by_escalated_at ON stages (escalated_at) WHERE escalated_at IS NOT NULL;
