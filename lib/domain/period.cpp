// SPDX-License-Identifier: MIT
#include "period.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {

using namespace std::chrono;

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// ISO 8601: week 1 is the week (Monday first) that holds 4 January.
Date iso_week1_monday(int iso_year) {
  Date jan4 = sys_days(year(iso_year) / January / 4);
  return jan4 - days(weekday(jan4).iso_encoding() - 1);
}

[[noreturn]] void bad(const std::string& option, const std::string& value, const std::string& why) {
  throw Error(ErrorKind::usage, trf("--{} {} {}", option, value, why));
}

Period checked(Period p, const std::string& option, const std::string& value) {
  if (!in_date_range(p.first) || !in_date_range(p.last())) bad(option, value, "is outside the years 0001-9999");
  return p;
}

}  // namespace

std::vector<Date> Period::months() const {
  std::vector<Date> out;
  for (Date m = month_bounds(first).first; m < end; m = month_bounds(m).second + days(1)) out.push_back(m);
  return out;
}

bool Period::whole_months() const {
  return month_bounds(first).first == first && month_bounds(last()).second == last();
}

Period month_period(Date d) {
  auto [first, last] = month_bounds(d);
  return {PeriodKind::month, first, last + days(1), month_of(first)};
}

unsigned iso_weeks_in_year(int iso_year) {
  return static_cast<unsigned>((iso_week1_monday(iso_year + 1) - iso_week1_monday(iso_year)).count() / 7);
}

std::optional<Period> iso_week_period(int iso_year, unsigned week) {
  if (week < 1 || week > iso_weeks_in_year(iso_year)) return std::nullopt;
  Date monday = iso_week1_monday(iso_year) + weeks(week - 1);
  return Period{PeriodKind::week, monday, monday + days(7), fmt::format("{:04}-W{:02}", iso_year, week)};
}

Period parse_period(const PeriodText& t) {
  int given =
      (t.month ? 1 : 0) + (t.week ? 1 : 0) + (t.quarter ? 1 : 0) + (t.year ? 1 : 0) + ((t.from || t.to) ? 1 : 0);
  if (given != 1) throw Error(ErrorKind::usage, trf("give exactly one period: {}", kPeriodForms));
  if (t.month) {
    auto m = parse_month(*t.month);
    if (!m) bad("month", *t.month, "is not a month; write YYYY-MM, e.g. 2026-10");
    return month_period(*m);
  }
  if (t.week) {
    const std::string& s = *t.week;
    if (s.size() != 8 || s[4] != '-' || s[5] != 'W' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(6)) ||
        to_int(s.substr(0, 4)) < 1)
      bad("week", s, "is not an ISO week; write YYYY-Www, e.g. 2026-W44");
    int y = to_int(s.substr(0, 4));
    unsigned w = static_cast<unsigned>(to_int(s.substr(6)));
    auto p = iso_week_period(y, w);
    if (!p) bad("week", s, trf("does not exist: {} has ISO weeks 01 to {:02}", y, iso_weeks_in_year(y)));
    return checked(*p, "week", s);
  }
  if (t.quarter) {
    const std::string& s = *t.quarter;
    if (s.size() != 7 || s[4] != '-' || s[5] != 'Q' || !all_digits(s.substr(0, 4)) || s[6] < '1' || s[6] > '4' ||
        to_int(s.substr(0, 4)) < 1)
      bad("quarter", s, "is not a quarter; write YYYY-Qn (n 1 to 4), e.g. 2026-Q4");
    int y = to_int(s.substr(0, 4));
    unsigned q = static_cast<unsigned>(s[6] - '0');
    Date first = sys_days(year(y) / month(3 * q - 2) / 1);
    Date end = q == 4 ? Date(sys_days(year(y + 1) / January / 1)) : Date(sys_days(year(y) / month(3 * q + 1) / 1));
    return {PeriodKind::quarter, first, end, s};
  }
  if (t.year) {
    const std::string& s = *t.year;
    if (s.size() != 4 || !all_digits(s) || to_int(s) < 1) bad("year", s, "is not a year; write YYYY, e.g. 2026");
    int y = to_int(s);
    return {PeriodKind::year, sys_days(year(y) / January / 1), sys_days(year(y + 1) / January / 1), s};
  }
  if (!t.from || !t.to)
    throw Error(ErrorKind::usage, trf("--from and --to go together (inclusive dates), e.g. --from "
                                      "2026-10-01 --to 2026-10-31"));
  Date from = require_date(*t.from, "--from");
  Date to = require_date(*t.to, "--to");
  if (from > to)
    throw Error(ErrorKind::usage, trf("--from {} is after --to {}; give the earlier date first", *t.from, *t.to));
  return {PeriodKind::range, from, to + days(1), fmt::format("{}..{}", *t.from, *t.to)};
}

}  // namespace linkctl
