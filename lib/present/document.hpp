// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit.hpp"
#include "period_report.hpp"
#include "policy.hpp"
#include "render.hpp"
#include "scoring.hpp"
#include "stats.hpp"

namespace linkctl {

/// Everything a published month (通报) shows: the report as computed or frozen, the
/// titles of its penalties' tickets and the month's KPIs (SPEC section 13).
struct MonthDocument {
  MonthlyReport report;
  std::optional<FrozenReport> frozen;
  std::int64_t policy_version = 0;             ///< the snapshot's when frozen, else the policy in force
  std::map<std::int64_t, std::string> titles;  ///< ticket id -> title
  std::vector<DepartmentStats> stats;          ///< the month's KPIs, computed on `stats_as_of`
  Date stats_as_of{};
  std::map<std::string, std::string> dept_names;  ///< department code -> name
};

/// A published quarter or year: the sum of its months, each frozen or computed afresh
/// (SPEC section 13 for the documents, issue 17 for the period).
struct PeriodDocument {
  PeriodReport report;
  std::int64_t policy_version = 0;             ///< the policy in force (the computed months')
  std::map<std::int64_t, std::string> titles;  ///< ticket id -> title
  Date as_of{};                                ///< today: the day the unfrozen months were computed
};

/// One worksheet: a title row, then `rows` under `headings` (one per column of
/// rows.columns). JSON numbers become numbers, strings text (never a formula), null blank.
/// `notes` are lines of text below the rows, after one empty row.
struct Sheet {
  std::string name;
  std::string title;
  Rows rows;
  std::vector<std::string> headings;
  std::vector<std::string> notes = {};
};

/// A native column chart of a sheet's number columns against its label column: one series
/// per entry of `series` (column, name), clustered side by side when there are several.
struct ChartSpec {
  struct Series {
    std::string column, name;
  };
  std::size_t sheet = 0;
  std::string label_column;
  std::vector<Series> series;
  std::string title;
  double max = 0;  ///< the value axis' end (0: automatic)
};

/// The workbook at `path` (written by libxlsxwriter): each sheet with its title row and
/// header row frozen, columns as wide as their widest text (CJK counts double), and the chart
/// on its sheet. Throws Error(internal) when the file cannot be written.
void write_workbook(const std::string& path, const std::vector<Sheet>& sheets, const std::optional<ChartSpec>& chart);

/// The sheets of `report monthly --format xlsx`: 得分 (the report columns of SPEC section 7 after
/// the department's name), 明细 (the --detail columns with the department's name and the
/// ticket's title), 指标 (stats_rows with names); the chart draws 得分's scores.
std::vector<Sheet> month_sheets(const MonthDocument& d);
ChartSpec month_chart(const MonthDocument& d);
/// `stats --format xlsx`: the KPI sheet alone, titled with the period's label.
Sheet stats_sheet(const Policy& p, const std::vector<DepartmentStats>& stats, const std::string& label);

/// The state line of a month: "截至 2026-11-05，未冻结" or "已冻结（时间，操作人）", and the policy version.
std::string month_state_text(const MonthDocument& d);

/// `report monthly --format html`: one self-contained page (inline CSS and SVG, no script,
/// nothing fetched) titled "YYYY年MM月联动考核通报", with the score table, a bar chart of
/// the scores, the KPIs and the penalty detail; A4 print styles. Every text is escaped.
std::string month_html(const MonthDocument& d);

/// "2026-Q4" -> "2026年第4季度", "2026" -> "2026年度" (other labels unchanged).
std::string period_heading(const std::string& label);
/// The sheets of `report quarterly|yearly --format xlsx`: 得分 (period_score_columns after the
/// department's name, each month headed "YYYY年MM月"; below the rows, one line per month saying
/// whether it was frozen (with its policy version), computed afresh or not begun) and 明细 (every
/// penalty with its month, as month_sheets' 明细).
std::vector<Sheet> period_sheets(const PeriodDocument& d);
/// The period's grouped chart: departments as categories, one series per month that has begun.
ChartSpec period_chart(const PeriodDocument& d);
/// How each month was obtained, one line each: "2026年10月：已冻结，取自冻结快照（政策 v1）".
std::vector<std::string> period_source_lines(const PeriodDocument& d);
/// `report quarterly|yearly --format html`: as month_html, titled "2026年第4季度联动考核通报" or
/// "2026年度联动考核通报", with the month sources, the score table, a grouped SVG bar chart
/// (a legend naming the months) and the penalty detail.
std::string period_html(const PeriodDocument& d);

/// `s` with & < > " ' as HTML character references.
std::string html_escape(std::string_view s);

}  // namespace linkctl
