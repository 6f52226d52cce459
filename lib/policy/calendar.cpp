// SPDX-License-Identifier: MIT
#include "calendar.hpp"

#include "hash.hpp"

namespace linkctl {

using std::chrono::days;
using std::chrono::weekday;

const char* day_kind_name(DayKind k) {
  switch (k) {
    case DayKind::workday:
      return "workday";
    case DayKind::weekend:
      return "weekend";
    case DayKind::holiday:
      return "holiday";
    case DayKind::makeup_workday:
      return "make-up workday";
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

nlohmann::ordered_json calendar_json(const WorkCalendar& c) {
  nlohmann::ordered_json cal;
  cal["covered_years"] = c.covered_years;
  auto weekend = nlohmann::ordered_json::array();
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int i = 0; i < 7; ++i)
    if (c.weekend[static_cast<std::size_t>(i)]) weekend.push_back(names[i]);
  cal["weekend"] = weekend;
  cal["holidays"] = nlohmann::ordered_json::array();
  for (auto d : c.holidays) cal["holidays"].push_back(format_date(d));
  cal["workdays"] = nlohmann::ordered_json::array();
  for (auto d : c.workdays) cal["workdays"].push_back(format_date(d));
  return cal;
}

std::string calendar_sha256(const WorkCalendar& c) { return sha256_hex(calendar_json(c).dump()); }

}  // namespace linkctl
