// SPDX-License-Identifier: MIT
#include "document.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "error.hpp"
#include "i18n.hpp"
#include "report_view.hpp"
#include "text.hpp"
#include "views.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

namespace {

// Chinese headings of the machine columns (SPEC section 13): the CSV names stay the
// contract for scripts; people read these.
const std::map<std::string, std::string>& headings() {
  static const std::map<std::string, std::string> h = {{"name", "部门"},
                                                       {"department", "部门代码"},
                                                       {"base", "基础分"},
                                                       {"approval_overdue", "审批超时"},
                                                       {"feedback_overdue", "反馈超时"},
                                                       {"review_overdue", "复核超时"},
                                                       {"rated_fair", "评价一般"},
                                                       {"rated_unsatisfied", "评价不满意"},
                                                       {"fake_handling", "虚假办理"},
                                                       {"supervisor_reset", "督办重置"},
                                                       {"score", "得分"},
                                                       {"bonus_deduction", "奖金扣减(元)"},
                                                       {"frozen_months", "取自冻结快照的月份"},
                                                       {"month", "月份"},
                                                       {"rule", "规则"},
                                                       {"rule_name", "扣分事项"},
                                                       {"points", "扣分"},
                                                       {"yuan", "扣奖金(元)"},
                                                       {"ticket", "工单"},
                                                       {"title", "标题"},
                                                       {"date", "日期"},
                                                       {"detail", "说明"},
                                                       {"filed", "发起"},
                                                       {"received", "接收"},
                                                       {"approval_on_time", "审批及时率(%)"},
                                                       {"feedback_on_time", "反馈及时率(%)"},
                                                       {"review_on_time", "复核及时率(%)"},
                                                       {"median_days_to_answer", "答复天数中位数"},
                                                       {"satisfied", "满意"},
                                                       {"fair", "一般"},
                                                       {"unsatisfied", "不满意"},
                                                       {"resets", "重置"},
                                                       {"escalations", "督办"}};
  return h;
}

std::string rule_name(const std::string& rule) {
  static const std::map<std::string, std::string> names = {
      {"approval_overdue", "审批超时"}, {"feedback_overdue", "反馈超时"},    {"review_overdue", "复核超时"},
      {"rated_fair", "评价一般"},       {"rated_unsatisfied", "评价不满意"}, {"fake_handling", "虚假办理"},
      {"supervisor_reset", "督办重置"}, {"escalated_overdue", "督办超时"},   {"bonus_threshold", "超时工单超限"}};
  auto it = names.find(rule);
  return it == names.end() ? rule : it->second;
}

std::vector<std::string> headings_of(const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) {
    auto it = headings().find(c);
    out.push_back(it == headings().end() ? c : it->second);
  }
  return out;
}

// `row` with `extra` columns (name first) put in front of its own.
json with_front(const std::vector<std::pair<std::string, json>>& extra, const json& row) {
  json out = json::object();
  for (const auto& [k, v] : extra) out[k] = v;
  for (const auto& [k, v] : row.items()) out[k] = v;
  return out;
}

std::string name_of(const MonthDocument& d, const std::string& code) {
  auto it = d.dept_names.find(code);
  return it == d.dept_names.end() || it->second.empty() ? code : it->second;
}

// "2026-10" -> "2026年10月".
std::string month_heading(const std::string& month) {
  if (month.size() == 7) return fmt::format("{}年{}月", month.substr(0, 4), month.substr(5, 2));
  return month;
}

// 明细: one row per penalty, the --detail columns with the department's name, the ticket's
// title and the rule in Chinese in front of the codes.
Sheet detail_sheet(std::string title, const std::vector<PeriodPenalty>& penalties,
                   const std::map<std::int64_t, std::string>& titles, const std::map<std::string, std::string>& names) {
  Sheet detail{"明细", std::move(title), {}, {}};
  detail.rows.columns = {"name", "department", "ticket", "title",  "rule_name", "rule",
                         "date", "points",     "yuan",   "detail", "month"};
  for (const auto& [month, p] : penalties) {
    json row = penalty_row(month, p);
    auto t = titles.find(p.ticket);
    json ticket_title = p.ticket == 0 ? json(nullptr) : json(t == titles.end() ? std::string() : t->second);
    auto n = names.find(p.department);
    json out = json::object();
    out["name"] = n == names.end() || n->second.empty() ? p.department : n->second;
    out["department"] = row["department"];
    out["ticket"] = row["ticket"];
    out["title"] = ticket_title;
    out["rule_name"] = rule_name(p.rule);
    for (const char* k : {"rule", "date", "points", "yuan", "detail", "month"}) out[k] = row[k];
    detail.rows.rows.push_back(std::move(out));
  }
  detail.headings = headings_of(detail.rows.columns);
  return detail;
}

