-- SPDX-License-Identifier: MIT
-- linkctl schema, version 3.
-- The monthly report asks for the stages that can carry a penalty. Over a year of
-- tickets, "due this month" or "finished this month" matches a twelfth of all stages,
-- and SQLite rightly preferred scanning the table to reading that much through an
-- index. These partial indexes hold only the candidates: stages that ran late or are
-- still open, ratings that cost points, and resets after rating. The WHERE clauses
-- are repeated word for word in the report's query (Store::month_facts), which is
-- how SQLite knows it may use them.
CREATE INDEX stages_late_by_due ON stages (due) WHERE finished_on IS NULL OR finished_on > due OR due_at IS NOT NULL;
CREATE INDEX stages_rated_badly ON stages (finished_on) WHERE outcome IN ('fair', 'unsatisfied');
CREATE INDEX stages_reset_after_rating ON stages (start_date) WHERE rule = 'reset-after-rating';
