// SPDX-License-Identifier: MIT
#include "period_report.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

PeriodReport combine_months(const std::string& label, const std::vector<MonthSource>& sources,
                            const std::vector<std::optional<MonthlyReport>>& months) {
  PeriodReport r{label, sources, {}, {}};
  auto row_of = [&](const DepartmentScore& d) -> PeriodDepartmentScore& {
    for (auto& row : r.departments)
      if (row.code == d.code) return row;
    PeriodDepartmentScore row{d.code, d.name, d.base, std::vector<std::optional<int>>(months.size()), {}, 0};
    for (const auto& rule : kPenaltyRules) row.points[rule] = 0;
    r.departments.push_back(std::move(row));
    return r.departments.back();
  };
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (!months[i]) continue;
    for (const auto& d : months[i]->departments) {
      auto& row = row_of(d);
      row.name = d.name;
      row.base = d.base;
      row.month_scores[i] = d.score;
      for (const auto& [rule, points] : d.points) row.points[rule] += points;
      row.bonus_deduction += d.bonus_deduction;
    }
    for (const auto& p : months[i]->penalties) r.penalties.push_back({sources[i].month, p});
  }
  return r;
}

std::vector<std::string> period_score_columns(const PeriodReport& r) {
  std::vector<std::string> columns = {"department", "base"};
  for (const auto& m : r.months) columns.push_back(m.month);
  columns.insert(columns.end(), kPenaltyRules.begin(), kPenaltyRules.end());
  columns.push_back("bonus_deduction");
  columns.push_back("frozen_months");
  return columns;
}

json period_score_row(const PeriodReport& r, const PeriodDepartmentScore& d) {
  json row{{"department", d.code}, {"base", d.base}};
  for (std::size_t i = 0; i < r.months.size(); ++i)
    row[r.months[i].month] = d.month_scores[i] ? json(*d.month_scores[i]) : json(nullptr);
  for (const auto& rule : kPenaltyRules) row[rule] = d.points.count(rule) ? d.points.at(rule) : 0;
  row["bonus_deduction"] = d.bonus_deduction;
  std::string frozen;
  for (const auto& m : r.months)
    if (m.state == "frozen") frozen += (frozen.empty() ? "" : " ") + m.month;
  row["frozen_months"] = frozen;
  return row;
}

json period_report_json(const PeriodReport& r) {
  json j{{"period", r.label}};
  j["months"] = json::array();
  for (const auto& m : r.months) {
    json mj{{"month", m.month}, {"state", m.state}};
    mj["policy_version"] = m.state == "frozen" ? json(m.policy_version) : json(nullptr);
    mj["as_of"] = m.state == "not begun" ? json(nullptr) : json(format_date(m.as_of));
    j["months"].push_back(std::move(mj));
  }
  j["departments"] = json::array();
  for (const auto& d : r.departments) {
    auto row = period_score_row(r, d);
    row.erase("frozen_months");
    j["departments"].push_back(std::move(row));
  }
  return j;
}

}  // namespace linkctl
