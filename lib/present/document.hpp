// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit.hpp"
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

/// One worksheet: a title row, then `rows` under `headings` (one per column of
/// rows.columns). JSON numbers become numbers, strings text (never a formula), null blank.
struct Sheet {
  std::string name;
  std::string title;
  Rows rows;
  std::vector<std::string> headings;
};

/// A native bar chart of one number column of a sheet against its label column.
struct ChartSpec {
  std::size_t sheet = 0;
  std::string label_column, value_column, title;
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

/// `s` with & < > " ' as HTML character references.
std::string html_escape(std::string_view s);

}  // namespace linkctl
