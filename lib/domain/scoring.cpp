// SPDX-License-Identifier: MIT
#include "scoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

bool in_month(Date d, Date first, Date last) { return d >= first && d <= last; }

// Late against `limit`: finished after it, or unfinished and past it as of `as_of`/`now`.
// Hour-based stages compare instants against their own due time.
bool late(const Stage& s, Date limit, Date as_of, Instant now) {
  if (s.due_at && limit == s.due) return s.finished_at ? *s.finished_at > *s.due_at : now > *s.due_at;
  return s.finished_on ? *s.finished_on > limit : as_of > limit;
}

}  // namespace

MonthlyReport score_month(const Policy& p, Date first, Date as_of, Instant now, const MonthFacts& facts) {
  using namespace std::chrono;
  year_month_day ymd{first};
  Date last = sys_days(year_month_day_last(ymd.year(), month_day_last(ymd.month())));
  const auto& sc = p.scoring;
  MonthlyReport r;
  r.month = month_of(first);
  r.as_of = as_of;
  auto add = [&](std::string dept, std::string rule, int points, int yuan, std::int64_t ticket, Date date,
                 std::string detail) {
    if (points == 0 && yuan == 0) return;
    r.penalties.push_back({std::move(dept), std::move(rule), points, yuan, ticket, date, std::move(detail)});
  };
  // Rule 5 counts the distinct tickets each receiving department let run late or got escalated.
  std::map<std::string, std::set<std::int64_t>> troubled;

  for (const auto& f : facts.stages) {
    const Stage& s = f.stage;
    switch (s.kind) {
      case StageKind::approval:
        if (in_month(s.due, first, last) && late(s, s.due, as_of, now))
          add(s.dept, "approval_overdue", sc.approval_overdue, 0, f.ticket_id, s.due,
              fmt::format("approval{} due {} {}", s.level ? fmt::format(" level {}", *s.level) : "", format_date(s.due),
                          s.finished_on ? "done " + format_date(*s.finished_on) : "not done"));
        break;
      case StageKind::review:
        if (in_month(s.due, first, last) && late(s, s.due, as_of, now))
          add(s.dept, "review_overdue", sc.review_overdue, 0, f.ticket_id, s.due,
              fmt::format("review due {} {}", format_date(s.due),
                          s.finished_on ? "done " + format_date(*s.finished_on) : "not done"));
        if (s.finished_on && in_month(*s.finished_on, first, last)) {
          if (s.outcome == "fair")
            add(f.answering_dept, "rated_fair", sc.rated_fair, 0, f.ticket_id, *s.finished_on, "rated fair");
          else if (s.outcome == "unsatisfied")
            add(f.answering_dept, "rated_unsatisfied", sc.rated_unsatisfied, 0, f.ticket_id, *s.finished_on,
                "rated unsatisfied");
        }
        break;
      case StageKind::feedback: {
        bool excused = s.explained_at.has_value();
        if (in_month(s.due, first, last) && late(s, s.due, as_of, now)) {
          if (!excused) {
            add(s.dept, "feedback_overdue", sc.feedback_overdue, 0, f.ticket_id, s.due,
                fmt::format("feedback due {} {}", format_date(s.due),
                            s.finished_on ? "answered " + format_date(*s.finished_on) : "not answered"));
            troubled[s.dept].insert(f.ticket_id);
          }
        }
        if (s.escalated_at) {
          Date escalated_on = p.organization.timezone.local_date(*s.escalated_at);
          if (in_month(escalated_on, first, last)) troubled[s.dept].insert(f.ticket_id);
          if (s.escalated_due && in_month(*s.escalated_due, first, last) && late(s, *s.escalated_due, as_of, now))
            add(s.dept, "escalated_overdue", 0, sc.escalated_overdue_bonus_penalty, f.ticket_id, *s.escalated_due,
                fmt::format("escalated, due {} {}", format_date(*s.escalated_due),
                            s.finished_on ? "answered " + format_date(*s.finished_on) : "not answered"));
        }
        if (s.rule == StageRule::reset_after_rating && in_month(s.start_date, first, last)) {
          add(f.from_dept, "supervisor_reset", sc.supervisor_reset, 0, f.ticket_id, s.start_date,
              "reset by the supervisor after rating");
          add(s.dept, "supervisor_reset", sc.supervisor_reset, 0, f.ticket_id, s.start_date,
              "reset by the supervisor after rating");
        }
        break;
      }
    }
  }
  for (const auto& c : facts.spotchecks)
    if (c.fake && in_month(c.on, first, last))
      add(c.dept, "fake_handling", sc.fake_handling, 0, c.ticket_id, c.on, "spot check found fake handling");
  for (const auto& [dept, tickets] : troubled)
    if (static_cast<int>(tickets.size()) > sc.bonus_threshold)
      add(dept, "bonus_threshold", 0, sc.bonus_penalty, 0, last,
          fmt::format("{} overdue or escalated tickets (more than {})", tickets.size(), sc.bonus_threshold));

  std::stable_sort(r.penalties.begin(), r.penalties.end(), [](const Penalty& a, const Penalty& b) {
    return std::tie(a.department, a.date, a.ticket, a.rule) < std::tie(b.department, b.date, b.ticket, b.rule);
  });
  auto score = [&](const std::string& code, const std::string& name) {
    DepartmentScore ds{code, name, p.organization.base_score, {}, p.organization.base_score, 0};
    for (const auto& rule : kPenaltyRules) ds.points[rule] = 0;
    for (const auto& pen : r.penalties) {
      if (pen.department != code) continue;
      if (pen.points) ds.points[pen.rule] += pen.points, ds.score += pen.points;
      ds.bonus_deduction += pen.yuan;
    }
    r.departments.push_back(std::move(ds));
  };
  for (const auto& d : p.departments)
    if (d.kind != DeptKind::office) score(d.code, d.name);
  // A department the policy no longer has still answers for its penalties: every detail row is in the summary.
  std::set<std::string> gone;
  for (const auto& pen : r.penalties)
    if (!p.department(pen.department)) gone.insert(pen.department);
  for (const auto& code : gone) score(code, code);
  return r;
}

