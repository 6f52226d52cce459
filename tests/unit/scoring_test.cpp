// SPDX-License-Identifier: MIT
// SPEC section 6 on hand-made facts: each rule, the month a penalty belongs to,
// the bonus rules, and the departments a report lists. Every figure is worked out
// by hand from the rule, not from the code.
#include "scoring.hpp"

#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

struct Month {
  std::shared_ptr<const Policy> policy = load_ok(kMiniPolicy);
  MonthFacts facts;
  std::int64_t next = 1;

  void add(Stage s, const char* from = "market", const char* answering = "") {
    facts.stages.push_back({next++, std::move(s), from, answering});
  }
  MonthlyReport score(const char* as_of = "2026-11-05") {
    return score_month(*policy, D("2026-10-01"), D(as_of), at(as_of), facts);
  }
};

int points(const MonthlyReport& r, const std::string& dept, const std::string& rule) {
  for (const auto& d : r.departments)
    if (d.code == dept) return d.points.count(rule) ? d.points.at(rule) : 0;
  FAIL("no department " << dept);
  return 0;
}

const DepartmentScore& dept(const MonthlyReport& r, const std::string& code) {
  for (const auto& d : r.departments)
    if (d.code == code) return d;
  FAIL("no department " << code);
  throw;
}

}  // namespace

TEST_CASE("each lateness rule costs its own department, in the month of the missed due date") {
  Month m;
  auto approval = stage(StageKind::approval, StageRule::approval, "market", "2026-10-08", "2026-10-08");
  m.add(finish(approval, "2026-10-09", "approved"));  // a day late: market -1
  auto feedback = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-09", "2026-10-16");
  m.add(feedback);  // never answered, due in October: logistics -2
  auto review = stage(StageKind::review, StageRule::review, "market", "2026-10-20", "2026-10-21");
  m.add(finish(review, "2026-10-22", "satisfied"), "market", "logistics");  // reviewed late: market -1
  auto september = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-09-14", "2026-09-28");
  m.add(finish(september, "2026-10-09", "answered"));  // late, but due in September: not October's
  auto on_time = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-12", "2026-10-19");
  m.add(finish(on_time, "2026-10-19", "answered"));  // on the due date: on time
  auto r = m.score();
  CHECK(points(r, "market", "approval_overdue") == -1);
  CHECK(points(r, "logistics", "feedback_overdue") == -2);
  CHECK(points(r, "market", "review_overdue") == -1);
  CHECK(dept(r, "market").score == 98);
  CHECK(dept(r, "logistics").score == 98);
  CHECK(r.penalties.size() == 3);
}

TEST_CASE("an explanation excuses a late answer; an open stage counts only once its due date has passed") {
  Month m;
  auto explained = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-09", "2026-10-16");
  explained.explained_at = at("2026-10-15");
  m.add(explained);
  auto pending = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-20", "2026-10-30");
  m.add(pending);
  CHECK(points(m.score("2026-10-30"), "logistics", "feedback_overdue") == 0);   // due today: not late yet
  CHECK(points(m.score("2026-10-31"), "logistics", "feedback_overdue") == -2);  // the explained one never counts
}

TEST_CASE("ratings cost the department that answered, in the month rated") {
  Month m;
  auto fair = stage(StageKind::review, StageRule::review, "market", "2026-10-20", "2026-10-21");
  m.add(finish(fair, "2026-10-21", "fair"), "market", "logistics");
  auto bad = stage(StageKind::review, StageRule::review, "market", "2026-10-22", "2026-10-23");
  m.add(finish(bad, "2026-10-23", "unsatisfied"), "market", "logistics");
  auto good = stage(StageKind::review, StageRule::review, "market", "2026-10-26", "2026-10-27");
  m.add(finish(good, "2026-10-26", "satisfied"), "market", "logistics");
  auto r = m.score();
  CHECK(points(r, "logistics", "rated_fair") == -1);
  CHECK(points(r, "logistics", "rated_unsatisfied") == -2);
  CHECK(dept(r, "logistics").score == 97);
  CHECK(dept(r, "market").score == 100);
}

TEST_CASE("a supervisor's reset after rating costs both departments; a fake finding the receiving one") {
  Month m;
  auto reset = stage(StageKind::feedback, StageRule::reset_after_rating, "logistics", "2026-10-14", "2026-10-19");
  m.add(finish(reset, "2026-10-16", "answered"), "market");
  auto plain_reset = stage(StageKind::feedback, StageRule::reset, "logistics", "2026-10-14", "2026-10-19");
  m.add(finish(plain_reset, "2026-10-16", "answered"), "market");  // the sender's own reset costs nothing
  m.facts.spotchecks.push_back({7, D("2026-10-30"), "logistics", true});
  m.facts.spotchecks.push_back({8, D("2026-10-30"), "logistics", false});
  m.facts.spotchecks.push_back({9, D("2026-11-02"), "logistics", true});  // November's
  auto r = m.score();
  CHECK(points(r, "market", "supervisor_reset") == -2);
  CHECK(points(r, "logistics", "supervisor_reset") == -2);
  CHECK(points(r, "logistics", "fake_handling") == -2);
  CHECK(dept(r, "logistics").score == 96);
}

TEST_CASE("bonus rules: more than three late-or-escalated tickets, and an escalation missed, cost the head yuan") {
  Month m;
  for (const char* due : {"2026-10-12", "2026-10-13", "2026-10-14"})
    m.add(stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-08", due));
  auto escalated = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-08", "2026-10-30");
  escalated.escalated_at = at("2026-10-20");
  escalated.escalated_due = D("2026-10-22");
  m.add(escalated);  // the fourth troubled ticket, and its escalation's date missed
  auto r = m.score();
  const auto& d = dept(r, "logistics");
  CHECK(d.bonus_deduction == -10);  // -5 for four (more than 3) troubled tickets, -5 for the missed escalation
  CHECK(d.score == 92);             // four unanswered by their October due dates, -2 each
}

TEST_CASE("the office is not scored; every department starts from the base score") {
  Month m;
  auto r = m.score();
  std::vector<std::string> codes;
  for (const auto& d : r.departments) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"market", "logistics"});
  for (const auto& d : r.departments) CHECK(d.score == 100);
  CHECK(r.month == "2026-10");
}

TEST_CASE("an hour-based stage is late by its due time, not its due date") {
  Month m;
  auto s = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-14", "2026-10-15");
  s.due_at = at("2026-10-15");  // 10:00 on the 15th
  s.finished_at = at("2026-10-15") + std::chrono::hours(3);
  s.finished_on = D("2026-10-15");
  s.outcome = "answered";
  m.add(s);
  CHECK(points(m.score(), "logistics", "feedback_overdue") == -2);  // same day, three hours late
}

TEST_CASE("a frozen report reads back as it was written") {
  Month m;
  auto approval = stage(StageKind::approval, StageRule::approval, "market", "2026-10-08", "2026-10-08");
  m.add(finish(approval, "2026-10-09", "approved"));
  auto r = m.score();
  auto back = report_from_json(report_json(r));
  CHECK(report_json(back).dump() == report_json(r).dump());
  CHECK(back.penalties.size() == 1);
  CHECK(back.penalties[0].date == D("2026-10-08"));
  CHECK(score_columns().size() == 11);
}
