// SPDX-License-Identifier: MIT
#include "period.hpp"

#include <doctest/doctest.h>

#include <map>

#include "error.hpp"

using namespace linkctl;

namespace {
Date d(const char* s) { return *parse_date(s); }

// The options given, by name.
PeriodText text(const std::map<std::string, std::string>& given) {
  PeriodText t;
  for (const auto& [name, value] : given) {
    if (name == "month") t.month = value;
    if (name == "week") t.week = value;
    if (name == "quarter") t.quarter = value;
    if (name == "year") t.year = value;
    if (name == "from") t.from = value;
    if (name == "to") t.to = value;
  }
  return t;
}

std::string period_error(const PeriodText& t) {
  try {
    parse_period(t);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    return e.what();
  }
  FAIL("expected a usage error");
  return "";
}
}  // namespace

// The expected dates below were worked out by hand from the weekday of 1 January:
// 2026-01-01 is a Thursday (2025-01-01 was a Wednesday, 2025 has 365 days), so 4 January
// 2026 is a Sunday and week 1 runs Mon 2025-12-29 .. Sun 2026-01-04; a year starting on a
// Thursday has 53 ISO weeks. 2027-01-01 is a Friday: 52 weeks, and 2027-W01 starts Mon 2027-01-04.
TEST_CASE("ISO weeks: week 1 and week 53 across the year boundary") {
  auto w1 = parse_period(text({{"week", "2026-W01"}}));
  CHECK(w1.kind == PeriodKind::week);
  CHECK(w1.first == d("2025-12-29"));
  CHECK(w1.last() == d("2026-01-04"));
  CHECK(w1.label == "2026-W01");
  CHECK(iso_weeks_in_year(2026) == 53);
  auto w53 = parse_period(text({{"week", "2026-W53"}}));
  CHECK(w53.first == d("2026-12-28"));
  CHECK(w53.last() == d("2027-01-03"));
  CHECK(iso_weeks_in_year(2027) == 52);
  CHECK(parse_period(text({{"week", "2027-W01"}})).first == d("2027-01-04"));
  CHECK(parse_period(text({{"week", "2027-W52"}})).last() == d("2028-01-02"));  // 2028-01-01 is a Saturday
  // 2020 is a leap year starting on a Wednesday: 53 weeks, W53 = 2020-12-28 .. 2021-01-03.
  CHECK(iso_weeks_in_year(2020) == 53);
  CHECK(parse_period(text({{"week", "2020-W53"}})).last() == d("2021-01-03"));
  // 2021-01-01 is a Friday: week 1 starts 2021-01-04, and 2021 has 52 weeks.
  CHECK(parse_period(text({{"week", "2021-W01"}})).first == d("2021-01-04"));
  CHECK(iso_weeks_in_year(2021) == 52);
}

TEST_CASE("a week spanning a month boundary") {
  // 2025-12-29 + 43 weeks = day 299 of 2026 = 26 October (a Monday).
  auto w = parse_period(text({{"week", "2026-W44"}}));
  CHECK(w.first == d("2026-10-26"));
  CHECK(w.last() == d("2026-11-01"));
  CHECK(weekday_name(w.first) == "Mon");
  CHECK(w.months() == std::vector<Date>{d("2026-10-01"), d("2026-11-01")});
  CHECK_FALSE(w.whole_months());
}

TEST_CASE("months, quarters, years and inclusive date ranges") {
  auto m = parse_period(text({{"month", "2026-02"}}));
  CHECK(m.first == d("2026-02-01"));
  CHECK(m.end == d("2026-03-01"));
  CHECK(m.label == "2026-02");
  CHECK(m.whole_months());
  auto q = parse_period(text({{"quarter", "2026-Q4"}}));
  CHECK(q.first == d("2026-10-01"));
  CHECK(q.last() == d("2026-12-31"));
  CHECK(q.months() == std::vector<Date>{d("2026-10-01"), d("2026-11-01"), d("2026-12-01")});
  CHECK(parse_period(text({{"quarter", "2024-Q1"}})).last() == d("2024-03-31"));
  auto y = parse_period(text({{"year", "2026"}}));
  CHECK(y.first == d("2026-01-01"));
  CHECK(y.last() == d("2026-12-31"));
  CHECK(y.months().size() == 12);
  CHECK(y.label == "2026");
  auto r = parse_period(text({{"from", "2026-10-01"}, {"to", "2026-10-31"}}));
  CHECK(r.kind == PeriodKind::range);
  CHECK(r.first == d("2026-10-01"));
  CHECK(r.end == d("2026-11-01"));
  CHECK(r.label == "2026-10-01..2026-10-31");
  CHECK(parse_period(text({{"from", "2026-10-05"}, {"to", "2026-10-05"}})).end == d("2026-10-06"));
}

TEST_CASE("every bad period form is a usage error naming the problem") {
  const std::string forms =
      "give exactly one period: --month 2026-10, --week 2026-W44, --quarter 2026-Q4, --year 2026 or --from "
      "2026-10-01 --to 2026-10-31";
  CHECK(period_error({}) == forms);
  CHECK(period_error(text({{"month", "2026-10"}, {"year", "2026"}})) == forms);
  CHECK(period_error(text({{"week", "2026-W44"}, {"from", "2026-10-01"}, {"to", "2026-10-31"}})) == forms);
  CHECK(period_error(text({{"month", "2026-9"}})) == "--month 2026-9 is not a month; write YYYY-MM, e.g. 2026-10");
  CHECK(period_error(text({{"week", "2027-W53"}})) == "--week 2027-W53 does not exist: 2027 has ISO weeks 01 to 52");
  CHECK(period_error(text({{"week", "2026-W00"}})) == "--week 2026-W00 does not exist: 2026 has ISO weeks 01 to 53");
  CHECK(period_error(text({{"week", "2026-44"}})) ==
        "--week 2026-44 is not an ISO week; write YYYY-Www, e.g. 2026-W44");
  CHECK(period_error(text({{"week", "2026-W4"}})) ==
        "--week 2026-W4 is not an ISO week; write YYYY-Www, e.g. 2026-W44");
  CHECK(period_error(text({{"quarter", "2026-Q5"}})) ==
        "--quarter 2026-Q5 is not a quarter; write YYYY-Qn (n 1 to 4), e.g. 2026-Q4");
  CHECK(period_error(text({{"quarter", "2026Q4"}})) ==
        "--quarter 2026Q4 is not a quarter; write YYYY-Qn (n 1 to 4), e.g. 2026-Q4");
  CHECK(period_error(text({{"year", "26"}})) == "--year 26 is not a year; write YYYY, e.g. 2026");
  CHECK(period_error(text({{"year", "0000"}})) == "--year 0000 is not a year; write YYYY, e.g. 2026");
  CHECK(period_error(text({{"from", "2026-10-01"}})) ==
        "--from and --to go together (inclusive dates), e.g. --from 2026-10-01 --to 2026-10-31");
  CHECK(period_error(text({{"to", "2026-10-31"}})) ==
        "--from and --to go together (inclusive dates), e.g. --from 2026-10-01 --to 2026-10-31");
  CHECK(period_error(text({{"from", "2026-10-31"}, {"to", "2026-10-01"}})) ==
        "--from 2026-10-31 is after --to 2026-10-01; give the earlier date first");
  CHECK(period_error(text({{"from", "2026-02-30"}, {"to", "2026-03-01"}})) ==
        "--from '2026-02-30' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30");
  CHECK(period_error(text({{"week", "9999-W52"}})) == "--week 9999-W52 is outside the years 0001-9999");
}
