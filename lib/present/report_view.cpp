// SPDX-License-Identifier: MIT
#include "report_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "i18n.hpp"
#include "views.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

Rows report_rows(const MonthlyReport& r) {
  Rows rows{score_columns(), {}};
  for (const auto& d : r.departments) rows.rows.push_back(score_row(d));
  return rows;
}

Rows penalty_rows(const MonthlyReport& r) {
  Rows rows{penalty_columns(), {}};
  for (const auto& p : r.penalties) rows.rows.push_back(penalty_row(r.month, p));
  return rows;
}

View report_view(const MonthlyReport& r, const std::optional<FrozenReport>& frozen, bool detail, Format f) {
  View v;
  if (f == Format::table) {
    std::string state =
        frozen ? trf("frozen {} by {} (policy v{})", frozen->frozen_at, frozen->frozen_by, frozen->policy_version)
               : trf("as of {}, not frozen", format_date(r.as_of));
    v.text(trf("Monthly report {} ({})\n", r.month, state));
  }
  if (f == Format::json && !detail) {
    auto j = report_json(r);
    j["frozen"] = frozen.has_value();
    v.text(j.dump() + "\n");
    return v;
  }
  Rows rows = detail ? penalty_rows(r) : report_rows(r);
  if (f == Format::table) {
    std::vector<std::pair<std::string, std::string>> named;
    double base = 0;
    for (const auto& d : r.departments) {
      named.emplace_back(d.code, d.name);
      base = std::max(base, static_cast<double>(d.base));
    }
    // The names the report was computed (or frozen) with, not today's policy's.
    auto labels = name_labels(named);
    for (auto& row : rows.rows) {
      auto it = labels.find(row["department"].get<std::string>());
      if (it != labels.end()) row["department"] = it->second;
    }
    if (!detail) rows.bars.push_back({"score", base});
  }
  v.rows(std::move(rows));
  return v;
}

View period_report_view(const PeriodReport& r, const std::string& title, bool detail, Format f) {
  View v;
  if (f == Format::table) {
    std::string sources;
    for (const auto& m : r.months) {
      if (!sources.empty()) sources += "; ";
      if (m.state == "frozen")
        sources += trf("{} frozen (policy v{})", m.month, m.policy_version);
      else if (m.state == "computed")
        sources += trf("{} as of {}, not frozen", m.month, format_date(m.as_of));
      else
        sources += trf("{} not begun", m.month);
    }
    v.text(fmt::format("{} {} ({})\n", tr(title.c_str()), r.label, sources));
  }
  if (f == Format::json && !detail) {
    v.text(period_report_json(r).dump() + "\n");
    return v;
  }
  Rows rows{detail ? penalty_columns() : period_score_columns(r), {}};
  if (detail)
    for (const auto& p : r.penalties) rows.rows.push_back(penalty_row(p.month, p.penalty));
  else
    for (const auto& d : r.departments) rows.rows.push_back(period_score_row(r, d));
  if (f == Format::table) {
    std::vector<std::pair<std::string, std::string>> named;
    for (const auto& d : r.departments) named.emplace_back(d.code, d.name);
    auto labels = name_labels(named);
    for (auto& row : rows.rows) {
      auto it = labels.find(row["department"].get<std::string>());
      if (it != labels.end()) row["department"] = it->second;
    }
  }
  v.rows(std::move(rows));
  return v;
}

Rows stats_rows(const std::vector<DepartmentStats>& stats) {
  Rows rows{{"department", "filed", "received", "approval_on_time", "feedback_on_time", "review_on_time",
             "median_days_to_answer", "satisfied", "fair", "unsatisfied", "resets", "escalations"},
            {}};
  auto rate = [](int ok, int all) -> json {
    if (all == 0) return nullptr;
    return std::round(1000.0 * ok / all) / 10.0;  // percent, one decimal
  };
  for (const auto& d : stats)
    rows.rows.push_back(
        {{"department", d.dept},
         {"filed", d.filed},
         {"received", d.received},
         {"approval_on_time", rate(d.approval_on_time, d.approval_due)},
         {"feedback_on_time", rate(d.feedback_on_time, d.feedback_due)},
         {"review_on_time", rate(d.review_on_time, d.review_due)},
         {"median_days_to_answer",
          d.median_days_to_answer ? json(std::round(*d.median_days_to_answer * 10) / 10) : json(nullptr)},
         {"satisfied", d.satisfied},
         {"fair", d.fair},
         {"unsatisfied", d.unsatisfied},
         {"resets", d.resets},
         {"escalations", d.escalations}});
  return rows;
}

View stats_view(const Policy& p, const std::vector<DepartmentStats>& stats, Format f) {
  Rows rows = stats_rows(stats);
  if (f == Format::table) {
    const Names names(p);
    for (auto& row : rows.rows) row["department"] = names.dept(row["department"].get<std::string>());
    rows.bars.push_back({"feedback_on_time", 100});
  }
  return View().rows(std::move(rows));
}

}  // namespace linkctl
