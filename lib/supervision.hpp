// SPDX-License-Identifier: MIT
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scoring.hpp"
#include "workflow.hpp"

namespace linkctl {

/// A stage that missed a due date and is still not finished.
struct Lapse : OpenStage {
  Date missed{};     ///< the due date it missed (the escalation's, once that lapsed too)
  int days_late = 0; ///< calendar days from `missed` to today
};

/// Which lapses to list.
struct LapseFilter {
  std::optional<std::string> dept;   ///< the department that owes the stage
  std::optional<Severity> severity;
};

/// Open stages past a due date, among the tickets the actor may see, oldest lapse first.
std::vector<Lapse> overdue_lapses(Session& s, const LapseFilter& f);

/// The lapses not announced before; records them (one event) so that no later
/// call announces them again. One write transaction.
std::vector<Lapse> announce_new_lapses(Session& s, const LapseFilter& f);

/// A month's report: the frozen snapshot when there is one, else computed now.
struct ReportResult {
  MonthlyReport report;
  std::optional<FrozenReport> frozen;
};
/// Scores the month of `month_first`, limited to the departments the actor may see.
ReportResult monthly_report(Session& s, Date month_first);
/// Computes and stores the month's snapshot (supervisors; the month must be over; once).
FrozenReport freeze_month(Session& s, Date month_first);

/// A reproducible sample of `count` done tickets rated in the month: the same
/// month, count and seed give the same tickets.
std::vector<Ticket> spotcheck_sample(Session& s, Date month_first, int count, const std::string& seed);
/// Records a spot check of a done ticket (supervisors): one event, and a
/// fake finding costs the receiving department points in this month.
Applied record_spotcheck(Session& s, std::int64_t id, bool fake, const std::optional<std::string>& note);

/// The usual KPIs per department for a month.
struct DepartmentStats {
  std::string dept;
  int filed = 0, received = 0;
  int approval_due = 0, approval_on_time = 0;
  int feedback_due = 0, feedback_on_time = 0;
  int review_due = 0, review_on_time = 0;
  std::optional<double> median_days_to_answer;
  int satisfied = 0, fair = 0, unsatisfied = 0;
  int resets = 0, escalations = 0;
};
std::vector<DepartmentStats> month_stats(Session& s, Date month_first);
Rows stats_rows(const std::vector<DepartmentStats>& stats);

/// First and last day of the month holding `d`.
std::pair<Date, Date> month_bounds(Date d);

}  // namespace linkctl
