// SPDX-License-Identifier: MIT
#include "calendar.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace linkctl {

using std::chrono::days;
using std::chrono::weekday;

const char* day_kind_name(DayKind k) {
  switch (k) {
    case DayKind::workday: return "workday";
    case DayKind::weekend: return "weekend";
    case DayKind::holiday: return "holiday";
    case DayKind::makeup_workday: return "make-up workday";
  }
  return "?";
}

DayKind WorkCalendar::kind(Date d) const {
  if (workdays.count(d)) return DayKind::makeup_workday;
  if (holidays.count(d)) return DayKind::holiday;
  if (weekend[weekday(d).c_encoding()]) return DayKind::weekend;
  return DayKind::workday;
}

bool WorkCalendar::is_workday(Date d) const {
  auto k = kind(d);
  return k == DayKind::workday || k == DayKind::makeup_workday;
}

std::optional<Date> WorkCalendar::coverage_end() const {
  if (covered_years.empty()) return std::nullopt;
  using namespace std::chrono;
  return sys_days(year_month_day(year(*covered_years.rbegin()), December, day(31)));
}

namespace {
// The walk steps one day past `d`; past 9999-12-31 a date has no four-digit year to be written in.
Date next_day(Date d, Date trigger, int amount) {
  if (d >= kLastDate)
    throw Error(ErrorKind::usage, fmt::format("{} days from {} would pass {}, the last date linkctl handles; use an earlier date",
                                              amount, format_date(trigger), format_date(kLastDate)));
  return d + days(1);
}
}  // namespace

DueResult working_days_after(const WorkCalendar& cal, Date trigger, int amount) {
  DueResult r{trigger, {}, {}};
  auto note = [&](Date d, int count) {
    r.days.push_back({d, cal.kind(d), count});
    if (!cal.covers(d)) r.uncovered_years.insert(year_of(d));
  };
  if (amount <= 0) {
    Date d = trigger;
    while (!cal.is_workday(d)) {
      note(d, 0);
      d = next_day(d, trigger, amount);
    }
    note(d, 1);
    r.due = d;
    return r;
  }
  int counted = 0;
  Date d = trigger;
  while (counted < amount) {
    d = next_day(d, trigger, amount);
    bool counts = cal.is_workday(d);
    if (counts) ++counted;
    note(d, counts ? counted : 0);
  }
  r.due = d;
  return r;
}

DueResult calendar_days_after(const WorkCalendar& cal, Date trigger, int amount) {
  DueResult r{trigger, {}, {}};
  for (int i = 1; i <= amount; ++i) {
    Date d = next_day(trigger + days(i - 1), trigger, amount);
    r.due = d;
    r.days.push_back({d, cal.kind(d), i});
    if (!cal.covers(d)) r.uncovered_years.insert(year_of(d));
  }
  return r;
}

}  // namespace linkctl
