// SPDX-License-Identifier: MIT
#include "stats.hpp"

#include <algorithm>
#include <map>

namespace linkctl {

std::vector<DepartmentStats> compute_stats(const Policy& p, Date first, Date last, Date today,
                                           const MonthFacts& facts) {
  const auto& tz = p.organization.timezone;
  std::map<std::string, DepartmentStats> by;
  std::map<std::string, std::vector<double>> answer_days;
  for (const auto& d : p.departments)
    if (d.kind != DeptKind::office) by[d.code].dept = d.code;
  auto in = [&](Date d) { return d >= first && d <= last; };
  auto on_time = [](const Stage& st) {
    return st.due_at ? (st.finished_at && *st.finished_at <= *st.due_at)
                     : (st.finished_on && *st.finished_on <= st.due);
  };
  for (const auto& f : facts.stages) {
    const Stage& st = f.stage;
    auto& d = by[st.dept];
    d.dept = st.dept;
    bool judged = in(st.due) && (st.finished() || today > st.due);  // a stage due later this month is not judged yet
    switch (st.kind) {
      case StageKind::approval:
        // A ticket is filed once: its first approval level (later levels are other departments' signatures).
        if (in(st.start_date) && st.level.value_or(1) == 1) ++d.filed;
        if (judged) ++d.approval_due, d.approval_on_time += on_time(st);
        break;
      case StageKind::feedback:
        if (in(st.start_date) && st.rule == StageRule::feedback) ++d.received;
        if (in(st.start_date) && is_reset(st.rule)) ++d.resets;
        if (st.escalated_at && in(tz.local_date(*st.escalated_at))) ++d.escalations;
        if (judged) ++d.feedback_due, d.feedback_on_time += on_time(st);
        if (st.finished_at && st.finished_on && in(*st.finished_on) && st.outcome == "answered")
          answer_days[st.dept].push_back(static_cast<double>((*st.finished_at - st.started_at).count()) / 86400.0);
        break;
      case StageKind::review:
        if (judged) ++d.review_due, d.review_on_time += on_time(st);
        if (st.finished_on && in(*st.finished_on) && !f.answering_dept.empty()) {
          auto& a = by[f.answering_dept];
          a.dept = f.answering_dept;
          if (st.outcome == "satisfied") ++a.satisfied;
          if (st.outcome == "fair") ++a.fair;
          if (st.outcome == "unsatisfied") ++a.unsatisfied;
        }
        break;
    }
  }
  for (auto& [dept, v] : answer_days) {
    std::sort(v.begin(), v.end());
    auto n = v.size();
    by[dept].median_days_to_answer = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  std::vector<DepartmentStats> out;
  for (const auto& d : p.departments)
    if (d.kind != DeptKind::office && by.count(d.code)) out.push_back(by[d.code]);
  return out;
}

}  // namespace linkctl
