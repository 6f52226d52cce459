// SPDX-License-Identifier: MIT
#include "lifecycle.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "approval.hpp"
#include "deadlines.hpp"
#include "error.hpp"
#include "hash.hpp"
#include "i18n.hpp"
#include "rules.hpp"
#include "text.hpp"

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

// Checks the rules table (lib/domain/rules.cpp) and returns the row that applies.
const Transition& allow(const Policy& p, const Actor& a, const Ticket& t, Verb verb) {
  return authorize(p, *a.person, t, verb);
}

Outcome start(const Actor& a, const Moment& at, const Ticket& t, std::string verb) {
  Outcome o;
  o.after = t;
  o.event.ticket_id = t.id;
  o.event.verb = std::move(verb);
  o.event.actor = a.id();
  o.event.via = a.via;
  o.event.at = at.now;
  o.event.recorded_at = at.wall;
  o.event.clock_override = at.overridden;
  o.event.state_before = std::string(to_string(t.state));
  return o;
}

Outcome finish(Outcome o, const Ticket& before, const Moment& at, std::optional<std::string> note = std::nullopt) {
  o.after.updated_at = at.now;
  o.event.state_after = std::string(to_string(o.after.state));
  o.event.changes = ticket_changes(before, o.after);
  o.event.note = std::move(note);
  return o;
}

Stage begin_stage(const Policy& p, StageKind kind, StageRule rule_name, std::string dept, const Deadline& rule,
                  Severity severity, const Moment& at, Outcome& out) {
  auto due = due_after(p, rule, severity, at.now, at.today);
  out.uncovered_years.insert(due.walk.uncovered_years.begin(), due.walk.uncovered_years.end());
  Stage s;
  s.kind = kind;
  s.rule = rule_name;
  s.dept = std::move(dept);
  s.started_at = at.now;
  s.start_date = at.today;
  s.due = due.due;
  s.due_at = due.due_at;
  return s;
}

// The approval stage of `level`, owed by the level's department, due by its rule.
Stage begin_level(const Policy& p, const Ticket& t, int level, const Moment& at, Outcome& out) {
  Stage s = begin_stage(p, StageKind::approval, StageRule::approval, level_dept(p, t, level), level_rule(p, t, level),
                        t.severity, at, out);
  if (t.chain) s.level = level;
  return s;
}

// {"level": 2, "of": 3, "name": "财务部审核"}: the level an event acts at (chained tickets only).
json level_json(const Ticket& t, int level) {
  const ApprovalLevel* l = approval_level_of(t, level);
  return json{{"level", level}, {"of", t.approval_levels()}, {"name", l ? l->name : std::string()}};
}

void end_stage(std::optional<Stage>& s, const Moment& at, std::string outcome) {
  if (!s || s->finished()) return;
  s->finished_at = at.now;
  s->finished_on = at.today;
  s->outcome = std::move(outcome);
}

void check_title(std::string_view v) { check_text("the title", v, kMaxTitleBytes, false, true); }
void check_body(std::string_view v) { check_text("the body", v, kMaxBodyBytes, true, false); }
void check_note(std::string_view what, std::string_view v) { check_text(what, v, kMaxNoteBytes, true, true); }

const Department& receiving_dept(const Policy& p, const std::string& code, std::string_view option) {
  const Department* d = p.department(code);
  if (!d) {
    std::vector<std::string> codes;
    for (const auto& x : p.departments)
      if (x.kind != DeptKind::office) codes.push_back(x.code);
    throw Error(ErrorKind::not_found,
                trf("{} {}: no such department; use one of: {}", option, code, fmt::join(codes, ", ")));
  }
  if (d->kind == DeptKind::office)
    throw Error(ErrorKind::usage,
                trf("{} {}: {} is the supervising office, which does not receive tickets", option, code, d->name));
  return *d;
}

