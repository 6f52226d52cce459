// SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <set>
#include <vector>

#include "date.hpp"

namespace linkctl {

/// How the calendar classifies one day.
enum class DayKind {
  workday,         ///< Monday–Friday, not a holiday
  weekend,         ///< a weekend day that is not a make-up working day
  holiday,         ///< listed as a day off
  makeup_workday,  ///< a weekend day listed as a working day (调休上班)
};

/// "workday", "weekend", "holiday", "make-up workday".
const char* day_kind_name(DayKind k);

/// The working-day calendar: weekends, holidays, make-up working days, and the
/// years the holiday lists cover. Pure value; no I/O.
struct WorkCalendar {
  std::set<Date> holidays;
  std::set<Date> workdays;       ///< make-up working days
  std::set<int> covered_years;   ///< years whose official schedule is listed
  std::array<bool, 7> weekend{true, false, false, false, false, false, true};  ///< by c_encoding (Sun = 0)

  /// Classifies `d`; make-up working days win over the weekend, holidays over weekdays.
  DayKind kind(Date d) const;
  bool is_workday(Date d) const;
  /// True when `d`'s year has a listed schedule (outside it only the weekday rule applies).
  bool covers(Date d) const { return covered_years.count(year_of(d)) > 0; }
  /// The last day of the last covered year, if any year is covered.
  std::optional<Date> coverage_end() const;
};

/// One day looked at while counting towards a due date.
struct DayNote {
  Date day;
  DayKind kind;
  int count = 0;  ///< 1-based position among counted days; 0 when skipped
};

/// A computed due date and how it was reached.
struct DueResult {
  Date due;
  std::vector<DayNote> days;     ///< every day examined, in order
  std::set<int> uncovered_years; ///< years examined that the calendar does not cover
};

/// `amount` working days counted from the day after `trigger`, each day off
/// skipped ("遇节假日顺延"). amount 0 means the trigger day itself, rolled
/// forward to the next working day when it is a day off.
DueResult working_days_after(const WorkCalendar& cal, Date trigger, int amount);

/// `amount` calendar days after `trigger`, no postponement (escalations).
DueResult calendar_days_after(const WorkCalendar& cal, Date trigger, int amount);

}  // namespace linkctl
