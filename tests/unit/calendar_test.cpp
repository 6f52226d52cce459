// SPDX-License-Identifier: MIT
#include "calendar.hpp"

#include <doctest/doctest.h>

#include "deadlines.hpp"
#include "helpers.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

Date due_wd(const Policy& p, const char* from, int n) { return working_days_after(p.calendar, D(from), n).due; }
Date due_cd(const Policy& p, const char* from, int n) { return calendar_days_after(p.calendar, D(from), n).due; }

}  // namespace

TEST_CASE("a day's kind: weekend, holiday, make-up workday") {
  auto p = builtin();
  CHECK(p->calendar.kind(D("2026-11-16")) == DayKind::workday);         // Monday
  CHECK(p->calendar.kind(D("2026-11-21")) == DayKind::weekend);         // Saturday
  CHECK(p->calendar.kind(D("2026-10-01")) == DayKind::holiday);         // National Day
  CHECK(p->calendar.kind(D("2026-10-03")) == DayKind::holiday);         // a Saturday inside the holiday
  CHECK(p->calendar.kind(D("2026-09-20")) == DayKind::makeup_workday);  // Sunday, 调休上班
  CHECK(p->calendar.is_workday(D("2026-09-20")));
  CHECK_FALSE(p->calendar.is_workday(D("2026-10-08") - std::chrono::days(1)));
  CHECK(p->calendar.is_workday(D("2026-10-08")));
}

TEST_CASE("SPEC 4 example 1: urgent approved Tue 2026-09-29, 3 WD across National Day -> 2026-10-09") {
  auto p = builtin();
  auto r = working_days_after(p->calendar, D("2026-09-29"), 3);
  CHECK(r.due == D("2026-10-09"));
  // Day 1 is Wed 09-30; Oct 1-7 are skipped; 10-08 is day 2, 10-09 day 3.
  REQUIRE(r.days.size() == 10);
  CHECK(r.days.front().day == D("2026-09-30"));
  CHECK(r.days.front().count == 1);
  CHECK(r.days[1].kind == DayKind::holiday);
  CHECK(r.days[1].count == 0);
  CHECK(r.days[8].day == D("2026-10-08"));
  CHECK(r.days[8].count == 2);
  CHECK(r.days[9].count == 3);
}

TEST_CASE("SPEC 4 example 2: major approved Fri 2026-09-18, make-up Sunday counts -> 2026-10-09") {
  auto p = builtin();
  auto r = working_days_after(p->calendar, D("2026-09-18"), 10);
  CHECK(r.due == D("2026-10-09"));
  CHECK(r.days[0].kind == DayKind::weekend);         // Sat 09-19
  CHECK(r.days[1].kind == DayKind::makeup_workday);  // Sun 09-20 is day 1
  CHECK(r.days[1].count == 1);
}

TEST_CASE("SPEC 4 example 3: escalation counts calendar days with no postponement; a reset does not") {
  auto p = builtin();
  // normal escalated Wed 2026-09-30: 2 calendar days, 10-02 is a holiday and stays the due date.
  auto escalated = due_after(*p, p->deadlines.escalated, Severity::normal, Instant(D("2026-09-30")), D("2026-09-30"));
  CHECK(escalated.due == D("2026-10-02"));
  // The same ticket reset on 09-30: 2 working days -> 10-09.
  auto reset = due_after(*p, p->deadlines.reset, Severity::normal, Instant(D("2026-09-30")), D("2026-09-30"));
  CHECK(reset.due == D("2026-10-09"));
}

TEST_CASE("SPEC 4 example 4: approval is due the filing day, rolled to a working day") {
  auto p = builtin();
  CHECK(due_wd(*p, "2026-10-03", 0) == D("2026-10-08"));  // filed on a holiday Saturday
  CHECK(due_wd(*p, "2026-11-16", 0) == D("2026-11-16"));  // filed Monday 09:00
  // The same through the policy's approval rule, with a time of day.
  auto at = p->organization.timezone.parse_iso("2026-11-16T09:00");
  REQUIRE(at);
  auto approval = due_after(*p, p->deadlines.approval, Severity::major, *at, D("2026-11-16"));
  CHECK(approval.due == D("2026-11-16"));
}

