// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"

namespace linkctl {

/// The forms a period is written in on the command line.
enum class PeriodKind { month, week, quarter, year, range };

/// A span of local dates, half-open [first, end), with its canonical label:
/// "2026-10", "2026-W44", "2026-Q4", "2026" or "2026-10-01..2026-10-31".
struct Period {
  PeriodKind kind = PeriodKind::month;
  Date first{};
  Date end{};  ///< the day after the last day
  std::string label;

  /// The last day in the period.
  Date last() const { return end - std::chrono::days(1); }
  /// The first day of every month the period touches, in order.
  std::vector<Date> months() const;
  /// True when the period starts on a month's first day and ends on a month's last day.
  bool whole_months() const;
};

/// What the user gave for each period option (nullopt: not given).
struct PeriodText {
  std::optional<std::string> month, week, quarter, year, from, to;
};

/// The one line naming every accepted form, for error messages.
inline constexpr const char* kPeriodForms =
    "--month 2026-10, --week 2026-W44, --quarter 2026-Q4, --year 2026 or --from 2026-10-01 --to 2026-10-31";

/// The month holding `d`.
Period month_period(Date d);
/// ISO 8601 week `week` of ISO year `iso_year` (Monday to Sunday); nullopt when the year has no such week.
std::optional<Period> iso_week_period(int iso_year, unsigned week);
/// How many ISO weeks (52 or 53) the ISO year has.
unsigned iso_weeks_in_year(int iso_year);
/// Parses exactly one period form; anything else (none, two, a malformed value, --from after
/// --to, a week the year does not have) is a usage Error naming the problem and the forms.
Period parse_period(const PeriodText& text);

}  // namespace linkctl
