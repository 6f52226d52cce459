// SPDX-License-Identifier: MIT
#include "views.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "approval.hpp"
#include "text.hpp"

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<Stage>& s) { return s ? json(format_date(s->current_due())) : json(nullptr); }

std::string time_text(const Policy& p, Instant t, TimeStyle style) {
  return style == TimeStyle::iso ? format_instant(t) : p.organization.timezone.format_local(t);
}

std::string truncate(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xf0)
      len = 4;
    else if (c >= 0xe0)
      len = 3;
    else if (c >= 0xc0)
      len = 2;
    std::string next = out + s.substr(i, len);
    if (display_width(next) > width - 1) break;
    out = next;
    i += len;
  }
  return out + "…";
}

}  // namespace

json ticket_json(const Policy& p, const Ticket& t, Date today, Instant now, TimeStyle times) {
  const Category* cat = p.category(t.category);
  json j = RowBuilder(24)("id", t.id)("state", std::string(to_string(t.state)))("title", t.title)("category", t.category)(
             "category_name", cat ? json(cat->name) : json(nullptr))("severity", std::string(to_string(t.severity)))(
             "filer", t.filer)("from_dept", t.from_dept)("to_dept", t.to_dept)(
             "handler", t.handler ? json(*t.handler) : json(nullptr))("filed_at", time_text(p, t.filed_at, times))(
             "approval_due", date_or_null(t.approval))("feedback_due", date_or_null(t.feedback))(
             "review_due", date_or_null(t.review))("escalated", t.escalated)("resets", t.resets)(
             "rating", t.rating ? json(std::string(to_string(*t.rating))) : json(nullptr))(
             "overdue", t.overdue_stages(today, now))("explained", t.feedback && t.feedback->explained_at.has_value())(
             "ref", t.ref ? json(*t.ref) : json(nullptr))("result", t.result ? json(*t.result) : json(nullptr))(
             "body", t.body)("updated_at", time_text(p, t.updated_at, times))
               .take();
  // SPEC 11's keys, on tickets of an approval chain only: a ticket without one prints as before.
  if (t.chain) {
    json with = json::object();
    for (auto& [key, value] : j.items()) {
      with[key] = value;
      if (key == "approval_due") {
        with["approval_level"] = t.state == State::pending ? json(t.approval_level()) : json(nullptr);
        with["approval_levels"] = t.approval_levels();
      }
    }
    return with;
  }
  return j;
}

json approvals_json(const Policy& p, const Ticket& t, const std::vector<Stage>& stages,
                    const std::vector<Event>& events, TimeStyle times) {
  json out = json::array();
  for (int k = 1; k <= t.approval_levels(); ++k) {
    const ApprovalLevel* l = approval_level_of(t, k);
    const Stage* stage = nullptr;
    for (const auto& s : stages)
      if (s.kind == StageKind::approval && s.level.value_or(1) == k) stage = &s;
    json by = nullptr, at = nullptr;
    if (stage && stage->outcome == "approved")
      for (const auto& e : events)
        if (e.verb == "approve" && (!t.chain || (e.changes.contains("level") && e.changes["level"]["level"] == k))) {
          by = e.actor;
          at = time_text(p, e.at, times);
        }
    out.push_back(RowBuilder(6)("level", k)("name", l ? json(l->name) : json(nullptr))(
                      "dept", stage ? json(stage->dept) : json(level_dept(p, t, k)))(
                      "due", stage ? json(format_date(stage->current_due())) : json(nullptr))("approved_by", by)(
                      "approved_at", at)
                      .take());
  }
  return out;
}

Rows ticket_rows(const Policy& p, const std::vector<Ticket>& tickets, Date today, Instant now, TimeStyle times,
                 bool compact) {
  Rows rows;
  if (compact) {
    rows.columns = {"id", "state", "severity", "from", "to", "handler", "due", "overdue", "title"};
    for (const auto& t : tickets) {
      auto due = t.next_due();
      std::string state(to_string(t.state));
      if (t.escalated) state += "!";
      rows.rows.push_back({{"id", t.id},
                           {"state", state},
                           {"severity", std::string(to_string(t.severity))},
                           {"from", t.from_dept},
                           {"to", t.to_dept},
                           {"handler", t.handler ? json(*t.handler) : json(nullptr)},
                           {"due", due ? json(format_date(*due)) : json(nullptr)},
                           {"overdue", t.overdue_stages(today, now)},
                           {"title", truncate(t.title, 40)}});
    }
    return rows;
  }
  for (const auto& t : tickets) rows.rows.push_back(ticket_json(p, t, today, now, times));
  // The columns are the keys, in order; an empty list still has them. A ticket of an
  // approval chain has two more (SPEC 11), so it gives the shape when there is one.
  json shape = rows.rows.empty() ? ticket_json(p, Ticket{}, today, now, times) : rows.rows.front();
  for (std::size_t i = 0; i < tickets.size(); ++i)
    if (tickets[i].chain) {
      shape = rows.rows[i];
      break;
    }
  for (const auto& item : shape.items()) rows.columns.push_back(item.key());
  return rows;
}

