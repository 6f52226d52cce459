// SPDX-License-Identifier: MIT
#include "views.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "approval.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "text.hpp"

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<Stage>& s) { return s ? json(format_date(s->current_due())) : json(nullptr); }

std::string time_text(const Policy& p, Instant t, TimeStyle style) {
  return style == TimeStyle::iso ? format_instant(t) : p.organization.timezone.format_local(t);
}

}  // namespace

std::unordered_map<std::string, std::string> name_labels(
    const std::vector<std::pair<std::string, std::string>>& named) {
  std::unordered_map<std::string, int> uses;
  for (const auto& [code, name] : named) ++uses[name];
  std::unordered_map<std::string, std::string> labels;
  for (const auto& [code, name] : named)
    labels[code] = name.empty() ? code : uses[name] > 1 ? fmt::format("{} ({})", name, code) : name;
  return labels;
}

Names::Names(const Policy& p) {
  std::vector<std::pair<std::string, std::string>> named;
  for (const auto& d : p.departments) named.emplace_back(d.code, d.name);
  depts_ = name_labels(named);
  named.clear();
  for (const auto& person : p.people) named.emplace_back(person.id, person.name);
  people_ = name_labels(named);
}

std::string Names::dept(const std::string& code) const {
  auto it = depts_.find(code);
  return it == depts_.end() ? code : it->second;
}

std::string Names::person(const std::string& id) const {
  auto it = people_.find(id);
  return it == people_.end() ? id : it->second;
}

