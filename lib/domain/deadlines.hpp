// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "policy.hpp"

namespace linkctl {

/// One day looked at while counting towards a due date.
struct DayNote {
  Date day;
  DayKind kind;
  int count = 0;  ///< 1-based position among counted days; 0 when skipped
};

/// A computed due date and how it was reached.
struct DueResult {
  Date due;
  std::vector<DayNote> days;      ///< every day examined, in order
  std::set<int> uncovered_years;  ///< years examined that the calendar does not cover
};

/// `amount` working days counted from the day after `trigger`, each day off
/// skipped ("遇节假日顺延"). amount 0 means the trigger day itself, rolled
/// forward to the next working day when it is a day off.
DueResult working_days_after(const WorkCalendar& cal, Date trigger, int amount);

/// `amount` calendar days after `trigger`, no postponement (escalations).
DueResult calendar_days_after(const WorkCalendar& cal, Date trigger, int amount);

/// A due date set when a stage starts, with the working-day walk that produced it.
struct DueDate {
  Date due;
  std::optional<Instant> due_at;  ///< hour-based rules only
  DueResult walk;
};

/// Applies `rule` for `severity` to a trigger at `at` (local date `on`):
/// working days from the day after (0: the day itself, rolled to a working
/// day), calendar days with no postponement, or hours from the instant.
DueDate due_after(const Policy& policy, const Deadline& rule, Severity severity, Instant at, Date on);

/// The [deadlines] rule named `stage` (approval, feedback, review, escalated,
/// reset); feedback takes the category's override when `category` is given.
std::optional<Deadline> stage_rule(const Policy& policy, std::string_view stage, const Category* category);

/// `calendar due`: from a date, a rule and the severity it is read for.
struct DueQuery {
  Date from{};
  Deadline rule;
  Severity severity = Severity::normal;
};

/// The query `calendar due` asks: `days` working days (calendar days with
/// `calendar_days`), or the policy's rule for `stage` (approval, feedback, review,
/// escalated, reset) read for `severity`, feedback with `category`'s override.
/// Throws Error(usage) or Error(not_found) naming what is missing or unknown.
DueQuery due_query(const Policy& policy, Date from, std::optional<int> days, bool calendar_days,
                   const std::string& stage, const std::string& severity, const std::string& category);

}  // namespace linkctl