Sheet stats_sheet_named(const std::vector<DepartmentStats>& stats, const std::map<std::string, std::string>& names,
                        std::string title) {
  Rows base = stats_rows(stats);
  Sheet s{"指标", std::move(title), {}, {}};
  s.rows.columns = {"name"};
  s.rows.columns.insert(s.rows.columns.end(), base.columns.begin(), base.columns.end());
  for (const auto& row : base.rows) {
    const std::string code = row["department"].get<std::string>();
    auto it = names.find(code);
    s.rows.rows.push_back(with_front({{"name", it == names.end() ? code : it->second}}, row));
  }
  s.headings = headings_of(s.rows.columns);
  return s;
}

// ---- libxlsxwriter, loaded when a workbook is first written --------------------------
// Debian ships it as a shared library only, linked to the shared libcrypto; linked into
// linkctl it would cost every command the loading of both (see lib/store/postgres for libpq).

struct Libxlsxwriter {
  decltype(&::workbook_new) workbook_new;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::format_set_font_size) format_set_font_size;
  decltype(&::format_set_bg_color) format_set_bg_color;
  decltype(&::format_set_border) format_set_border;
  decltype(&::format_set_text_wrap) format_set_text_wrap;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::worksheet_write_string) worksheet_write_string;
  decltype(&::worksheet_write_number) worksheet_write_number;
  decltype(&::worksheet_set_column) worksheet_set_column;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
  decltype(&::workbook_add_chart) workbook_add_chart;
  decltype(&::chart_add_series) chart_add_series;
  decltype(&::chart_series_set_categories) chart_series_set_categories;
  decltype(&::chart_series_set_values) chart_series_set_values;
  decltype(&::chart_series_set_name) chart_series_set_name;
  decltype(&::chart_series_set_labels) chart_series_set_labels;
  decltype(&::chart_title_set_name) chart_title_set_name;
  decltype(&::chart_legend_set_position) chart_legend_set_position;
  decltype(&::chart_axis_set_min) chart_axis_set_min;
  decltype(&::chart_axis_set_max) chart_axis_set_max;
  decltype(&::worksheet_insert_chart_opt) worksheet_insert_chart_opt;
  decltype(&::workbook_close) workbook_close;
  decltype(&::lxw_strerror) lxw_strerror;
};

template <typename F>
void load(void* handle, F& into, const char* name) {
  into = reinterpret_cast<F>(::dlsym(handle, name));
  if (!into)
    throw Error(ErrorKind::internal,
                trf("the installed libxlsxwriter lacks {}; install Debian's libxlsxwriter4", name));
}