const Category& category_of(const Policy& p, const std::string& code) {
  const Category* c = p.category(code);
  if (!c)
    throw Error(ErrorKind::not_found,
                trf("no category '{}' in the policy; list them with 'linkctl policy show'", code));
  return *c;
}

std::optional<std::string> date_text(const std::optional<Stage>& s) {
  if (!s) return std::nullopt;
  return format_date(s->current_due());
}

}  // namespace

std::string filing_digest(const std::string& filer, const FileRequest& r) {
  json j = json::array({filer, r.category, r.title, r.body,
                        r.severity ? json(std::string(to_string(*r.severity))) : json(nullptr),
                        r.to ? json(*r.to) : json(nullptr)});
  return sha256_hex(j.dump());
}

json ticket_changes(const Ticket& b, const Ticket& a) {
  json c = json::object();
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  auto field = [&](const char* name, json before, json after) {
    if (before != after) c[name] = json::array({before, after});
  };
  field("state", std::string(to_string(b.state)), std::string(to_string(a.state)));
  field("severity", std::string(to_string(b.severity)), std::string(to_string(a.severity)));
  field("category", b.category, a.category);
  field("to_dept", b.to_dept, a.to_dept);
  field("title", b.title, a.title);
  field("body", b.body, a.body);
  field("handler", opt(b.handler), opt(a.handler));
  field("result", opt(b.result), opt(a.result));
  field("rating", b.rating ? json(std::string(to_string(*b.rating))) : json(nullptr),
        a.rating ? json(std::string(to_string(*a.rating))) : json(nullptr));
  field("escalated", b.escalated, a.escalated);
  field("resets", b.resets, a.resets);
  field("approval_due", opt(date_text(b.approval)), opt(date_text(a.approval)));
  auto level = [](const Ticket& t) {
    return t.approval && t.approval->level ? json(*t.approval->level) : json(nullptr);
  };
  field("approval_level", level(b), level(a));
  field("feedback_due", opt(date_text(b.feedback)), opt(date_text(a.feedback)));
  field("review_due", opt(date_text(b.review)), opt(date_text(a.review)));
  bool was_explained = b.feedback && b.feedback->explained_at, is_explained = a.feedback && a.feedback->explained_at;
  field("explained", was_explained, is_explained);
  return c;
}

Outcome file_ticket(const Policy& p, const Actor& actor, const Moment& at, const FileRequest& r) {
  const Person& filer = *actor.person;
  const Category& cat = category_of(p, r.category);
  if (filer.filer_kinds.empty())
    throw Error(ErrorKind::permission,
                trf("{} may not file tickets: they hold no filer:<kind> role in the policy", filer.id));
  bool allowed = std::any_of(cat.filers.begin(), cat.filers.end(),
                             [&](const std::string& k) { return filer.filer_kinds.count(k); });
  if (!allowed)
    throw Error(ErrorKind::permission, trf("{} ({}) may not file category '{}': it is for {}", filer.id,
                                           fmt::join(filer.filer_kinds, ", "), cat.code, fmt::join(cat.filers, ", ")));
  check_title(r.title);
  check_body(r.body);
  if (r.ref) check_text("--ref", *r.ref, 200, false, true);
  const Department& to = receiving_dept(p, r.to.value_or(cat.to), "--to");

  Ticket t;
  t.ref = r.ref;
  t.state = State::pending;
  t.title = r.title;
  t.body = r.body;
  t.category = cat.code;
  t.severity = r.severity.value_or(cat.severity);
  t.filer = filer.id;
  t.from_dept = filer.department;
  t.to_dept = to.code;
  Moment filed = at;
  if (r.filed_at) {
    filed.now = *r.filed_at;
    filed.today = p.organization.timezone.local_date(*r.filed_at);
  }
  t.filed_at = filed.now;
  if (cat.chain)
    if (const ApprovalChain* chain = p.approval_chain(*cat.chain)) t.chain = *chain;
  Outcome o = start(actor, at, t, "file");
  o.event.at = filed.now;
  o.event.state_before.reset();
  o.after.approval = begin_level(p, t, 1, filed, o);
  o.after.updated_at = filed.now;
  o.event.state_after = std::string(to_string(o.after.state));
  // A new ticket's event lists what was filed, not a diff against nothing (so none is computed: import files many).
  o.event.changes = json{{"category", t.category},
                         {"severity", std::string(to_string(t.severity))},
                         {"to_dept", t.to_dept},
                         {"title", t.title},
                         {"approval_due", format_date(o.after.approval->due)}};
  if (r.ref) o.event.changes["ref"] = *r.ref;
  if (t.chain) {
    o.event.changes["approval_chain"] = t.chain->code;
    o.event.changes["level"] = level_json(t, 1);
  }
  return o;
}

