// SPDX-License-Identifier: MIT
#include "deadlines.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {

using std::chrono::days;

namespace {
// The walk steps one day past `d`; past 9999-12-31 a date has no four-digit year to be written in.
Date next_day(Date d, Date trigger, int amount) {
  if (d >= kLastDate)
    throw Error(ErrorKind::usage,
                trf("{} days from {} would pass {}, the last date linkctl handles; use an earlier date", amount,
                    format_date(trigger), format_date(kLastDate)));
  return d + days(1);
}
}  // namespace

DueResult working_days_after(const WorkCalendar& cal, Date trigger, int amount) {
  DueResult r{trigger, {}, {}};
  auto note = [&](Date d, int count) {
    r.days.push_back({d, cal.kind(d), count});
    if (!cal.covers(d)) r.uncovered_years.insert(year_of(d));
  };
  if (amount <= 0) {
    Date d = trigger;
    while (!cal.is_workday(d)) {
      note(d, 0);
      d = next_day(d, trigger, amount);
    }
    note(d, 1);
    r.due = d;
    return r;
  }
  int counted = 0;
  Date d = trigger;
  while (counted < amount) {
    d = next_day(d, trigger, amount);
    bool counts = cal.is_workday(d);
    if (counts) ++counted;
    note(d, counts ? counted : 0);
  }
  r.due = d;
  return r;
}

DueResult calendar_days_after(const WorkCalendar& cal, Date trigger, int amount) {
  DueResult r{trigger, {}, {}};
  for (int i = 1; i <= amount; ++i) {
    Date d = next_day(trigger + days(i - 1), trigger, amount);
    r.due = d;
    r.days.push_back({d, cal.kind(d), i});
    if (!cal.covers(d)) r.uncovered_years.insert(year_of(d));
  }
  return r;
}

DueDate due_after(const Policy& policy, const Deadline& rule, Severity severity, Instant at, Date on) {
  int amount = rule.for_severity(severity);
  switch (rule.unit) {
    case DueUnit::working_days: {
      auto walk = working_days_after(policy.calendar, on, amount);
      return {walk.due, std::nullopt, walk};
    }
    case DueUnit::calendar_days: {
      auto walk = calendar_days_after(policy.calendar, on, amount);
      return {walk.due, std::nullopt, walk};
    }
    case DueUnit::hours: {
      Instant due_at = at + std::chrono::hours(amount);
      Date due = policy.organization.timezone.local_date(due_at);
      if (!in_date_range(due) || !in_date_range(std::chrono::floor<std::chrono::days>(due_at)))
        throw Error(ErrorKind::usage,
                    trf("{} hours from {} would pass {}, the last date linkctl handles; use an earlier date", amount,
                        format_date(on), format_date(kLastDate)));
      auto walk = calendar_days_after(policy.calendar, on, static_cast<int>((due - on).count()));
      return {due, due_at, walk};
    }
  }
  return {on, std::nullopt, {}};
}

std::optional<Deadline> stage_rule(const Policy& policy, std::string_view stage, const Category* category) {
  const auto& d = policy.deadlines;
  if (stage == "approval") return d.approval;
  if (stage == "feedback") return category ? policy.feedback_rule(*category) : d.feedback;
  if (stage == "review") return d.review;
  if (stage == "escalated") return d.escalated;
  if (stage == "reset") return d.reset;
  return std::nullopt;
}

DueQuery due_query(const Policy& policy, Date from, std::optional<int> days, bool calendar_days,
                   const std::string& stage, const std::string& severity, const std::string& category) {
  DueQuery q;
  q.from = from;
  if (stage.empty()) {
    if (!days) throw Error(ErrorKind::usage, _("give --days N (or --stage with --severity)"));
    q.rule.amount.fill(*days);
    q.rule.unit = calendar_days ? DueUnit::calendar_days : DueUnit::working_days;
    return q;
  }
  const Category* cat = nullptr;
  if (!category.empty() && !(cat = policy.category(category)))
    throw Error(ErrorKind::not_found, trf("no category '{}' in the policy; see 'linkctl policy show'", category));
  auto r = stage_rule(policy, stage, cat);
  if (!r)
    throw Error(ErrorKind::usage,
                trf("--stage {} is not known; use approval, feedback, review, escalated or reset", stage));
  if (r->unit == DueUnit::hours)
    throw Error(ErrorKind::usage,
                trf("the {} deadline is counted in hours; it has no date to compute from a date alone", stage));
  q.rule = *r;
  if (severity.empty()) throw Error(ErrorKind::usage, _("--stage needs --severity major|urgent|normal"));
  auto sev = parse_severity(severity);
  if (!sev) throw Error(ErrorKind::usage, trf("--severity {} is not known; use major, urgent or normal", severity));
  q.severity = *sev;
  return q;
}

}  // namespace linkctl