const Libxlsxwriter& xlsx() {
  static const Libxlsxwriter lib = [] {
    void* handle = ::dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      throw Error(
          ErrorKind::internal,
          _("workbooks need libxlsxwriter, which is not installed here; install it (apt-get install libxlsxwriter4)"));
    Libxlsxwriter l{};
    load(handle, l.workbook_new, "workbook_new");
    load(handle, l.workbook_add_format, "workbook_add_format");
    load(handle, l.format_set_bold, "format_set_bold");
    load(handle, l.format_set_font_size, "format_set_font_size");
    load(handle, l.format_set_bg_color, "format_set_bg_color");
    load(handle, l.format_set_border, "format_set_border");
    load(handle, l.format_set_text_wrap, "format_set_text_wrap");
    load(handle, l.workbook_add_worksheet, "workbook_add_worksheet");
    load(handle, l.worksheet_write_string, "worksheet_write_string");
    load(handle, l.worksheet_write_number, "worksheet_write_number");
    load(handle, l.worksheet_set_column, "worksheet_set_column");
    load(handle, l.worksheet_freeze_panes, "worksheet_freeze_panes");
    load(handle, l.workbook_add_chart, "workbook_add_chart");
    load(handle, l.chart_add_series, "chart_add_series");
    load(handle, l.chart_series_set_categories, "chart_series_set_categories");
    load(handle, l.chart_series_set_values, "chart_series_set_values");
    load(handle, l.chart_series_set_name, "chart_series_set_name");
    load(handle, l.chart_series_set_labels, "chart_series_set_labels");
    load(handle, l.chart_title_set_name, "chart_title_set_name");
    load(handle, l.chart_legend_set_position, "chart_legend_set_position");
    load(handle, l.chart_axis_set_min, "chart_axis_set_min");
    load(handle, l.chart_axis_set_max, "chart_axis_set_max");
    load(handle, l.worksheet_insert_chart_opt, "worksheet_insert_chart_opt");
    load(handle, l.workbook_close, "workbook_close");
    load(handle, l.lxw_strerror, "lxw_strerror");
    return l;
  }();
  return lib;
}

struct WorkbookCloser {
  lxw_workbook* wb;
  ~WorkbookCloser() {
    if (wb) xlsx().workbook_close(wb);
  }
};

}  // namespace

std::string month_state_text(const MonthDocument& d) {
  if (d.frozen)
    return fmt::format("已冻结（{}，{}），政策 v{}", d.frozen->frozen_at, d.frozen->frozen_by, d.policy_version);
  return fmt::format("截至 {}，未冻结，政策 v{}", format_date(d.report.as_of), d.policy_version);
}

std::vector<Sheet> month_sheets(const MonthDocument& d) {
  const std::string month = month_heading(d.report.month);
  std::vector<Sheet> sheets;

  Sheet scores{"得分", fmt::format("{}联动考核得分（{}）", month, month_state_text(d)), {}, {}};
  Rows r = report_rows(d.report);
  scores.rows.columns = {"name"};
  scores.rows.columns.insert(scores.rows.columns.end(), r.columns.begin(), r.columns.end());
  for (const auto& row : r.rows)
    scores.rows.rows.push_back(with_front({{"name", name_of(d, row["department"].get<std::string>())}}, row));
  scores.headings = headings_of(scores.rows.columns);
  sheets.push_back(std::move(scores));

  std::vector<PeriodPenalty> penalties;
  for (const auto& p : d.report.penalties) penalties.push_back({d.report.month, p});
  sheets.push_back(
      detail_sheet(fmt::format("{}扣分明细（{}）", month, month_state_text(d)), penalties, d.titles, d.dept_names));

  sheets.push_back(stats_sheet_named(d.stats, d.dept_names,
                                     fmt::format("{}工作指标（计算于 {}）", month, format_date(d.stats_as_of))));
  return sheets;
}

ChartSpec month_chart(const MonthDocument& d) {
  double base = 0;
  for (const auto& dep : d.report.departments) base = std::max(base, static_cast<double>(dep.base));
  return {0, "name", {{"score", "得分"}}, fmt::format("{}各部门得分", month_heading(d.report.month)), base};
}

Sheet stats_sheet(const Policy& p, const std::vector<DepartmentStats>& stats, const std::string& label) {
  std::map<std::string, std::string> names;
  for (const auto& d : p.departments) names[d.code] = d.name.empty() ? d.code : d.name;
  return stats_sheet_named(stats, names, fmt::format("工作指标 {}", label));
}

std::string period_heading(const std::string& label) {
  if (label.size() == 7 && label[4] == '-' && label[5] == 'Q')
    return fmt::format("{}年第{}季度", label.substr(0, 4), label.substr(6, 1));
  if (label.size() == 4) return label + "年度";
  return label;
}