TimeStyle time_style(Format f) { return f == Format::table ? TimeStyle::local : TimeStyle::iso; }

View ticket_list(const Policy& p, const std::vector<Ticket>& tickets, Date today, Instant now, Format f) {
  bool human = f == Format::table;
  return View().rows(ticket_rows(p, tickets, today, now, time_style(f), human));
}

View ticket_record(const Policy& p, const Ticket& t, Date today, Instant now, Format f,
                   const std::vector<Stage>& stages, const std::vector<Event>& events) {
  Rows rows = ticket_rows(p, {t}, today, now, time_style(f), false);
  if (t.chain) {
    rows.columns.push_back("approvals");
    json approvals = approvals_json(p, t, stages, events, time_style(f));
    if (f == Format::table) {
      // One line: "1 部门负责人 (market) due 2026-09-28 zhang.wei; 2 财务部审核 (finance) due 2026-09-30 -; ..."
      std::vector<std::string> parts;
      for (const auto& a : approvals)
        parts.push_back(fmt::format("{} {} ({}) due {} {}", a["level"].get<int>(), a["name"].get<std::string>(),
                                    a["dept"].get<std::string>(), a["due"].is_null() ? "-" : a["due"].get<std::string>(),
                                    a["approved_by"].is_null() ? "-" : a["approved_by"].get<std::string>()));
      approvals = fmt::format("{}", fmt::join(parts, "; "));
    }
    rows.rows.front()["approvals"] = approvals;
  }
  return View().record(std::move(rows));
}

View change_view(const Policy& p, const Ticket& t, std::optional<State> before, bool existed, Date today, Instant now,
                 Format f) {
  if (f != Format::table) return View().record(ticket_rows(p, {t}, today, now, TimeStyle::iso, false));
  std::string line = fmt::format("ticket {}: ", t.id);
  if (existed)
    line += fmt::format("already filed with this --ref ({})", to_string(t.state));
  else if (before && *before != t.state)
    line += fmt::format("{} → {}", to_string(*before), to_string(t.state));
  else
    line += std::string(to_string(t.state));
  if (t.state == State::assigned && t.handler) line += fmt::format(", handler {}", *t.handler);
  for (const auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s && !(*s)->finished())
      line += fmt::format("; {} due {}", to_string((*s)->kind), format_date((*s)->current_due()));
  auto overdue = t.overdue_stages(today, now);
  if (!overdue.empty()) line += fmt::format(" (overdue: {})", fmt::join(overdue, ", "));
  return View().text(line + "\n");
}

View event_list(const Policy& p, const std::vector<Event>& events, Format f) {
  return View().rows(event_rows(p, events, time_style(f)));
}

View lapse_list(const std::vector<Lapse>& lapses, Format f) {
  if (lapses.empty() && f != Format::json) return {};
  Rows rows{{"dept", "ticket", "stage", "due", "days_late", "severity", "state", "escalated", "title"}, {}};
  rows.rows.reserve(lapses.size());
  for (const auto& l : lapses)
    rows.rows.push_back(
        RowBuilder(9)("dept", l.stage.dept)("ticket", l.ticket)("stage", l.stage_label())(
            "due", format_date(l.missed))("days_late", l.days_late)("severity", std::string(to_string(l.severity)))(
            "state", std::string(to_string(l.state)))("escalated", l.escalated)("title", l.title)
            .take());
  return View().rows(std::move(rows));
}

View nothing_changed_view(const std::string& message, Format f) {
  if (f != Format::table) return {};
  return View().text(message + "\n");
}

View import_view(const std::vector<std::int64_t>& ids, std::size_t skipped, Format f) {
  if (f == Format::table)
    return View().text(fmt::format("imported {} ticket{}{}{}\n", ids.size(), ids.size() == 1 ? "" : "s",
                                   ids.empty() ? "" : fmt::format(" ({}-{})", ids.front(), ids.back()),
                                   skipped ? fmt::format("; {} already filed (same ref)", skipped) : ""));
  Rows rows{{"id"}, {}};
  for (auto id : ids) rows.rows.push_back({{"id", id}});
  return View().rows(std::move(rows));
}

namespace {
json day_json(const DayNote& n) {
  return {{"date", format_date(n.day)},
          {"weekday", weekday_name(n.day)},
          {"kind", day_kind_name(n.kind)},
          {"counted", n.count > 0 ? json(n.count) : json(nullptr)}};
}
}  // namespace

View workday_view(const WorkCalendar& cal, Date d) {
  return View().record({{"date", "weekday", "workday", "kind"},
                        {{{"date", format_date(d)},
                          {"weekday", weekday_name(d)},
                          {"workday", cal.is_workday(d)},
                          {"kind", day_kind_name(cal.kind(d))}}}});
}