json ticket_json(const Policy& p, const Ticket& t, Date today, Instant now, TimeStyle times) {
  const Category* cat = p.category(t.category);
  json j =
      RowBuilder(24)("id", t.id)("state", std::string(to_string(t.state)))("title", t.title)("category", t.category)(
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
    rows.fit = "title";
    const Names names(p);
    for (const auto& t : tickets) {
      auto due = t.next_due();
      std::string state(to_string(t.state));
      if (t.escalated) state += "!";
      rows.rows.push_back({{"id", t.id},
                           {"state", state},
                           {"severity", std::string(to_string(t.severity))},
                           {"from", names.dept(t.from_dept)},
                           {"to", names.dept(t.to_dept)},
                           {"handler", t.handler ? json(names.person(*t.handler)) : json(nullptr)},
                           {"due", due ? json(format_date(*due)) : json(nullptr)},
                           {"overdue", t.overdue_stages(today, now)},
                           {"title", t.title}});
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
  const Names names(p);
  if (f == Format::table) {
    auto& row = rows.rows.front();
    for (const char* key : {"filer", "handler"})
      if (row[key].is_string()) row[key] = names.person(row[key].get<std::string>());
    for (const char* key : {"from_dept", "to_dept"}) row[key] = names.dept(row[key].get<std::string>());
  }
  if (t.chain) {
    rows.columns.push_back("approvals");
    json approvals = approvals_json(p, t, stages, events, time_style(f));
    if (f == Format::table) {
      // One line: "1 部门负责人 (市场部) due 2026-09-28 张伟; 2 财务部审核 (财务部) due 2026-09-30 -; ..."
      std::vector<std::string> parts;
      for (const auto& a : approvals)
        parts.push_back(trf("{} {} ({}) due {} {}", a["level"].get<int>(), a["name"].get<std::string>(),
                            names.dept(a["dept"].get<std::string>()),
                            a["due"].is_null() ? "-" : a["due"].get<std::string>(),
                            a["approved_by"].is_null() ? "-" : names.person(a["approved_by"].get<std::string>())));
      approvals = fmt::format("{}", fmt::join(parts, "; "));
    }
    rows.rows.front()["approvals"] = approvals;
  }
  return View().record(std::move(rows));
}

View change_view(const Policy& p, const Ticket& t, std::optional<State> before, bool existed, Date today, Instant now,
                 Format f) {
  if (f != Format::table) return View().record(ticket_rows(p, {t}, today, now, TimeStyle::iso, false));
  std::string line;
  if (existed)
    line = trf("ticket {}: already filed with this --ref ({})", t.id, state_label(t.state));
  else if (before && *before != t.state)
    line = trf("ticket {}: {} → {}", t.id, state_label(*before), state_label(t.state));
  else
    line = trf("ticket {}: {}", t.id, state_label(t.state));
  if (t.state == State::assigned && t.handler) line += trf(", handler {}", *t.handler);
  for (const auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s && !(*s)->finished()) line += trf("; {} due {}", stage_label((*s)->kind), format_date((*s)->current_due()));
  auto overdue = t.overdue_stages(today, now);
  if (!overdue.empty()) {
    std::vector<std::string> stages;
    for (const auto& o : overdue) stages.push_back(cell_label("stage", o).get<std::string>());
    line += trf(" (overdue: {})", fmt::join(stages, ", "));
  }
  return View().text(line + "\n");
}

View event_list(const Policy& p, const std::vector<Event>& events, Format f) {
  return View().rows(event_rows(p, events, time_style(f)));
}

View lapse_list(const Policy& p, const std::vector<Lapse>& lapses, Format f) {
  if (lapses.empty() && f != Format::json) return {};
  Rows rows{{"dept", "ticket", "stage", "due", "days_late", "severity", "state", "escalated", "title"}, {}};
  rows.rows.reserve(lapses.size());
  std::optional<Names> names;
  if (f == Format::table) {
    names.emplace(p);
    rows.fit = "title";
  }
  for (const auto& l : lapses)
    rows.rows.push_back(RowBuilder(9)("dept", names ? names->dept(l.stage.dept) : l.stage.dept)("ticket", l.ticket)(
                            "stage", l.stage_label())("due", format_date(l.missed))("days_late", l.days_late)(
                            "severity", std::string(to_string(l.severity)))("state", std::string(to_string(l.state)))(
                            "escalated", l.escalated)("title", l.title)
                            .take());
  return View().rows(std::move(rows));
}

View nothing_changed_view(const std::string& message, Format f) {
  if (f != Format::table) return {};
  return View().text(message + "\n");
}

void write_import(const std::vector<std::pair<std::int64_t, std::int64_t>>& runs, std::size_t filed,
                  std::size_t skipped, Format f, const RenderOptions& opt, std::ostream& out) {
  if (f == Format::table) {
    out << trf(filed == 1 ? N_("imported {} ticket{}{}\n") : N_("imported {} tickets{}{}\n"), filed,
               runs.empty() ? "" : fmt::format(" ({}-{})", runs.front().first, runs.back().second),
               skipped ? trf("; {} already filed (same ref)", skipped) : "")
        << std::flush;
    return;
  }
  RowWriter writer(f, {"id"}, opt, out);
  nlohmann::ordered_json row{{"id", 0}};
  for (const auto& [first, last] : runs)
    for (auto id = first; id <= last; ++id) {
      row["id"] = id;
      writer.write(row);
    }
  writer.finish();
  out << std::flush;
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
  if (f == Format::table) v.text(trf("due {}\n", format_date(due.due)));
  return v;
}

Rows event_rows(const Policy& p, const std::vector<Event>& events, TimeStyle times) {
  Rows rows{{"id", "ticket", "at", "actor", "via", "verb", "state_before", "state_after", "changes", "note"}, {}};
  std::optional<Names> names;
  if (times == TimeStyle::local) names.emplace(p);
  // People and departments by name for a person to read; codes (and logins) for machines.
  auto person = [&](const std::string& id) { return names ? names->person(id) : id; };
  for (const auto& e : events) {
    json changes = e.changes;
    std::string summary;
    if (times == TimeStyle::local) {
      for (const auto& [k, v] : changes.items()) {
        if (!summary.empty()) summary += _("; ");
        bool is_person = k == "filer" || k == "handler";
        bool is_dept = k == "to_dept" || k == "from_dept" || k == "dept";
        auto shown = [&](const json& x) {
          if (x.is_null()) return std::string("-");
          if (x.is_string() && is_person) return names->person(x.get<std::string>());
          if (x.is_string() && is_dept) return names->dept(x.get<std::string>());
          return cell_text(cell_label(k, x));
        };
        // TRANSLATORS: one change in a ticket's history: "severity: normal → urgent".
        if (v.is_array() && v.size() == 2)
          summary += trf("{}: {} → {}", column_label(k), shown(v[0]), shown(v[1]));
        else
          summary += trf("{}: {}", column_label(k), v.is_null() ? cell_text(v) : shown(v));
      }
    }
    rows.rows.push_back({{"id", e.id},
                         {"ticket", e.ticket_id ? json(*e.ticket_id) : json(nullptr)},
                         {"at", time_text(p, e.at, times)},
                         {"actor", person(e.actor)},
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

View deadline_view(const Policy& p, const std::vector<Stage>& stages, Date today, Instant now, Format f,
                   const Ticket* ticket) {
  Rows all = deadline_rows(p, stages, today, now, ticket);
  if (f != Format::table || all.rows.empty()) return View().rows(std::move(all));
  // A heading for each stage instead of its columns repeated on every day's row.
  const std::vector<std::string> day_columns{"date", "weekday", "kind", "counted"};
  View v;
  std::optional<Rows> days;
  json stage;
  for (const auto& row : all.rows) {
    json key = json::array({row.at("stage"), row.at("rule"), row.at("from"), row.at("due"), row.at("status")});
    if (!days || key != stage) {
      if (days) v.rows(std::move(*days)).text("\n");
      v.text(trf("{}: rule {}, from {}, due {} ({})\n", cell_text(cell_label("stage", key[0])),
                 cell_text(cell_label("rule", key[1])), cell_text(key[2]), cell_text(key[3]),
                 cell_text(cell_label("status", key[4]))));
      days = Rows{day_columns, {}};
      stage = std::move(key);
    }
    auto& day = days->rows.emplace_back(json::object());
    for (const auto& c : day_columns) day[c] = row.at(c);
  }
  v.rows(std::move(*days));
  return v;
}

}  // namespace linkctl