namespace {

// "2026-11" -> "11月", for lists of months within one period's heading.
std::string short_month(const std::string& month) {
  return month.size() == 7 ? std::to_string(std::stoi(month.substr(5, 2))) + "月" : month;
}

std::map<std::string, std::string> period_names(const PeriodReport& r) {
  std::map<std::string, std::string> names;
  for (const auto& dep : r.departments) names[dep.code] = dep.name.empty() ? dep.code : dep.name;
  return names;
}

// The state of the period in one parenthesis: which months are frozen, computed afresh, not begun.
std::string period_state_text(const PeriodDocument& d) {
  std::map<std::string, std::string> by_state;
  for (const auto& m : d.report.months) {
    auto& list = by_state[m.state];
    list += (list.empty() ? "" : "、") + short_month(m.month);
  }
  std::string out;
  auto add = [&](const std::string& text) { out += (out.empty() ? "" : "；") + text; };
  if (by_state.count("frozen")) add("已冻结：" + by_state["frozen"]);
  if (by_state.count("computed")) add(fmt::format("截至 {} 重新计算：{}", format_date(d.as_of), by_state["computed"]));
  if (by_state.count("not begun")) add("未开始：" + by_state["not begun"]);
  return out;
}

// The months that have begun, in order: the ones with scores to draw.
std::vector<const MonthSource*> begun_months(const PeriodReport& r) {
  std::vector<const MonthSource*> out;
  for (const auto& m : r.months)
    if (m.state != "not begun") out.push_back(&m);
  return out;
}

}  // namespace

std::vector<std::string> period_source_lines(const PeriodDocument& d) {
  std::vector<std::string> lines;
  for (const auto& m : d.report.months) {
    if (m.state == "frozen")
      lines.push_back(fmt::format("{}：已冻结，取自冻结快照（截至 {}，政策 v{}）", month_heading(m.month),
                                  format_date(m.as_of), m.policy_version));
    else if (m.state == "computed")
      lines.push_back(fmt::format("{}：未冻结，截至 {} 重新计算（政策 v{}）", month_heading(m.month),
                                  format_date(m.as_of), d.policy_version));
    else
      lines.push_back(fmt::format("{}：未开始，无得分", month_heading(m.month)));
  }
  return lines;
}

std::vector<Sheet> period_sheets(const PeriodDocument& d) {
  const std::string period = period_heading(d.report.label);
  const auto names = period_names(d.report);
  std::vector<Sheet> sheets;

  Sheet scores{"得分", fmt::format("{}联动考核得分（{}）", period, period_state_text(d)), {}, {}};
  const auto columns = period_score_columns(d.report);
  scores.rows.columns = {"name"};
  scores.rows.columns.insert(scores.rows.columns.end(), columns.begin(), columns.end());
  for (const auto& dep : d.report.departments)
    scores.rows.rows.push_back(with_front({{"name", names.at(dep.code)}}, period_score_row(d.report, dep)));
  scores.headings = headings_of(scores.rows.columns);
  for (std::size_t c = 0; c < scores.rows.columns.size(); ++c)
    for (const auto& m : d.report.months)
      if (scores.rows.columns[c] == m.month) scores.headings[c] = month_heading(m.month);
  scores.notes.push_back("各月来源：");
  for (auto& line : period_source_lines(d)) scores.notes.push_back(std::move(line));
  sheets.push_back(std::move(scores));

  sheets.push_back(
      detail_sheet(fmt::format("{}扣分明细（{}）", period, period_state_text(d)), d.report.penalties, d.titles, names));
  return sheets;
}

ChartSpec period_chart(const PeriodDocument& d) {
  // Departments as categories, one series per month: a department's months stand side by
  // side, so each department's course over the period reads at a glance and departments
  // compare group by group; the sheet's month columns are the series as they stand. (Months
  // as categories would split one department's scores across the whole chart.)
  ChartSpec chart{0, "name", {}, fmt::format("{}各部门每月得分", period_heading(d.report.label)), 0};
  for (const MonthSource* m : begun_months(d.report)) chart.series.push_back({m->month, month_heading(m->month)});
  for (const auto& dep : d.report.departments) chart.max = std::max(chart.max, static_cast<double>(dep.base));
  return chart;
}