View due_view(const DueQuery& q, const DueDate& due, bool explain, Format f) {
  if (f == Format::json) {
    json j{{"from", format_date(q.from)},
           {"days", q.rule.for_severity(q.severity)},
           {"unit", std::string(to_string(q.rule.unit))},
           {"due", format_date(due.due)}};
    if (explain) {
      j["explain"] = json::array();
      for (const auto& n : due.walk.days) j["explain"].push_back(day_json(n));
    }
    return View().text(j.dump() + "\n");
  }
  if (!explain) return View().text(format_date(due.due) + "\n");
  Rows rows{{"date", "weekday", "kind", "counted"}, {}};
  for (const auto& n : due.walk.days) rows.rows.push_back(day_json(n));
  View v;
  v.rows(std::move(rows));
  if (f == Format::table) v.text(fmt::format("due {}\n", format_date(due.due)));
  return v;
}

Rows event_rows(const Policy& p, const std::vector<Event>& events, TimeStyle times) {
  Rows rows{{"id", "ticket", "at", "actor", "via", "verb", "state_before", "state_after", "changes", "note"}, {}};
  for (const auto& e : events) {
    json changes = e.changes;
    std::string summary;
    if (times == TimeStyle::local) {
      for (const auto& [k, v] : changes.items()) {
        if (!summary.empty()) summary += "; ";
        auto shown = [](const json& x) { return x.is_null() ? std::string("-") : cell_text(x); };
        if (v.is_array() && v.size() == 2)
          summary += fmt::format("{}: {} → {}", k, shown(v[0]), shown(v[1]));
        else
          summary += fmt::format("{}: {}", k, cell_text(v));
      }
    }
    rows.rows.push_back({{"id", e.id},
                         {"ticket", e.ticket_id ? json(*e.ticket_id) : json(nullptr)},
                         {"at", time_text(p, e.at, times)},
                         {"actor", e.actor},
                         {"via", e.via ? json(*e.via) : json(nullptr)},
                         {"verb", e.verb},
                         {"state_before", e.state_before ? json(*e.state_before) : json(nullptr)},
                         {"state_after", e.state_after ? json(*e.state_after) : json(nullptr)},
                         {"changes", times == TimeStyle::local ? json(summary) : changes},
                         {"note", e.note ? json(*e.note) : json(nullptr)}});
  }
  return rows;
}

Rows deadline_rows(const Policy& p, const std::vector<Stage>& stages, Date today, Instant now, const Ticket* ticket) {
  Rows rows{{"stage", "rule", "from", "due", "status", "date", "weekday", "kind", "counted"}, {}};
  auto status = [&](const Stage& s, Date limit) {
    if (s.finished_on) return std::string(*s.finished_on > limit ? "finished late" : "finished on time");
    return std::string(today > limit ? "overdue" : "open");
  };
  auto walk = [&](const Stage& s, const std::string& label, Date from, Date due, bool calendar_days, bool same_day,
                  bool escalation = false) {
    std::string st = status(s, due);
    std::string rule(to_string(s.rule));
    // A level of an approval chain (SPEC 11) names itself: "approval 2/3", rule "approval: 财务部审核".
    if (const ApprovalLevel* l = ticket && s.level ? approval_level_of(*ticket, *s.level) : nullptr)
      rule += ": " + l->name;
    if (s.due_at && !escalation) {
      bool late = s.finished_at ? *s.finished_at > *s.due_at : now > *s.due_at;
      st = s.finished_at ? (late ? "finished late" : "finished on time") : (late ? "overdue" : "open");
    }
    std::vector<DayNote> days;
    if (calendar_days) {
      days = calendar_days_after(p.calendar, from, static_cast<int>((due - from).count())).days;
    } else if (same_day) {
      days = working_days_after(p.calendar, from, 0).days;  // the trigger day, rolled forward
    } else {
      int counted = 0;
      for (Date d = from + std::chrono::days(1); d <= due; d += std::chrono::days(1)) {
        bool counts = p.calendar.is_workday(d);
        days.push_back({d, p.calendar.kind(d), counts ? ++counted : 0});
      }
    }
    for (const auto& n : days)
      rows.rows.push_back({{"stage", label},
                           {"rule", rule},
                           {"from", format_date(from)},
                           {"due", format_date(due)},
                           {"status", st},
                           {"date", format_date(n.day)},
                           {"weekday", weekday_name(n.day)},
                           {"kind", day_kind_name(n.kind)},
                           {"counted", n.count > 0 ? json(n.count) : json(nullptr)}});
  };
  for (const auto& s : stages) {
    std::string label(to_string(s.kind));
    if (ticket && s.level) label += fmt::format(" {}/{}", *s.level, ticket->approval_levels());
    bool hourly = s.due_at.has_value();
    // A 0-day rule (approval by default) means the trigger day itself; its due date shows it.
    bool same_day = !hourly && s.due == working_days_after(p.calendar, s.start_date, 0).due &&
                    (s.kind == StageKind::approval || s.due == s.start_date);
    walk(s, label, s.start_date, s.due, hourly, same_day);
    if (s.escalated_at && s.escalated_due)
      walk(s, label + " (escalated)", p.organization.timezone.local_date(*s.escalated_at), *s.escalated_due, true,
           false, true);
  }
  return rows;
}

}  // namespace linkctl
