// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "policy.hpp"
#include "scoring.hpp"

namespace linkctl {

/// The usual KPIs of one department over a period.
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

/// KPIs of every department (but the office) for the days [first, last], from the
/// stages that started, finished, fell due or were escalated in them. A stage due
/// later than `today` is not judged yet. In the policy's department order. Each level of an
/// approval chain counts in its owing department's approval on-time rate; `filed` counts a
/// ticket once, in its sending department.
std::vector<DepartmentStats> compute_stats(const Policy& policy, Date first, Date last, Date today,
                                           const MonthFacts& facts);

}  // namespace linkctl