TEST_CASE("SPEC 4 example 5: answer confirmed Fri 2026-02-13 -> Sat 02-14 is a make-up workday -> review due 02-14") {
  auto p = builtin();
  auto r = due_after(*p, p->deadlines.review, Severity::normal, Instant(D("2026-02-13")), D("2026-02-13"));
  CHECK(r.due == D("2026-02-14"));
}

TEST_CASE("SPEC 4 example 6: delivery-related normal approved Mon 2026-11-16 -> 10 WD -> 2026-11-30") {
  auto p = builtin();
  const Category* c = p->category("delivery-late-or-not-to-door");
  REQUIRE(c);
  auto rule = p->feedback_rule(*c);
  CHECK(rule.for_severity(Severity::normal) == 10);
  auto r = due_after(*p, rule, Severity::normal, Instant(D("2026-11-16")), D("2026-11-16"));
  CHECK(r.due == D("2026-11-30"));
  // A category without the override keeps the 5 days of [deadlines].
  CHECK(p->feedback_rule(*p->category("long-time-no-order")).for_severity(Severity::normal) == 5);
}

TEST_CASE("SPEC 4 example 7: outside the covered years only the weekday rule applies, and it is flagged") {
  auto p = builtin();
  CHECK(p->calendar.covers(D("2026-12-31")));
  CHECK_FALSE(p->calendar.covers(D("2027-01-01")));
  // 2027-01-01 is a Friday: without a 2027 schedule it is a working day.
  CHECK(p->calendar.is_workday(D("2027-01-01")));
  auto r = working_days_after(p->calendar, D("2026-12-30"), 3);
  CHECK(r.due == D("2027-01-04"));  // Thu 12-31, Fri 01-01, Mon 01-04
  CHECK(r.uncovered_years == std::set<int>{2027});
  auto inside = working_days_after(p->calendar, D("2026-11-16"), 3);
  CHECK(inside.uncovered_years.empty());
}

TEST_CASE("calendar days of 0 and working days of 0 on a working day are the trigger day") {
  auto p = builtin();
  CHECK(due_cd(*p, "2026-10-01", 0) == D("2026-10-01"));
  CHECK(due_wd(*p, "2026-09-30", 0) == D("2026-09-30"));
  CHECK(due_wd(*p, "2026-09-25", 0) == D("2026-09-28"));  // 中秋 Fri -> Mon
}

TEST_CASE("escalation never lands later because of holidays; urgent escalated 1 day on 10-07 is 10-08") {
  auto p = builtin();
  CHECK(due_cd(*p, "2026-09-30", 1) == D("2026-10-01"));
  CHECK(due_cd(*p, "2026-09-30", 3) == D("2026-10-03"));
  CHECK(due_cd(*p, "2026-10-07", 1) == D("2026-10-08"));
}

TEST_CASE("a custom weekend (Friday and Saturday) moves the working days") {
  auto text = replace(kMiniPolicy, "[calendar]\n", "[calendar]\nweekend = [\"fri\", \"sat\"]\n");
  auto p = load_ok(text);
  CHECK_FALSE(p->calendar.is_workday(D("2026-11-20")));  // Friday
  CHECK(p->calendar.is_workday(D("2026-11-22")));        // Sunday
}

TEST_CASE("hour-based deadlines add hours to the instant; the due date is the local date of the result") {
  auto text = replace(kMiniPolicy, "feedback = { major = 10, urgent = 3, normal = 5 }",
                      "feedback = { major = 24, urgent = 24, normal = 24, unit = \"hours\" }");
  auto p = load_ok(text);
  auto at = p->organization.timezone.parse_iso("2026-11-20T18:30");  // Friday evening, Beijing time
  REQUIRE(at);
  auto r = due_after(*p, p->deadlines.feedback, Severity::normal, *at, D("2026-11-20"));
  REQUIRE(r.due_at);
  CHECK(format_instant(*r.due_at) == "2026-11-21T10:30:00Z");  // 18:30 local on Saturday
  CHECK(r.due == D("2026-11-21"));
}