std::vector<std::string> score_columns() {
  std::vector<std::string> columns = {"department", "base"};
  columns.insert(columns.end(), kPenaltyRules.begin(), kPenaltyRules.end());
  columns.push_back("score");
  columns.push_back("bonus_deduction");
  return columns;
}

json score_row(const DepartmentScore& d) {
  json row{{"department", d.code}, {"base", d.base}};
  for (const auto& rule : kPenaltyRules) row[rule] = d.points.count(rule) ? d.points.at(rule) : 0;
  row["score"] = d.score;
  row["bonus_deduction"] = d.bonus_deduction;
  return row;
}

std::vector<std::string> penalty_columns() {
  return {"month", "department", "rule", "points", "yuan", "ticket", "date", "detail"};
}

json penalty_row(const std::string& month, const Penalty& p) {
  return {{"month", month},
          {"department", p.department},
          {"rule", p.rule},
          {"points", p.points},
          {"yuan", p.yuan},
          {"ticket", p.ticket ? json(p.ticket) : json(nullptr)},
          {"date", format_date(p.date)},
          {"detail", p.detail}};
}

json report_json(const MonthlyReport& r) {
  json j{{"month", r.month}, {"as_of", format_date(r.as_of)}};
  j["departments"] = json::array();
  for (const auto& d : r.departments) j["departments"].push_back(score_row(d));
  j["penalties"] = json::array();
  for (const auto& p : r.penalties) {
    auto row = penalty_row(r.month, p);
    row.erase("month");
    j["penalties"].push_back(std::move(row));
  }
  return j;
}

MonthlyReport report_from_json(const json& j) {
  MonthlyReport r;
  r.month = j.at("month").get<std::string>();
  r.as_of = parse_date(j.at("as_of").get<std::string>()).value_or(Date{});
  for (const auto& row : j.at("departments")) {
    DepartmentScore d;
    d.code = row.at("department").get<std::string>();
    d.base = row.at("base").get<int>();
    for (const auto& rule : kPenaltyRules) d.points[rule] = row.at(rule).get<int>();
    d.score = row.at("score").get<int>();
    d.bonus_deduction = row.at("bonus_deduction").get<int>();
    r.departments.push_back(std::move(d));
  }
  for (const auto& row : j.at("penalties")) {
    Penalty p;
    p.department = row.at("department").get<std::string>();
    p.rule = row.at("rule").get<std::string>();
    p.points = row.at("points").get<int>();
    p.yuan = row.at("yuan").get<int>();
    p.ticket = row.at("ticket").is_null() ? 0 : row.at("ticket").get<std::int64_t>();
    p.date = parse_date(row.at("date").get<std::string>()).value_or(Date{});
    p.detail = row.at("detail").get<std::string>();
    r.penalties.push_back(std::move(p));
  }
  return r;
}

}  // namespace linkctl
