-- SPDX-License-Identifier: MIT
-- linkctl schema, version 2 (schema/sqlite/0002_compiled_policy.sql).
ALTER TABLE policy_versions ADD COLUMN compiled TEXT COLLATE "C";
CREATE INDEX stages_by_start ON stages (start_date);
CREATE INDEX stages_by_escalated_due ON stages (escalated_due) WHERE escalated_due IS NOT NULL;
CREATE INDEX stages_by_escalated_at ON stages (escalated_at) WHERE escalated_at IS NOT NULL;
