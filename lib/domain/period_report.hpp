// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scoring.hpp"

namespace linkctl {

/// How one month of a multi-month report was obtained.
struct MonthSource {
  std::string month;                ///< YYYY-MM
  std::string state;                ///< "frozen", "computed" (afresh) or "not begun" (after today)
  std::int64_t policy_version = 0;  ///< frozen months: the policy version it was frozen under
  Date as_of{};                     ///< the day the month's scores were computed (or frozen as of)
};

/// One department over several months.
struct PeriodDepartmentScore {
  std::string code, name;
  int base = 0;
  std::vector<std::optional<int>> month_scores;  ///< one per month; nullopt: no score that month
  std::map<std::string, int> points;             ///< by rule, negative: the sum of the months'
  int bonus_deduction = 0;                       ///< yuan, negative: the sum of the months'
};

/// A penalty with the month it belongs to (SPEC section 6).
struct PeriodPenalty {
  std::string month;
  Penalty penalty;
};

/// Scores over whole months: each month's score side by side and the period's totals.
struct PeriodReport {
  std::string label;  ///< 2026-Q4, 2026
  std::vector<MonthSource> months;
  std::vector<PeriodDepartmentScore> departments;
  std::vector<PeriodPenalty> penalties;
};

/// Sums the monthly reports (nullopt: a month not begun) of `sources`, in the same order,
/// into one period: nothing is scored again, so the period is exactly the sum of its months.
/// Departments in the order they first appear; the name is the latest month's.
PeriodReport combine_months(const std::string& label, const std::vector<MonthSource>& sources,
                            const std::vector<std::optional<MonthlyReport>>& months);

/// department, base, one column per month (its score), the seven penalty rules (totals),
/// bonus_deduction, frozen_months (the months taken from frozen snapshots, space-separated).
std::vector<std::string> period_score_columns(const PeriodReport& r);
/// One department's row under period_score_columns(); a month without a score is null.
nlohmann::ordered_json period_score_row(const PeriodReport& r, const PeriodDepartmentScore& d);
/// The report as one object: period, months (month, state, policy_version, as_of), departments.
nlohmann::ordered_json period_report_json(const PeriodReport& r);

}  // namespace linkctl
