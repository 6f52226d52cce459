// SPDX-License-Identifier: MIT
// The published month (SPEC 13): the workbook's sheets as rows, and the HTML page escaped.
#include "document.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace linkctl;

namespace {

MonthDocument october() {
  MonthDocument d;
  d.report.month = "2026-10";
  d.report.as_of = parse_date("2026-11-05").value();
  d.report.departments.push_back({"market", "市场部", 100, {{"approval_overdue", -1}}, 99, 0});
  d.report.penalties.push_back(
      {"market", "approval_overdue", -1, 0, 7, parse_date("2026-10-08").value(), "approval due 2026-10-08"});
  d.report.penalties.push_back({"market", "bonus_threshold", 0, -5, 0, parse_date("2026-10-31").value(), "4 tickets"});
  d.policy_version = 3;
  d.titles[7] = "<script>alert(1)</script>";
  d.dept_names["market"] = "市场部";
  return d;
}

}  // namespace

TEST_CASE("the month's sheets: scores after the name, detail with titles, a title row saying the state") {
  auto sheets = month_sheets(october());
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[0].name == "得分");
  CHECK(sheets[0].title == "2026年10月联动考核得分（截至 2026-11-05，未冻结，政策 v3）");
  CHECK(sheets[0].rows.columns.front() == "name");
  CHECK(sheets[0].rows.rows.at(0)["score"] == 99);
  CHECK(sheets[0].headings.at(10) == "得分");
  CHECK(sheets[1].name == "明细");
  CHECK(sheets[1].rows.rows.at(0)["title"] == "<script>alert(1)</script>");
  CHECK(sheets[1].rows.rows.at(1)["title"].is_null());  // the threshold rule names no ticket
  CHECK(sheets[1].rows.rows.at(1)["ticket"].is_null());
  CHECK(sheets[2].name == "指标");
}

TEST_CASE("a frozen month says so, with the snapshot's policy version") {
  auto d = october();
  d.frozen = FrozenReport{"2026-10", "2026-11-05T08:00:00+08:00", "lin.xiuying", 2, "", ""};
  d.policy_version = 2;
  CHECK(month_state_text(d) == "已冻结（2026-11-05T08:00:00+08:00，lin.xiuying），政策 v2");
}

TEST_CASE("the page escapes every text and carries its chart inline") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  std::string page = month_html(october());
  CHECK(page.find("<title>2026年10月联动考核通报</title>") != std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("@page { size: A4") != std::string::npos);
  CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));  // nothing fetched
}

namespace {

// The fourth quarter: October frozen under policy v1, November computed afresh, December not begun.
PeriodDocument fourth_quarter() {
  PeriodDocument d;
  d.report.label = "2026-Q4";
  d.report.months = {{"2026-10", "frozen", 1, parse_date("2026-11-05").value()},
                     {"2026-11", "computed", 0, parse_date("2026-11-20").value()},
                     {"2026-12", "not begun", 0, {}}};
  PeriodDepartmentScore market{"market", "市场部<i>", 100, {99, 98, std::nullopt}, {}, -5};
  for (const auto& rule : kPenaltyRules) market.points[rule] = 0;
  market.points["approval_overdue"] = -3;
  d.report.departments.push_back(market);
  d.report.penalties.push_back(
      {"2026-11", {"market", "approval_overdue", -1, 0, 7, parse_date("2026-11-09").value(), "approval due"}});
  d.policy_version = 2;
  d.titles[7] = "<script>alert(1)</script>";
  d.as_of = parse_date("2026-11-20").value();
  return d;
}

}  // namespace

TEST_CASE("a period's headings: a quarter, a year") {
  CHECK(period_heading("2026-Q4") == "2026年第4季度");
  CHECK(period_heading("2026") == "2026年度");
}

TEST_CASE("the period's sheets: each month a column headed in Chinese, its source below, the detail with its month") {
  auto d = fourth_quarter();
  auto sheets = period_sheets(d);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "得分");
  CHECK(sheets[0].title == "2026年第4季度联动考核得分（已冻结：10月；截至 2026-11-20 重新计算：11月；未开始：12月）");
  const auto& columns = sheets[0].rows.columns;
  auto at = std::find(columns.begin(), columns.end(), "2026-11") - columns.begin();
  CHECK(sheets[0].headings.at(static_cast<std::size_t>(at)) == "2026年11月");
  CHECK(sheets[0].rows.rows.at(0)["2026-11"] == 98);
  CHECK(sheets[0].rows.rows.at(0)["2026-12"].is_null());
  CHECK(sheets[0].rows.rows.at(0)["frozen_months"] == "2026-10");
  CHECK(sheets[0].notes == std::vector<std::string>{"各月来源：",
                                                    "2026年10月：已冻结，取自冻结快照（截至 2026-11-05，政策 v1）",
                                                    "2026年11月：未冻结，截至 2026-11-20 重新计算（政策 v2）",
                                                    "2026年12月：未开始，无得分"});
  CHECK(sheets[1].rows.rows.at(0)["month"] == "2026-11");
  CHECK(sheets[1].rows.rows.at(0)["title"] == "<script>alert(1)</script>");
  auto chart = period_chart(d);
  REQUIRE(chart.series.size() == 2);  // the months that have begun
  CHECK(chart.series[0].column == "2026-10");
  CHECK(chart.series[1].name == "2026年11月");
  CHECK(chart.max == 100);
}

TEST_CASE("the period's page: titled for the quarter, escaped, a grouped chart with a legend") {
  std::string page = period_html(fourth_quarter());
  CHECK(page.find("<title>2026年第4季度联动考核通报</title>") != std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("市场部&lt;i&gt;") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<i>") == std::string::npos);
  CHECK(page.find(">2026年11月</text>") != std::string::npos);  // the legend
  CHECK(page.find(">2026年12月</text>") == std::string::npos);  // not begun: no series
  CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));
}
