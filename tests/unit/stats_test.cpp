// SPDX-License-Identifier: MIT
// The KPIs of `stats` on hand-made facts, each figure counted by hand.
#include "stats.hpp"

#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

const DepartmentStats& of(const std::vector<DepartmentStats>& all, const std::string& dept) {
  for (const auto& d : all)
    if (d.dept == dept) return d;
  FAIL("no department " << dept);
  throw;
}

}  // namespace

TEST_CASE("stats: filed, received, on-time rates, resets, escalations, ratings and the median answer") {
  auto p = load_ok(kMiniPolicy);
  MonthFacts f;
  // Two approvals owed by market, one on time and one late; one filed in September.
  auto a1 = stage(StageKind::approval, StageRule::approval, "market", "2026-10-08", "2026-10-08");
  finish(a1, "2026-10-08", "approved");
  auto a2 = stage(StageKind::approval, StageRule::approval, "market", "2026-10-12", "2026-10-12");
  finish(a2, "2026-10-13", "approved");
  auto a3 = stage(StageKind::approval, StageRule::approval, "market", "2026-09-30", "2026-10-08");
  finish(a3, "2026-10-08", "approved");
  // Feedback owed by logistics: answered in 2 and 4 days (median 3), one reset, one escalated and open past its date.
  auto f1 = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-08", "2026-10-15");
  finish(f1, "2026-10-10", "answered");
  auto f2 = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-12", "2026-10-19");
  finish(f2, "2026-10-16", "answered");
  auto f3 = stage(StageKind::feedback, StageRule::reset, "logistics", "2026-10-20", "2026-10-22");
  auto f4 = stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-13", "2026-10-20");
  f4.escalated_at = at("2026-10-21");
  f4.escalated_due = D("2026-10-23");
  // A review by market of logistics' answer, rated fair, on time.
  auto r1 = stage(StageKind::review, StageRule::review, "market", "2026-10-10", "2026-10-12");
  finish(r1, "2026-10-12", "fair");
  for (auto* s : {&a1, &a2, &a3, &f1, &f2, &f3, &f4}) f.stages.push_back({1, *s, "market", ""});
  f.stages.push_back({1, r1, "market", "logistics"});

  auto all = compute_stats(*p, D("2026-10-01"), D("2026-10-31"), D("2026-10-24"), f);
  REQUIRE(all.size() == 2);  // the office is not listed
  const auto& market = of(all, "market");
  CHECK(market.filed == 2);  // a3 was filed in September
  CHECK(market.approval_due == 3);
  CHECK(market.approval_on_time == 2);
  CHECK(market.review_due == 1);
  CHECK(market.review_on_time == 1);
  const auto& logistics = of(all, "logistics");
  CHECK(logistics.received == 3);  // f1, f2, f4; the reset is not a new ticket
  CHECK(logistics.resets == 1);
  CHECK(logistics.escalations == 1);
  CHECK(logistics.feedback_due == 4);  // f3 (due 10-22) and f4 (due 10-20) are past due and open by 10-24
  CHECK(logistics.feedback_on_time == 2);
  REQUIRE(logistics.median_days_to_answer);
  CHECK(*logistics.median_days_to_answer == doctest::Approx(3.0));
  CHECK(logistics.fair == 1);
  CHECK(logistics.satisfied == 0);
}

TEST_CASE("stats: a stage due later in the month is not judged yet") {
  auto p = load_ok(kMiniPolicy);
  MonthFacts f;
  f.stages.push_back(
      {1, stage(StageKind::feedback, StageRule::feedback, "logistics", "2026-10-20", "2026-10-27"), "market", ""});
  auto all = compute_stats(*p, D("2026-10-01"), D("2026-10-31"), D("2026-10-24"), f);
  CHECK(of(all, "logistics").feedback_due == 0);
  CHECK(of(all, "logistics").received == 1);
}