void write_workbook(const std::string& path, const std::vector<Sheet>& sheets, const std::optional<ChartSpec>& chart) {
  const Libxlsxwriter& x = xlsx();
  WorkbookCloser closer{x.workbook_new(path.c_str())};
  lxw_workbook* wb = closer.wb;
  if (!wb) throw Error(ErrorKind::internal, trf("cannot create the workbook {}", path));
  lxw_format* title_format = x.workbook_add_format(wb);
  x.format_set_bold(title_format);
  x.format_set_font_size(title_format, 14);
  lxw_format* header_format = x.workbook_add_format(wb);
  x.format_set_bold(header_format);
  x.format_set_bg_color(header_format, 0xDDEBF7);
  x.format_set_border(header_format, LXW_BORDER_THIN);
  x.format_set_text_wrap(header_format);

  for (std::size_t si = 0; si < sheets.size(); ++si) {
    const Sheet& s = sheets[si];
    lxw_worksheet* ws = x.workbook_add_worksheet(wb, s.name.c_str());
    x.worksheet_write_string(ws, 0, 0, s.title.c_str(), title_format);
    std::vector<std::size_t> widths(s.rows.columns.size(), 4);
    for (std::size_t c = 0; c < s.rows.columns.size(); ++c) {
      const std::string& h = c < s.headings.size() ? s.headings[c] : s.rows.columns[c];
      x.worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), h.c_str(), header_format);
      widths[c] = std::max(widths[c], display_width(h));
    }
    for (std::size_t r = 0; r < s.rows.rows.size(); ++r) {
      const auto row_index = static_cast<lxw_row_t>(r + 2);
      for (std::size_t c = 0; c < s.rows.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const json& v = s.rows.rows[r].contains(s.rows.columns[c]) ? s.rows.rows[r][s.rows.columns[c]] : json();
        if (v.is_number()) {
          x.worksheet_write_number(ws, row_index, col, v.get<double>(), nullptr);
          widths[c] = std::max(widths[c], cell_text(v).size());
        } else if (!v.is_null()) {
          // Always a string cell: text that looks like a formula stays text.
          std::string text = cell_text(v);
          x.worksheet_write_string(ws, row_index, col, text.c_str(), nullptr);
          widths[c] = std::max(widths[c], display_width(text));
        }
      }
    }
    // Notes go below the rows in column A; they may run across the empty cells to their right,
    // so they do not widen the column.
    const auto notes_first = static_cast<lxw_row_t>(s.rows.rows.size() + 3);
    for (std::size_t n = 0; n < s.notes.size(); ++n)
      x.worksheet_write_string(ws, static_cast<lxw_row_t>(notes_first + n), 0, s.notes[n].c_str(), nullptr);
    for (std::size_t c = 0; c < widths.size(); ++c)
      x.worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(std::min<std::size_t>(widths[c] + 2, 60)), nullptr);
    x.worksheet_freeze_panes(ws, 2, 0);

    if (chart && chart->sheet == si && !s.rows.rows.empty() && !chart->series.empty()) {
      auto col_of = [&](const std::string& name) {
        auto it = std::find(s.rows.columns.begin(), s.rows.columns.end(), name);
        return static_cast<lxw_col_t>(it - s.rows.columns.begin());
      };
      const auto last = static_cast<lxw_row_t>(s.rows.rows.size() + 1);
      // A column chart with several series is clustered: each category's columns side by side.
      lxw_chart* ch = x.workbook_add_chart(wb, LXW_CHART_COLUMN);
      for (const auto& one : chart->series) {
        lxw_chart_series* series = x.chart_add_series(ch, nullptr, nullptr);
        x.chart_series_set_categories(series, s.name.c_str(), 2, col_of(chart->label_column), last,
                                      col_of(chart->label_column));
        x.chart_series_set_values(series, s.name.c_str(), 2, col_of(one.column), last, col_of(one.column));
        x.chart_series_set_name(series, one.name.c_str());
        // A number on every column reads well up to three columns a category; beyond, the
        // numbers overlap and the sheet's rows above say them anyway.
        if (chart->series.size() <= 3) x.chart_series_set_labels(series);
      }
      x.chart_title_set_name(ch, chart->title.c_str());
      x.chart_legend_set_position(ch, chart->series.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
      x.chart_axis_set_min(ch->y_axis, 0);
      if (chart->max > 0) x.chart_axis_set_max(ch->y_axis, chart->max);
      const auto below = static_cast<lxw_row_t>(s.notes.empty() ? last + 2 : notes_first + s.notes.size() + 1);
      lxw_chart_options where{};
      // As wide as a group of columns for each department needs (the default is 480 px).
      where.x_scale = std::clamp(static_cast<double>(s.rows.rows.size() * chart->series.size()) / 12.0, 1.0, 3.0);
      where.y_scale = chart->series.size() > 1 ? 1.3 : 1.0;
      x.worksheet_insert_chart_opt(ws, below, 0, ch, &where);
    }
  }
  lxw_error err = x.workbook_close(wb);
  closer.wb = nullptr;
  if (err != LXW_NO_ERROR)
    throw Error(ErrorKind::internal, trf("cannot write the workbook {}: {}", path, x.lxw_strerror(err)));
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

