// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <optional>
#include <vector>

#include "period.hpp"
#include "period_report.hpp"
#include "scoring.hpp"
#include "session.hpp"
#include "stats.hpp"

namespace linkctl {

/// A month's report: the frozen snapshot when there is one, else computed now.
struct ReportResult {
  MonthlyReport report;
  std::optional<FrozenReport> frozen;
};

/// Scores the month of `month_first`, limited to the departments the actor may see.
/// A frozen month comes from its snapshot, checked against the event that froze it.
ReportResult monthly_report(Session& s, Date month_first);

/// The titles of the tickets `r`'s penalties name (the published month's detail), by id.
std::map<std::int64_t, std::string> penalty_titles(Session& s, const MonthlyReport& r);
/// The titles of the tickets a period's penalties name, by id.
std::map<std::int64_t, std::string> penalty_titles(Session& s, const PeriodReport& r);

/// Scores every whole month of `period` (a quarter, a year) as monthly_report does, frozen
/// months from their snapshots, and sums them; months after today are "not begun".
PeriodReport period_report(Session& s, const Period& period);

/// Computes and stores the month's snapshot (supervisors; the month must be over; once).
FrozenReport freeze_month(Session& s, Date month_first);

/// The usual KPIs per department over `period`, among the departments the actor may see.
std::vector<DepartmentStats> period_stats(Session& s, const Period& period);

}  // namespace linkctl
