// SPDX-License-Identifier: MIT
#include "supervision.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "error.hpp"
#include "hash.hpp"
#include "policy_view.hpp"
#include "text.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

std::pair<Date, Date> month_bounds(Date d) {
  using namespace std::chrono;
  year_month_day ymd{d};
  Date first = sys_days(ymd.year() / ymd.month() / day(1));
  Date last = sys_days(year_month_day_last(ymd.year(), month_day_last(ymd.month())));
  return {first, last};
}

namespace {

bool sees_dept(const Person& me, const std::string& dept) {
  auto visible = visible_departments(me);
  return !visible || std::find(visible->begin(), visible->end(), dept) != visible->end();
}

void require_supervisor(const Person& me, std::string_view what) {
  if (!me.supervisor) throw Error(ErrorKind::permission, fmt::format("{} may not {}: only supervisors may", me.id, what));
}

// The lapses of one ticket's unfinished stages as of `today`/`now`.
// The lapse of an open stage, if it is late: its escalation's date once escalated,
// else its due date (an hour-based stage against its due time).
std::optional<Lapse> lapse_of(OpenStage&& open, Date today, Instant now) {
  const Stage& s = open.stage;
  std::optional<Date> missed;
  if (s.escalated_due) {
    if (today > *s.escalated_due) missed = *s.escalated_due;  // the escalation's date is the one in force
  } else if (s.due_at ? now > *s.due_at : today > s.due) {
    missed = s.due;
  }
  if (!missed) return std::nullopt;
  Lapse l;
  static_cast<OpenStage&>(l) = std::move(open);
  l.missed = *missed;
  l.days_late = static_cast<int>((today - *missed).count());
  return l;
}

EventDraft session_event(Session& s, const Moment& m, std::string verb) {
  EventDraft e;
  e.verb = std::move(verb);
  e.actor = s.actor.id();
  e.via = s.actor.via;
  e.at = m.now;
  e.recorded_at = m.wall;
  e.clock_override = m.overridden;
  return e;
}

std::string calendar_sha(const Policy& p) {
  const json j = policy_json(p);
  return sha256_hex(j["calendar"].dump());
}

}  // namespace

std::vector<Lapse> overdue_lapses(Session& s, const LapseFilter& f) {
  auto m = s.moment();
  OpenStageQuery q;
  q.due_by = m.today;
  q.dept = f.dept;
  q.severity = f.severity;
  q.visible_depts = visible_departments(*s.actor.person);
  std::vector<Lapse> out;
  for (auto& open : s.store.open_stages(q))
    if (auto l = lapse_of(std::move(open), m.today, m.now)) out.push_back(std::move(*l));
  std::sort(out.begin(), out.end(), [](const Lapse& a, const Lapse& b) {
    return std::tie(a.missed, a.ticket, a.stage.id) < std::tie(b.missed, b.ticket, b.stage.id);
  });
  return out;
}

std::vector<Lapse> announce_new_lapses(Session& s, const LapseFilter& f) {
  auto tx = s.store.begin_write();
  auto all = overdue_lapses(s, f);
  // Kept per person: one person's --new (a lead's, a filer's) tells nobody else.
  const std::string& recipient = s.actor.id();
  std::vector<Lapse> fresh;
  for (auto& l : all)
    if (!s.store.lapse_announced(l.stage.id, l.missed, recipient)) fresh.push_back(std::move(l));
  if (fresh.empty()) return fresh;  // nothing to record; the transaction rolls back untouched
  auto m = s.moment();
  for (const auto& l : fresh) s.store.announce_lapse(l.stage.id, l.missed, recipient, m.now);
  auto e = session_event(s, m, "overdue.announce");
  json tickets = json::array();
  for (const auto& l : fresh) tickets.push_back({l.ticket, std::string(to_string(l.stage.kind)), format_date(l.missed), l.stage.id});
  e.changes["lapses"] = tickets;
  e.note = fmt::format("{} new overdue stage{}", fresh.size(), fresh.size() == 1 ? "" : "s");
  s.store.append_event(e, s.policy_version);
  tx.commit();
  return fresh;
}