const char* kPageStyle = R"css(
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
               "WenQuanYi Micro Hei", sans-serif;
         color: #222; margin: 24px auto; max-width: 960px; padding: 0 16px; line-height: 1.45; }
  h1 { font-size: 24px; text-align: center; margin: 8px 0 4px; }
  .state { text-align: center; color: #555; font-size: 13px; margin-bottom: 16px; }
  h2 { font-size: 17px; border-left: 4px solid #2f6fb0; padding-left: 8px; margin: 22px 0 8px; }
  table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
  th, td { border: 1px solid #b9c4d0; padding: 3px 6px; white-space: nowrap; }
  td.w { white-space: normal; }
  th { background: #ddebf7; font-weight: 600; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  td.neg { color: #b3261e; }
  svg { display: block; margin: 4px auto; max-width: 100%; height: auto; }
  .empty { color: #777; font-style: italic; }
  @page { size: A4; margin: 15mm 12mm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 11px; }
    h2 { break-after: avoid; }
    tr, svg { break-inside: avoid; }
    thead { display: table-header-group; }
  }
)css";

// The page is for people: the codes (department, rule) and the month the workbook keeps for
// matching with the CSV are left out; free text (titles, details) may wrap, the rest does not.
std::string html_table(const Rows& rows, const std::vector<std::string>& headings,
                       const std::set<std::string>& hidden = {"department", "rule", "month"}) {
  if (rows.rows.empty()) return "<p class=\"empty\">无</p>\n";
  auto shown = [&](const std::string& c) { return !hidden.count(c); };
  std::string out = "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < rows.columns.size() && i < headings.size(); ++i)
    if (shown(rows.columns[i])) out += "<th>" + html_escape(headings[i]) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows.rows) {
    out += "<tr>";
    for (const auto& c : rows.columns) {
      if (!shown(c)) continue;
      const json& v = row.contains(c) ? row[c] : json();
      if (v.is_number())
        out += fmt::format("<td class=\"n{}\">{}</td>", v.get<double>() < 0 ? " neg" : "", html_escape(cell_text(v)));
      else if (c == "title" || c == "detail")
        out += "<td class=\"w\">" + html_escape(cell_text(v)) + "</td>";
      else
        out += "<td>" + html_escape(cell_text(v)) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// Horizontal bars, one per department: the score in blue, the points lost in red up to the base.
std::string score_svg(const MonthlyReport& r, const MonthDocument& d) {
  if (r.departments.empty()) return "";
  double full = 0;
  for (const auto& dep : r.departments) full = std::max({full, static_cast<double>(dep.base), 1.0});
  const int label_w = 130, bar_w = 520, row_h = 28, top = 8;
  const int height = top + row_h * static_cast<int>(r.departments.size()) + 24;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"各部门得分\">\n",
      label_w + bar_w + 90, height, label_w + bar_w + 90, height);
  int y = top;
  for (const auto& dep : r.departments) {
    const double score = std::clamp(static_cast<double>(dep.score), 0.0, full);
    const double lost = std::clamp(static_cast<double>(dep.base - dep.score), 0.0, full - score);
    const double sw = bar_w * score / full, lw = bar_w * lost / full;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">{}</text>\n"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"#2f6fb0\"/>\n"
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"#d9534f\"/>\n"
        "<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#222\">{}{}</text>\n",
        label_w - 8, y + 14, html_escape(name_of(d, dep.code)), label_w, y, sw, label_w + sw, y, lw,
        label_w + sw + lw + 6, y + 14, dep.score,
        dep.base > dep.score ? fmt::format("（−{}）", dep.base - dep.score) : "");
    y += row_h;
  }
  out += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>\n"
      "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#555\">0</text>\n"
      "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">{}</text>\n",
      label_w, y + 2, label_w + bar_w, y + 2, label_w, y + 16, label_w + bar_w, y + 16, full);
  return out + "</svg>\n";
}

// Twelve colours a month each, told apart in print as on screen (no two neighbours alike).
const std::array<const char*, 12> kMonthColours = {"#2f6fb0", "#e08a2c", "#3a9d5d", "#c0392b", "#8e6bbf", "#8c564b",
                                                   "#d46fb0", "#7f7f7f", "#b5b02d", "#17a2b8", "#1f3f6e", "#f2b134"};

// Vertical bars grouped by department, one bar per month that has begun (the same layout as
// the workbook's chart), a value axis from 0 to the base score and a legend naming the months.
std::string grouped_svg(const PeriodDocument& d) {
  const auto& r = d.report;
  std::vector<std::size_t> shown;  // indexes into r.months
  for (std::size_t i = 0; i < r.months.size(); ++i)
    if (r.months[i].state != "not begun") shown.push_back(i);
  if (r.departments.empty() || shown.empty()) return "<p class=\"empty\">无</p>\n";
  double full = 1;
  for (const auto& dep : r.departments) {
    full = std::max(full, static_cast<double>(dep.base));
    for (const auto& sc : dep.month_scores)
      if (sc) full = std::max(full, static_cast<double>(*sc));
  }
  const int width = 900, left = 44, right = 10, top = 14, plot_h = 240;
  const double plot_w = width - left - right;
  const double group_w = plot_w / static_cast<double>(r.departments.size());
  const double bar_w = std::min(26.0, group_w * 0.8 / static_cast<double>(shown.size()));
  const bool slanted = group_w < 80;  // long names under narrow groups: tilted so they do not overlap
  const int label_h = slanted ? 70 : 30;
  const int per_legend_row = 8, legend_row_h = 22;
  const int legend_rows = static_cast<int>((shown.size() + per_legend_row - 1) / per_legend_row);
  const int height = top + plot_h + label_h + legend_rows * legend_row_h + 6;
  const int base_y = top + plot_h;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"各部门每月得分\">\n",
      width, height);
  for (int step = 0; step <= 4; ++step) {
    const double value = full * step / 4.0;
    const double y = base_y - plot_h * step / 4.0;
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\"/>\n"
        "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">{}</text>\n",
        left, y, width - right, y, step == 0 ? "#888" : "#e3e7ec", left - 6, y + 4, std::lround(value));
  }
  for (std::size_t g = 0; g < r.departments.size(); ++g) {
    const auto& dep = r.departments[g];
    const double group_x = left + group_w * static_cast<double>(g);
    const double first_x = group_x + (group_w - bar_w * static_cast<double>(shown.size())) / 2;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const auto& score = dep.month_scores[shown[k]];
      if (!score) continue;
      const double h = plot_h * std::clamp(static_cast<double>(*score), 0.0, full) / full;
      const double x = first_x + bar_w * static_cast<double>(k);
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{} {}：{}</title>"
          "</rect>\n",
          x, base_y - h, std::max(bar_w - 1, 1.0), h, kMonthColours[k % kMonthColours.size()],
          html_escape(dep.name.empty() ? dep.code : dep.name), html_escape(month_heading(r.months[shown[k]].month)),
          *score);
      if (shown.size() <= 3)
        out += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#222\">{}"
            "</text>\n",
            x + bar_w / 2, base_y - h - 3, *score);
    }
    const double cx = group_x + group_w / 2;
    const std::string name = html_escape(dep.name.empty() ? dep.code : dep.name);
    if (slanted)
      out += fmt::format(
          "<text x=\"{0:.1f}\" y=\"{1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\" "
          "transform=\"rotate(-35 {0:.1f} {1})\">{2}</text>\n",
          cx, base_y + 16, name);
    else
      out +=
          fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#222\">{}</text>\n",
                      cx, base_y + 20, name);
  }
  const int legend_top = base_y + label_h;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    const int x = left + static_cast<int>(k % per_legend_row) * 105;
    const int y = legend_top + static_cast<int>(k / per_legend_row) * legend_row_h;
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n"
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#222\">{}</text>\n",
        x, y, kMonthColours[k % kMonthColours.size()], x + 16, y + 11,
        html_escape(month_heading(r.months[shown[k]].month)));
  }
  return out + "</svg>\n";
}

