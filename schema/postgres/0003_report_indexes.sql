-- SPDX-License-Identifier: MIT
-- linkctl schema, version 3 (schema/sqlite/0003_report_indexes.sql): the monthly
-- report's penalty candidates. The WHERE clauses are repeated word for word in
-- Store::month_facts.
CREATE INDEX stages_late_by_due ON stages (due) WHERE finished_on IS NULL OR finished_on > due OR due_at IS NOT NULL;
CREATE INDEX stages_rated_badly ON stages (finished_on) WHERE outcome IN ('fair', 'unsatisfied');
CREATE INDEX stages_reset_after_rating ON stages (start_date) WHERE rule = 'reset-after-rating';