Outcome approve(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const ApproveRequest& r) {
  const Transition& rule = allow(p, actor, t, Verb::approve);
  Outcome o = start(actor, at, t, "approve");
  Ticket& a = o.after;
  if (r.category) a.category = category_of(p, *r.category).code;
  if (r.severity) a.severity = *r.severity;
  if (r.to) a.to_dept = receiving_dept(p, *r.to, "--to").code;
  if (r.title) check_title(*r.title), a.title = *r.title;
  if (r.body) check_body(*r.body), a.body = *r.body;
  if (r.comment) check_note("the comment", *r.comment);
  int level = t.approval_level();
  end_stage(a.approval, at, "approved");
  a.state = *rule.to;
  if (*rule.starts == StageRule::approval) {
    // SPEC 11: the next level starts counting from this approval; this level's stage is kept for scoring.
    o.retired.push_back(*a.approval);
    a.approval = begin_level(p, a, level + 1, at, o);
  } else {
    a.feedback = begin_stage(p, StageKind::feedback, *rule.starts, a.to_dept,
                             p.feedback_rule(category_of(p, a.category)), a.severity, at, o);
  }
  Outcome done = finish(std::move(o), t, at, r.comment);
  if (t.chain) done.event.changes["level"] = level_json(t, level);
  return done;
}

Outcome reject(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason) {
  const Transition& rule = allow(p, actor, t, Verb::reject);
  check_note("--reason", reason);
  Outcome o = start(actor, at, t, "reject");
  end_stage(o.after.approval, at, "rejected");
  o.after.state = *rule.to;
  Outcome done = finish(std::move(o), t, at, reason);
  if (t.chain) done.event.changes["level"] = level_json(t, t.approval_level());
  return done;
}

Outcome route(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const RouteRequest& r) {
  if (r.to_user.has_value() == r.to_dept.has_value())
    throw Error(
        ErrorKind::usage,
        _("route needs exactly one of --to USER (assign a handler) or --dept DEPT (forward a misdirected ticket)"));
  if (r.reason) check_note("--reason", *r.reason);
  if (r.to_dept) {
    const Transition& rule = allow(p, actor, t, Verb::forward);
    if (!r.reason)
      throw Error(ErrorKind::usage, _("forwarding to another department needs --reason (why it was misdirected)"));
    const Department& d = receiving_dept(p, *r.to_dept, "--dept");
    if (d.code == t.to_dept)
      throw Error(ErrorKind::usage, trf("ticket {} is already at {}", t.id, dept_label(p, d.code)));
    Outcome o = start(actor, at, t, "route");
    o.after.to_dept = d.code;
    o.after.handler.reset();
    o.after.state = *rule.to;
    // The feedback clock keeps running: only who owes it changes.
    if (o.after.feedback) o.after.feedback->dept = d.code;
    return finish(std::move(o), t, at, r.reason);
  }
  const Transition& rule = allow(p, actor, t, Verb::route);
  if (t.state == State::handled && !r.reason)
    throw Error(ErrorKind::usage, _("sending a handled ticket back to a handler needs --reason (what is still to do)"));
  const Person* handler = p.person(*r.to_user);
  if (!handler) throw Error(ErrorKind::not_found, trf("--to {}: no such person in the policy", *r.to_user));
  bool eligible = handler->department == t.to_dept && (handler->handler || p.is_lead(handler->id, t.to_dept));
  if (!eligible) {
    std::vector<std::string> ids;
    for (const auto& x : p.people)
      if (x.department == t.to_dept && (x.handler || p.is_lead(x.id, t.to_dept))) ids.push_back(x.id);
    throw Error(ErrorKind::usage,
                trf("--to {}: not a handler of {}; assign one of: {}", handler->id, dept_label(p, t.to_dept),
                    ids.empty() ? "(none)" : fmt::format("{}", fmt::join(ids, ", "))));
  }
  Outcome o = start(actor, at, t, "route");
  o.after.handler = handler->id;
  o.after.state = *rule.to;
  return finish(std::move(o), t, at, r.reason);
}