// The head every page shares: no network and no script (everything is inline, and the
// policy forbids anything else), A4 print styles.
std::string page_head(const std::string& title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>" + kPageStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(title) + "</h1>\n";
  return out;
}

}  // namespace

std::string period_html(const PeriodDocument& d) {
  const std::string title = period_heading(d.report.label) + "联动考核通报";
  auto sheets = period_sheets(d);
  std::string out = page_head(title);
  out += "<p class=\"state\">" + html_escape(period_state_text(d)) + "</p>\n";
  out += "<h2>各月来源</h2>\n<ul class=\"sources\">\n";
  for (const auto& line : period_source_lines(d)) out += "<li>" + html_escape(line) + "</li>\n";
  out += "</ul>\n";
  // The sheet's one wide row split in two tables that fit A4 even for twelve months: the
  // months' scores (headed by the month alone: the year is in the title), then the period's
  // points per rule. Which months were frozen is said above, once.
  const Sheet& scores = sheets[0];
  Rows monthly{{"name", "base"}, {}}, rules{{"name"}, {}};
  std::vector<std::string> monthly_headings{"部门", "基础分"}, rule_headings{"部门"};
  for (const auto& m : d.report.months) {
    monthly.columns.push_back(m.month);
    monthly_headings.push_back(short_month(m.month));
  }
  for (std::size_t c = 0; c < scores.rows.columns.size(); ++c) {
    const auto& column = scores.rows.columns[c];
    if (std::find(kPenaltyRules.begin(), kPenaltyRules.end(), column) != kPenaltyRules.end() ||
        column == "bonus_deduction") {
      rules.columns.push_back(column);
      rule_headings.push_back(scores.headings[c]);
    }
  }
  for (const auto& row : scores.rows.rows) {
    monthly.rows.push_back(row);
    rules.rows.push_back(row);
  }
  // The detail with its month first: in a period the month is what a reader looks for.
  const Sheet& detail = sheets[1];
  Rows penalties{{"month"}, detail.rows.rows};
  std::vector<std::string> penalty_headings{"月份"};
  for (std::size_t c = 0; c < detail.rows.columns.size(); ++c)
    if (detail.rows.columns[c] != "month") {
      penalties.columns.push_back(detail.rows.columns[c]);
      penalty_headings.push_back(detail.headings[c]);
    }
  out += "<h2>各部门每月得分</h2>\n" + html_table(monthly, monthly_headings, {});
  out += "<h2>每月得分图</h2>\n" + grouped_svg(d);
  out += "<h2>本期各项扣分</h2>\n" + html_table(rules, rule_headings, {});
  out += "<h2>扣分明细</h2>\n" + html_table(penalties, penalty_headings, {"department", "rule"});
  out += "</body>\n</html>\n";
  return out;
}

std::string month_html(const MonthDocument& d) {
  const std::string title = month_heading(d.report.month) + "联动考核通报";
  auto sheets = month_sheets(d);
  std::string out = page_head(title);
  out += "<p class=\"state\">" + html_escape(month_state_text(d)) + "</p>\n";
  out += "<h2>各部门得分</h2>\n" + html_table(sheets[0].rows, sheets[0].headings);
  out += "<h2>得分图</h2>\n" + score_svg(d.report, d);
  out += "<h2>工作指标</h2>\n" + html_table(sheets[2].rows, sheets[2].headings);
  out += "<h2>扣分明细</h2>\n" + html_table(sheets[1].rows, sheets[1].headings);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace linkctl
