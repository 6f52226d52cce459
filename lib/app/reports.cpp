// SPDX-License-Identifier: MIT
#include "reports.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "hash.hpp"
#include "i18n.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

namespace {

MonthFacts facts_of(Session& s, Date first, Date last, Store::MonthScope scope) {
  const auto& tz = s.policy.organization.timezone;
  return s.store.month_facts(first, last, tz.from_local(first, std::chrono::seconds(0)),
                             tz.from_local(last + std::chrono::days(1), std::chrono::seconds(0)), scope);
}

}  // namespace

ReportResult monthly_report(Session& s, Date month_first) {
  const auto [first, last] = month_bounds(month_first);
  ReportResult r;
  r.frozen = s.store.frozen_report(month_of(first));
  if (r.frozen) {
    // The snapshot must be the one its event froze: a score is never read from a row changed behind linkctl's back.
    auto e = s.store.freeze_event(r.frozen->month);
    if (!e || !e->changes.is_object() || e->changes.value("report_sha256", "") != sha256_hex(r.frozen->report) ||
        event_hash(*e, e->prev_hash) != e->hash)
      throw Error(ErrorKind::database,
                  trf("the frozen report of {} is not the one {} froze; the database was changed outside "
                      "linkctl: run 'linkctl audit verify' and restore it from a backup",
                      r.frozen->month, e ? fmt::format("event {}", e->id) : std::string("any event")));
    auto j = json::parse(r.frozen->report, nullptr, false);
    if (j.is_discarded())
      throw Error(ErrorKind::database, trf("the frozen report of {} is unreadable", month_of(first)));
    r.report = report_from_json(j);
  } else {
    auto m = s.moment();
    r.report = score_month(s.policy, first, m.today, m.now, facts_of(s, first, last, Store::MonthScope::penalties));
  }
  // Names come from the policy in force; a frozen snapshot keeps its numbers.
  for (auto& d : r.report.departments)
    if (const Department* dept = s.policy.department(d.code)) d.name = dept->name;
  const Person& me = *s.actor.person;
  std::erase_if(r.report.departments, [&](const DepartmentScore& d) { return !sees_department(me, d.code); });
  std::erase_if(r.report.penalties, [&](const Penalty& p) { return !sees_department(me, p.department); });
  return r;
}

std::map<std::int64_t, std::string> penalty_titles(Session& s, const MonthlyReport& r) {
  std::map<std::int64_t, std::string> titles;
  for (const auto& p : r.penalties)
    if (p.ticket != 0 && !titles.count(p.ticket))
      if (auto t = s.store.load_ticket(p.ticket)) titles[p.ticket] = t->title;
  return titles;
}

std::map<std::int64_t, std::string> penalty_titles(Session& s, const PeriodReport& r) {
  std::map<std::int64_t, std::string> titles;
  for (const auto& [month, p] : r.penalties)
    if (p.ticket != 0 && !titles.count(p.ticket))
      if (auto t = s.store.load_ticket(p.ticket)) titles[p.ticket] = t->title;
  return titles;
}

PeriodReport period_report(Session& s, const Period& period) {
  const Date today = s.moment().today;
  std::vector<MonthSource> sources;
  std::vector<std::optional<MonthlyReport>> months;
  for (Date m : period.months()) {
    MonthSource src{month_of(m), "not begun", 0, {}};
    std::optional<MonthlyReport> report;
    if (m <= today) {
      auto r = monthly_report(s, m);
      src.state = r.frozen ? "frozen" : "computed";
      if (r.frozen) src.policy_version = r.frozen->policy_version;
      src.as_of = r.report.as_of;
      report = std::move(r.report);
    }
    sources.push_back(std::move(src));
    months.push_back(std::move(report));
  }
  return combine_months(period.label, sources, months);
}

FrozenReport freeze_month(Session& s, Date month_first) {
  authorize(*s.actor.person, OfficeVerb::freeze_report);
  const auto [first, last] = month_bounds(month_first);
  auto m = s.moment();
  if (m.today <= last)
    throw Error(ErrorKind::conflict, trf("{} is not over yet (today is {}); freeze it from {} on", month_of(first),
                                         format_date(m.today), format_date(last + std::chrono::days(1))));
  auto [tx, result] = decide_then_lock(s, [&] { return monthly_report(s, first); });
  if (auto existing = s.store.frozen_report(month_of(first)))
    throw Error(ErrorKind::conflict, trf("{} was already frozen on {} by {}; frozen reports never change",
                                         month_of(first), existing->frozen_at, existing->frozen_by));
  FrozenReport fr{month_of(first),
                  format_instant(m.now),
                  s.actor.id(),
                  s.policy_version,
                  calendar_sha256(s.policy.calendar),
                  report_json(result.report).dump()};
  s.store.freeze_report(fr);
  auto e = s.event(m, "report.freeze");
  e.changes["month"] = fr.month;
  e.changes["report_sha256"] = sha256_hex(fr.report);
  e.changes["calendar_sha256"] = fr.calendar_sha256;
  s.store.append_event(e, s.policy_version);
  tx.commit();
  return fr;
}

std::vector<DepartmentStats> period_stats(Session& s, const Period& period) {
  const Date first = period.first, last = period.last();
  auto stats =
      compute_stats(s.policy, first, last, s.moment().today, facts_of(s, first, last, Store::MonthScope::everything));
  std::erase_if(stats, [&](const DepartmentStats& d) { return !sees_department(*s.actor.person, d.dept); });
  return stats;
}

}  // namespace linkctl