Outcome close(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const std::string& result) {
  // A handler moved away by `policy apply` is told why, not just refused.
  if (t.state == State::assigned && t.handler == actor.id() && actor.person->department != t.to_dept &&
      !p.is_lead(actor.id(), t.to_dept))
    throw Error(ErrorKind::permission, trf("{} may not close ticket {}: only a handler in {}, which {} has "
                                           "left, or a lead there who can assign it anew may",
                                           actor.id(), t.id, dept_label(p, t.to_dept), actor.id()));
  const Transition& rule = allow(p, actor, t, Verb::close);
  check_note("--result", result);
  Outcome o = start(actor, at, t, "close");
  o.after.result = result;
  o.after.state = *rule.to;
  return finish(std::move(o), t, at, result);
}

Outcome confirm(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t,
                const std::optional<std::string>& comment) {
  const Transition& rule = allow(p, actor, t, Verb::confirm);
  if (comment) check_note("the comment", *comment);
  Outcome o = start(actor, at, t, "confirm");
  end_stage(o.after.feedback, at, "answered");
  o.after.state = *rule.to;
  o.after.review = begin_stage(p, StageKind::review, *rule.starts, t.from_dept, p.deadlines.review, t.severity, at, o);
  return finish(std::move(o), t, at, comment);
}

Outcome explain(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason) {
  allow(p, actor, t, Verb::explain);
  check_note("--reason", reason);
  if (t.feedback && t.feedback->explained_at)
    throw Error(ErrorKind::conflict, trf("ticket {} was already explained on {}; add detail with 'linkctl comment'",
                                         t.id, p.organization.timezone.format_local(*t.feedback->explained_at)));
  Outcome o = start(actor, at, t, "explain");
  o.after.feedback->explained_at = at.now;
  o.after.feedback->explanation = reason;
  return finish(std::move(o), t, at, reason);
}

Outcome rate(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, Rating rating,
             const std::optional<std::string>& comment) {
  const Transition& rule = allow(p, actor, t, Verb::rate);
  if (comment) check_note("the comment", *comment);
  Outcome o = start(actor, at, t, "rate");
  end_stage(o.after.review, at, std::string(to_string(rating)));  // scoring reads the rating here
  o.after.rating = rating;
  o.after.state = *rule.to;
  return finish(std::move(o), t, at, comment);
}

Outcome reset(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason) {
  // By the sending lead or a supervisor; after rating by a supervisor only, which scores against both departments.
  const Transition& rule = allow(p, actor, t, Verb::reset);
  check_note("--reason", reason);
  Outcome o = start(actor, at, t, "reset");
  Ticket& a = o.after;
  end_stage(a.review, at, "reset");
  // The finished review stage leaves the ticket's current stages but must still be stored.
  if (a.review && a.review != t.review) o.retired.push_back(*a.review);
  a.review.reset();
  a.state = *rule.to;
  a.handler.reset();
  a.rating.reset();
  a.resets += 1;
  a.feedback = begin_stage(p, StageKind::feedback, *rule.starts, a.to_dept, p.deadlines.reset, a.severity, at, o);
  return finish(std::move(o), t, at, reason);
}

