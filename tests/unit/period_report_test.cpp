// SPDX-License-Identifier: MIT
#include "period_report.hpp"

#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace linkctl;

using namespace linkctl::test;

TEST_CASE("a period report is the sum of its monthly reports, each penalty kept with its month") {
  auto dept = [](const char* code, int score, std::map<std::string, int> points, int yuan) {
    DepartmentScore d{code, code, 100, {}, score, yuan};
    for (const auto& rule : kPenaltyRules) d.points[rule] = points.count(rule) ? points[rule] : 0;
    return d;
  };
  MonthlyReport oct{"2026-10",
                    D("2026-11-05"),
                    {dept("market", 97, {{"approval_overdue", -1}, {"supervisor_reset", -2}}, 0)},
                    {{"market", "approval_overdue", -1, 0, 2, D("2026-10-08"), ""},
                     {"market", "supervisor_reset", -2, 0, 5, D("2026-10-15"), ""}}};
  MonthlyReport nov{
      "2026-11",
      D("2026-11-20"),
      {dept("market", 99, {{"approval_overdue", -1}}, -5), dept("logistics", 98, {{"fake_handling", -2}}, 0)},
      {{"market", "approval_overdue", -1, 0, 7, D("2026-11-02"), ""},
       {"market", "bonus_threshold", 0, -5, 0, D("2026-11-30"), ""},
       {"logistics", "fake_handling", -2, 0, 8, D("2026-11-03"), ""}}};
  std::vector<MonthSource> sources{{"2026-10", "frozen", 3, D("2026-11-05")},
                                   {"2026-11", "computed", 0, D("2026-11-20")},
                                   {"2026-12", "not begun", 0, {}}};
  auto r = combine_months("2026-Q4", sources, {oct, nov, std::nullopt});
  REQUIRE(r.departments.size() == 2);
  const auto& market = r.departments[0];
  CHECK(market.code == "market");
  CHECK(market.month_scores == std::vector<std::optional<int>>{97, 99, std::nullopt});
  CHECK(market.points.at("approval_overdue") == -2);
  CHECK(market.points.at("supervisor_reset") == -2);
  CHECK(market.bonus_deduction == -5);
  const auto& logistics = r.departments[1];
  CHECK(logistics.month_scores == std::vector<std::optional<int>>{std::nullopt, 98, std::nullopt});
  CHECK(logistics.points.at("fake_handling") == -2);
  REQUIRE(r.penalties.size() == 5);
  CHECK(r.penalties[0].month == "2026-10");
  CHECK(r.penalties[4].month == "2026-11");
  CHECK(r.penalties[4].penalty.ticket == 8);
  auto row = period_score_row(r, market);
  CHECK(row["2026-10"] == 97);
  CHECK(row["2026-12"].is_null());
  CHECK(row["frozen_months"] == std::string("2026-10"));
  CHECK(period_score_columns(r).size() == 2 + 3 + kPenaltyRules.size() + 2);
}
