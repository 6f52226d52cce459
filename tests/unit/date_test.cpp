// SPDX-License-Identifier: MIT
#include "date.hpp"

#include <doctest/doctest.h>

#include "error.hpp"

using namespace linkctl;

TEST_CASE("dates are parsed strictly and must exist") {
  CHECK(parse_date("2026-02-28"));
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-1-01"));
  CHECK_FALSE(parse_date("2026/01/01"));
  CHECK_FALSE(parse_date("2026-01-01x"));
  CHECK_FALSE(parse_date(""));
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK(format_date(*parse_date("2026-09-20")) == "2026-09-20");
  CHECK(weekday_name(*parse_date("2026-09-20")) == "Sun");
  try {
    require_date("2026-02-30", "--from");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(std::string(e.what()).find("2026-02-30") != std::string::npos);
  }
}

TEST_CASE("months") {
  CHECK(parse_month("2026-11") == parse_date("2026-11-01"));
  CHECK_FALSE(parse_month("2026-13"));
  CHECK_FALSE(parse_month("2026-1"));
  CHECK(month_of(*parse_date("2026-11-30")) == "2026-11");
}

TEST_CASE("instants: UTC text round-trips; local times use the zone's offset") {
  auto tz = TimeZone::find("Asia/Shanghai");
  REQUIRE(tz);
  auto t = tz->parse_iso("2026-11-16T09:00");
  REQUIRE(t);
  CHECK(format_instant(*t) == "2026-11-16T01:00:00Z");
  CHECK(parse_utc_instant("2026-11-16T01:00:00Z") == t);
  CHECK(tz->local_date(*parse_utc_instant("2026-11-15T16:00:00Z")) == *parse_date("2026-11-16"));
  CHECK(tz->local_date(*parse_utc_instant("2026-11-15T15:59:59Z")) == *parse_date("2026-11-15"));
  CHECK(format_instant(*tz->parse_iso("2026-11-16T09:00:00+00:00")) == "2026-11-16T09:00:00Z");
  CHECK(format_instant(*tz->parse_iso("2026-11-16T09:00:00Z")) == "2026-11-16T09:00:00Z");
  CHECK(format_instant(*tz->parse_iso("2026-11-16")) == "2026-11-16T01:00:00Z");  // a bare date is 09:00 local
  CHECK(tz->format_local(*t) == "2026-11-16 09:00");
}

TEST_CASE("malformed times are refused") {
  auto tz = *TimeZone::find("UTC");
  CHECK_FALSE(tz.parse_iso("2026-11-16T24:00"));
  CHECK_FALSE(tz.parse_iso("2026-11-16T23:60"));
  CHECK_FALSE(tz.parse_iso("2026-02-30T10:00"));
  CHECK_FALSE(tz.parse_iso("2026-11-16T10:00+25:00"));
  CHECK_FALSE(tz.parse_iso("2026-11-16Tnoon"));
  CHECK_FALSE(tz.parse_iso("yesterday"));
  CHECK_FALSE(parse_utc_instant("2026-11-16T01:00:00"));
}

TEST_CASE("time zones: fixed offsets and unknown names") {
  CHECK(TimeZone::find("UTC+08:00"));
  CHECK(TimeZone::find("UTC+08:00")->offset_at(Instant{}) == std::chrono::hours(8));
  CHECK(TimeZone::find("Asia/Shanghai")->offset_at(Instant{}) == std::chrono::hours(8));
  CHECK_FALSE(TimeZone::find("Mars/Olympus_Mons"));
  CHECK_FALSE(TimeZone::find("../../etc/passwd"));
}