Outcome escalate(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t,
                 const std::optional<std::string>& reason) {
  allow(p, actor, t, Verb::escalate);
  if (reason) check_note("--reason", *reason);
  if (t.feedback && t.feedback->escalated_at)
    throw Error(ErrorKind::conflict,
                trf("ticket {} was already escalated on {} (due {}); press it with 'linkctl comment'", t.id,
                    format_date(p.organization.timezone.local_date(*t.feedback->escalated_at)),
                    format_date(*t.feedback->escalated_due)));
  Outcome o = start(actor, at, t, "escalate");
  auto due = due_after(p, p.deadlines.escalated, t.severity, at.now, at.today);
  o.uncovered_years = due.walk.uncovered_years;
  o.after.feedback->escalated_at = at.now;
  o.after.feedback->escalated_due = due.due;
  o.after.escalated = true;
  return finish(std::move(o), t, at, reason);
}

Outcome comment(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, const std::string& text) {
  allow(p, actor, t, Verb::comment);
  check_note("the comment", text);
  Outcome o = start(actor, at, t, "comment");
  return finish(std::move(o), t, at, text);
}

Outcome spotcheck(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t, bool fake,
                  const std::optional<std::string>& note) {
  allow(p, actor, t, Verb::spotcheck);
  if (note) check_text("--note", *note, kMaxNoteBytes, true, true);
  Outcome o = start(actor, at, t, "spotcheck");
  o.event.state_after = o.event.state_before;
  o.event.changes["finding"] = fake ? "fake" : "ok";
  o.event.changes["dept"] = t.to_dept;
  o.event.changes["on_date"] = format_date(at.today);  // the month the finding counts in
  o.event.note = note;
  return o;
}

std::optional<Outcome> recompute_deadlines(const Policy& p, const Actor& actor, const Moment& at, const Ticket& t) {
  const Category* cat = p.category(t.category);
  Outcome o = start(actor, at, t, "deadlines.recompute");
  auto redo = [&](std::optional<Stage>& s) {
    if (!s || s->finished()) return;
    Deadline rule = level_rule(p, t, s->level.value_or(1));
    if (s->kind == StageKind::review) rule = p.deadlines.review;
    if (s->kind == StageKind::feedback)
      rule = s->rule == StageRule::feedback ? (cat ? p.feedback_rule(*cat) : p.deadlines.feedback) : p.deadlines.reset;
    auto due = due_after(p, rule, t.severity, s->started_at, s->start_date);
    o.uncovered_years.insert(due.walk.uncovered_years.begin(), due.walk.uncovered_years.end());
    s->due = due.due;
    s->due_at = due.due_at;
    if (s->escalated_at) {
      Date from = p.organization.timezone.local_date(*s->escalated_at);
      s->escalated_due = due_after(p, p.deadlines.escalated, t.severity, *s->escalated_at, from).due;
    }
  };
  redo(o.after.approval);
  redo(o.after.feedback);
  redo(o.after.review);
  if (o.after.approval == t.approval && o.after.feedback == t.feedback && o.after.review == t.review)
    return std::nullopt;
  // The original due dates matter for scoring too, so record them beside the ones in force.
  Outcome done = finish(std::move(o), t, at, std::string("deadlines recomputed under the policy in force"));
  auto stage_dues = [](const std::optional<Stage>& s) {
    return s ? json::array(
                   {format_date(s->due), s->escalated_due ? json(format_date(*s->escalated_due)) : json(nullptr)})
             : json(nullptr);
  };
  done.event.changes["stages"] =
      json::object({{"approval", json::array({stage_dues(t.approval), stage_dues(done.after.approval)})},
                    {"feedback", json::array({stage_dues(t.feedback), stage_dues(done.after.feedback)})},
                    {"review", json::array({stage_dues(t.review), stage_dues(done.after.review)})}});
  done.after.updated_at = t.updated_at;  // a correction, not an action on the ticket
  return done;
}

}  // namespace linkctl
