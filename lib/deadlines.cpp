// SPDX-License-Identifier: MIT
#include "deadlines.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace linkctl {

DueDate due_after(const Policy& policy, const Deadline& rule, Severity severity, Instant at, Date on) {
  int amount = rule.for_severity(severity);
  switch (rule.unit) {
    case DueUnit::working_days: {
      auto walk = working_days_after(policy.calendar, on, amount);
      return {walk.due, std::nullopt, walk};
    }
    case DueUnit::calendar_days: {
      auto walk = calendar_days_after(policy.calendar, on, amount);
      return {walk.due, std::nullopt, walk};
    }
    case DueUnit::hours: {
      Instant due_at = at + std::chrono::hours(amount);
      Date due = policy.organization.timezone.local_date(due_at);
      if (!in_date_range(due) || !in_date_range(std::chrono::floor<std::chrono::days>(due_at)))
        throw Error(ErrorKind::usage, fmt::format("{} hours from {} would pass {}, the last date linkctl handles; use an earlier date",
                                                  amount, format_date(on), format_date(kLastDate)));
      auto walk = calendar_days_after(policy.calendar, on, static_cast<int>((due - on).count()));
      return {due, due_at, walk};
    }
  }
  return {on, std::nullopt, {}};
}

std::optional<Deadline> stage_rule(const Policy& policy, std::string_view stage, const Category* category) {
  const auto& d = policy.deadlines;
  if (stage == "approval") return d.approval;
  if (stage == "feedback") return category ? policy.feedback_rule(*category) : d.feedback;
  if (stage == "review") return d.review;
  if (stage == "escalated") return d.escalated;
  if (stage == "reset") return d.reset;
  return std::nullopt;
}

}  // namespace linkctl
