// SPDX-License-Identifier: MIT
// The published month (SPEC 13): the workbook's sheets as rows, and the HTML page escaped.
#include "document.hpp"

#include <doctest/doctest.h>

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