ReportResult monthly_report(Session& s, Date month_first) {
  const auto [first, last] = month_bounds(month_first);
  ReportResult r;
  r.frozen = s.store.frozen_report(month_of(first));
  if (r.frozen) {
    // The snapshot must be the one its event froze: a score is never read from a row changed behind linkctl's back.
    auto e = s.store.freeze_event(r.frozen->month);
    if (!e || !e->changes.is_object() || e->changes.value("report_sha256", "") != sha256_hex(r.frozen->report) ||
        event_hash(*e, e->prev_hash) != e->hash)
      throw Error(ErrorKind::database, fmt::format("the frozen report of {} is not the one {} froze; the database was changed outside "
                                                   "linkctl: run 'linkctl audit verify' and restore it from a backup",
                                                   r.frozen->month, e ? fmt::format("event {}", e->id) : std::string("any event")));
    auto j = json::parse(r.frozen->report, nullptr, false);
    if (j.is_discarded()) throw Error(ErrorKind::database, fmt::format("the frozen report of {} is unreadable", month_of(first)));
    r.report = report_from_json(j);
  } else {
    auto m = s.moment();
    const auto& tz = s.policy.organization.timezone;
    auto facts = s.store.month_facts(first, last, tz.from_local(first, std::chrono::seconds(0)),
                                     tz.from_local(last + std::chrono::days(1), std::chrono::seconds(0)),
                                     Store::MonthScope::penalties);
    r.report = score_month(s.policy, first, m.today, m.now, facts);
  }
  // Names come from the policy in force; a frozen snapshot keeps its numbers.
  for (auto& d : r.report.departments)
    if (const Department* dept = s.policy.department(d.code)) d.name = dept->name;
  const Person& me = *s.actor.person;
  std::erase_if(r.report.departments, [&](const DepartmentScore& d) { return !sees_dept(me, d.code); });
  std::erase_if(r.report.penalties, [&](const Penalty& p) { return !sees_dept(me, p.department); });
  return r;
}

FrozenReport freeze_month(Session& s, Date month_first) {
  require_supervisor(*s.actor.person, "freeze a monthly report");
  const auto [first, last] = month_bounds(month_first);
  auto m = s.moment();
  if (m.today <= last)
    throw Error(ErrorKind::conflict, fmt::format("{} is not over yet (today is {}); freeze it from {} on", month_of(first),
                                                 format_date(m.today), format_date(last + std::chrono::days(1))));
  auto tx = s.store.begin_write();
  if (auto existing = s.store.frozen_report(month_of(first)))
    throw Error(ErrorKind::conflict, fmt::format("{} was already frozen on {} by {}; frozen reports never change", month_of(first),
                                                 existing->frozen_at, existing->frozen_by));
  auto result = monthly_report(s, first);
  FrozenReport fr{month_of(first), format_instant(m.now), s.actor.id(), s.policy_version, calendar_sha(s.policy),
                  report_json(result.report).dump()};
  s.store.freeze_report(fr);
  auto e = session_event(s, m, "report.freeze");
  e.changes["month"] = fr.month;
  e.changes["report_sha256"] = sha256_hex(fr.report);
  e.changes["calendar_sha256"] = fr.calendar_sha256;
  s.store.append_event(e, s.policy_version);
  tx.commit();
  return fr;
}

std::vector<Ticket> spotcheck_sample(Session& s, Date month_first, int count, const std::string& seed) {
  require_supervisor(*s.actor.person, "sample tickets for spot checks");
  const auto [first, last] = month_bounds(month_first);
  auto ids = s.store.rated_tickets(first, last);
  // Order by a hash of (seed, month, id): reproducible, and independent of the C++ library's PRNGs.
  std::vector<std::pair<std::string, std::int64_t>> keyed;
  for (auto id : ids) keyed.emplace_back(sha256_hex(fmt::format("{}/{}/{}", seed, month_of(first), id)), id);
  std::sort(keyed.begin(), keyed.end());
  if (static_cast<int>(keyed.size()) > count) keyed.resize(static_cast<std::size_t>(count));
  std::vector<Ticket> out;
  for (const auto& [key, id] : keyed)
    if (auto t = s.store.load_ticket(id)) out.push_back(*t);
  std::sort(out.begin(), out.end(), [](const Ticket& a, const Ticket& b) { return a.id < b.id; });
  return out;
}

