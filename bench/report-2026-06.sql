-- The monthly report's penalties for 2026-06 counted by hand in one SQL statement, as a
-- baseline for `linkctl report monthly`: per department and rule, the stages late against
-- a due date in the month (explained late answers excused), escalations still late, bad
-- ratings charged to the answering department, resets after rating (both departments) and
-- fake handling found by spot checks. Its counts equal the rows of `report --detail`
-- (less the bonus-threshold rows). Uses the same indexes as linkctl's query.
SELECT dept, rule, count(*) FROM (
  SELECT s.dept AS dept, s.kind || '_overdue' AS rule FROM stages s
   WHERE s.due BETWEEN '2026-06-01' AND '2026-06-30' AND (s.finished_on IS NULL OR s.finished_on > s.due OR s.due_at IS NOT NULL)
     AND s.explained_at IS NULL
  UNION ALL
  SELECT s.dept, 'escalated_overdue' FROM stages s
   WHERE s.escalated_due BETWEEN '2026-06-01' AND '2026-06-30' AND (s.finished_on IS NULL OR s.finished_on > s.escalated_due)
  UNION ALL
  SELECT (SELECT f.dept FROM stages f WHERE f.ticket_id = s.ticket_id AND f.kind = 'feedback' AND f.id < s.id ORDER BY f.id DESC LIMIT 1),
         'rated_' || s.outcome FROM stages s
   WHERE s.finished_on BETWEEN '2026-06-01' AND '2026-06-30' AND s.outcome IN ('fair', 'unsatisfied')
  UNION ALL
  SELECT t.from_dept, 'supervisor_reset' FROM stages s JOIN tickets t ON t.id = s.ticket_id
   WHERE s.start_date BETWEEN '2026-06-01' AND '2026-06-30' AND s.rule = 'reset-after-rating'
  UNION ALL
  SELECT s.dept, 'supervisor_reset' FROM stages s
   WHERE s.start_date BETWEEN '2026-06-01' AND '2026-06-30' AND s.rule = 'reset-after-rating'
  UNION ALL
  SELECT dept, 'fake_handling' FROM spotchecks WHERE on_date BETWEEN '2026-06-01' AND '2026-06-30' AND finding = 'fake'
) GROUP BY 1, 2;
