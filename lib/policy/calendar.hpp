// SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

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
  std::set<Date> workdays;      ///< make-up working days
  std::set<int> covered_years;  ///< years whose official schedule is listed
  std::array<bool, 7> weekend{true, false, false, false, false, false, true};  ///< by c_encoding (Sun = 0)

  /// Classifies `d`; make-up working days win over the weekend, holidays over weekdays.
  DayKind kind(Date d) const;
  bool is_workday(Date d) const;
  /// True when `d`'s year has a listed schedule (outside it only the weekday rule applies).
  bool covers(Date d) const { return covered_years.count(year_of(d)) > 0; }
  /// The last day of the last covered year, if any year is covered.
  std::optional<Date> coverage_end() const;
};

/// The calendar as JSON: covered_years, weekend, holidays, workdays (as `policy show` prints it).
nlohmann::ordered_json calendar_json(const WorkCalendar& cal);
/// SHA-256 of calendar_json(): what a frozen report records of the calendar it was computed under.
std::string calendar_sha256(const WorkCalendar& cal);

}  // namespace linkctl