Applied record_spotcheck(Session& s, std::int64_t id, bool fake, const std::optional<std::string>& note) {
  auto tx = s.store.begin_write();
  Ticket t = visible_ticket(s, id);
  if (t.state != State::done)
    throw Error(ErrorKind::conflict, fmt::format("ticket {} is '{}', so it cannot be spot-checked; allowed here: {}", t.id,
                                                 to_string(t.state), fmt::join(verbs_allowed(t.state), ", ")));
  if (!s.actor.person->supervisor)
    throw Error(ErrorKind::permission, fmt::format("{} may not spot-check ticket {}: only a supervisor may", s.actor.id(), t.id));
  if (note) check_text("--note", *note, kMaxNoteBytes, true, true);
  auto m = s.moment();
  s.store.add_spotcheck(t.id, fake, t.to_dept, m.now, m.today, s.actor.id(), note);
  auto e = session_event(s, m, "spotcheck");
  e.ticket_id = t.id;
  e.state_before = e.state_after = std::string(to_string(t.state));
  e.changes["finding"] = fake ? "fake" : "ok";
  e.changes["dept"] = t.to_dept;
  e.changes["on_date"] = format_date(m.today);  // the month the finding counts in
  e.note = note;
  s.store.append_event(e, s.policy_version);
  tx.commit();
  return {t, t.state, {}, false};
}

std::vector<DepartmentStats> month_stats(Session& s, Date month_first) {
  // Plain variables: lambdas below capture them (clang 14 cannot capture structured bindings).
  const auto bounds = month_bounds(month_first);
  const Date first = bounds.first, last = bounds.second;
  auto m = s.moment();
  const auto& tz = s.policy.organization.timezone;
  auto facts = s.store.month_facts(first, last, tz.from_local(first, std::chrono::seconds(0)),
                                   tz.from_local(last + std::chrono::days(1), std::chrono::seconds(0)),
                                   Store::MonthScope::everything);
  std::map<std::string, DepartmentStats> by;
  std::map<std::string, std::vector<double>> answer_days;
  for (const auto& d : s.policy.departments)
    if (d.kind != DeptKind::office) by[d.code].dept = d.code;
  auto in = [&](Date d) { return d >= first && d <= last; };
  auto on_time = [&](const Stage& st) { return st.due_at ? (st.finished_at && *st.finished_at <= *st.due_at) : (st.finished_on && *st.finished_on <= st.due); };
  for (const auto& f : facts.stages) {
    const Stage& st = f.stage;
    auto& d = by[st.dept];
    d.dept = st.dept;
    bool judged = in(st.due) && (st.finished() || m.today > st.due);  // a stage due later this month is not judged yet
    switch (st.kind) {
      case StageKind::approval:
        if (in(st.start_date)) ++d.filed;
        if (judged) ++d.approval_due, d.approval_on_time += on_time(st);
        break;
      case StageKind::feedback:
        if (in(st.start_date) && st.rule == "feedback") ++d.received;
        if (in(st.start_date) && st.rule.rfind("reset", 0) == 0) ++d.resets;
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
  for (const auto& d : s.policy.departments)
    if (by.count(d.code) && sees_dept(*s.actor.person, d.code) && d.kind != DeptKind::office) out.push_back(by[d.code]);
  return out;
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
    rows.rows.push_back({{"department", d.dept},
                         {"filed", d.filed},
                         {"received", d.received},
                         {"approval_on_time", rate(d.approval_on_time, d.approval_due)},
                         {"feedback_on_time", rate(d.feedback_on_time, d.feedback_due)},
                         {"review_on_time", rate(d.review_on_time, d.review_due)},
                         {"median_days_to_answer", d.median_days_to_answer ? json(std::round(*d.median_days_to_answer * 10) / 10) : json(nullptr)},
                         {"satisfied", d.satisfied},
                         {"fair", d.fair},
                         {"unsatisfied", d.unsatisfied},
                         {"resets", d.resets},
                         {"escalations", d.escalations}});
  return rows;
}

}  // namespace linkctl
