// SPDX-License-Identifier: MIT
#include "rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "approval.hpp"
#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {
namespace {

using enum State;
using P = Party;

// SPEC section 3. Rows are in the order refusal messages list the verbs allowed in a state.
constexpr Transition kLifecycle[] = {
    // SPEC 11: a level before the last hands the ticket to the next level; the last one routes it.
    {Verb::approve,
     {pending},
     P::approver,
     pending,
     StageRule::approval,
     "approve",
     N_("approve"),
     N_("be approved"),
     AtLevel::before_last},
    {Verb::approve,
     {pending},
     P::approver,
     routed,
     StageRule::feedback,
     "approve",
     N_("approve"),
     N_("be approved"),
     AtLevel::last},
    {Verb::reject,
     {pending},
     P::approver,
     rejected,
     std::nullopt,
     "reject",
     N_("reject"),
     N_("be rejected"),
     AtLevel::any},
    {Verb::confirm,
     {handled},
     P::receiving_lead,
     answered,
     StageRule::review,
     "confirm",
     N_("confirm"),
     N_("be confirmed")},
    // Assign a handler, or send a handled ticket back to one (with a reason).
    {Verb::route,
     {routed, assigned, handled},
     P::receiving_lead,
     assigned,
     std::nullopt,
     "route",
     N_("route"),
     N_("be assigned")},
    // Forward a misdirected ticket; the feedback clock keeps running.
    {Verb::forward,
     {routed, assigned},
     P::receiving_lead,
     routed,
     std::nullopt,
     "route",
     N_("forward"),
     N_("be forwarded to another department")},
    {Verb::close, {assigned}, P::handler, handled, std::nullopt, "close", N_("close"), N_("be closed")},
    {Verb::close, {assigned}, P::receiving_lead, handled, std::nullopt, "close", N_("close"), N_("be closed")},
    {Verb::explain,
     {routed, assigned, handled},
     P::receiving_lead,
     std::nullopt,
     std::nullopt,
     "explain",
     N_("explain"),
     N_("be explained")},
    {Verb::escalate,
     {routed, assigned, handled},
     P::supervisor,
     std::nullopt,
     std::nullopt,
     "escalate",
     N_("escalate"),
     N_("be escalated")},
    {Verb::rate, {answered}, P::sending_lead, done, std::nullopt, "rate", N_("rate"), N_("be rated")},
    {Verb::reset, {answered}, P::sending_lead, routed, StageRule::reset, "reset", N_("reset"), N_("be reset")},
    {Verb::reset,
     {answered},
     P::supervisor,
     routed,
     StageRule::reset_by_supervisor,
     "reset",
     N_("reset"),
     N_("be reset")},
    // Scored against both departments.
    {Verb::reset,
     {done},
     P::supervisor,
     routed,
     StageRule::reset_after_rating,
     "reset (supervisor)",
     N_("reset a rated"),
     N_("be reset")},
    {Verb::spotcheck,
     {done},
     P::supervisor,
     std::nullopt,
     std::nullopt,
     "spotcheck record",
     N_("spot-check"),
     N_("be spot-checked")},
    {Verb::comment, StateSet::any(), P::viewer, std::nullopt, std::nullopt, "comment", N_("comment on"),
     N_("get a comment")},
};

std::string leads_of(const Policy& p, const std::string& code) {
  const Department* d = p.department(code);
  return d && !d->leads.empty() ? fmt::format("{}", fmt::join(d->leads, ", ")) : _("nobody");
}

std::string supervisors(const Policy& p) {
  std::vector<std::string> ids;
  for (const auto& x : p.people)
    if (x.supervisor) ids.push_back(x.id);
  return ids.empty() ? _("nobody") : fmt::format("{}", fmt::join(ids, ", "));
}

// "a lead of the sending department 市场部 (market) (zhang.wei) or a supervisor (lin.xiuying)".
std::string who_may(const Policy& p, const Ticket& t, const std::vector<Party>& parties) {
  std::vector<std::string> phrases;
  bool after_handler = false;
  for (auto party : parties) {
    switch (party) {
      case Party::sending_lead:
        phrases.push_back(
            trf("a lead of the sending department {} ({})", dept_label(p, t.from_dept), leads_of(p, t.from_dept)));
        break;
      case Party::approver:
        if (t.chain) {
          phrases.push_back(level_approver_phrase(p, t));
          break;
        }
        phrases.push_back(
            trf("a lead of the sending department {} ({})", dept_label(p, t.from_dept), leads_of(p, t.from_dept)));
        break;
      case Party::receiving_lead:
        // After "its handler" the department goes without saying which side it is.
        phrases.push_back(after_handler ? trf("a lead of {} ({})", dept_label(p, t.to_dept), leads_of(p, t.to_dept))
                                        : trf("a lead of the receiving department {} ({})", dept_label(p, t.to_dept),
                                              leads_of(p, t.to_dept)));
        break;
      case Party::handler:
        phrases.push_back(trf("its handler ({})", t.handler.value_or(_("none"))));
        break;
      case Party::supervisor:
        phrases.push_back(trf("a supervisor ({})", supervisors(p)));
        break;
      case Party::viewer:
        phrases.push_back(_("someone who may see it"));
        break;
    }
    after_handler = party == Party::handler;
  }
  return fmt::format("{}", fmt::join(phrases, _(" or ")));
}

struct OfficeRule {
  OfficeVerb verb;
  const char* action;
  bool supervisor, admin;
};

constexpr OfficeRule kOffice[] = {
    {OfficeVerb::freeze_report, N_("freeze a monthly report"), true, false},
    {OfficeVerb::sample_spotchecks, N_("sample tickets for spot checks"), true, false},
    {OfficeVerb::recompute_deadlines, N_("recompute deadlines"), false, true},
    {OfficeVerb::import_tickets, N_("import tickets"), false, true},
    {OfficeVerb::read_event_feed, N_("read the event feed"), true, true},
};

}  // namespace

std::span<const Transition> lifecycle_rules() { return kLifecycle; }

bool acts_as(const Policy& p, const Person& person, const Ticket& t, Party party) {
  switch (party) {
    case Party::sending_lead:
      return p.is_lead(person.id, t.from_dept);
    case Party::approver:
      return is_level_approver(p, person, t);
    case Party::receiving_lead:
      return p.is_lead(person.id, t.to_dept);
    // The handler only while still in the receiving department: a move by `policy apply` ends it.
    case Party::handler:
      return t.handler == person.id && person.department == t.to_dept;
    case Party::supervisor:
      return person.supervisor;
    case Party::viewer:
      return can_see(person, t);
  }
  return false;
}

const Transition& authorize(const Policy& p, const Person& person, const Ticket& t, Verb verb) {
  const Transition* in_state = nullptr;
  std::vector<Party> parties;
  bool last_level = t.approval_level() >= t.approval_levels();
  for (const auto& row : kLifecycle) {
    if (row.verb != verb || !row.from.contains(t.state)) continue;
    if (row.at_level == AtLevel::last ? !last_level : row.at_level == AtLevel::before_last && last_level) continue;
    if (acts_as(p, person, t, row.who)) return row;
    if (!in_state) in_state = &row;
    parties.push_back(row.who);
  }
  if (!in_state) {
    const char* passive = N_("do that");
    for (const auto& row : kLifecycle)
      if (row.verb == verb) passive = row.passive;
    throw Error(ErrorKind::conflict, trf("ticket {} is '{}', so it cannot {}; allowed here: {}", t.id,
                                         C_("state", std::string(to_string(t.state)).c_str()), _(passive),
                                         fmt::join(verbs_allowed(t.state), ", ")));
  }
  throw Error(ErrorKind::permission, trf("{} may not {} ticket {}: only {} may", person.id, _(in_state->action), t.id,
                                         who_may(p, t, parties)));
}

std::vector<std::string> verbs_allowed(State state) {
  std::vector<std::string> out;
  for (const auto& row : kLifecycle)
    if (row.from.contains(state) && std::find(out.begin(), out.end(), row.listed_as) == out.end())
      out.emplace_back(row.listed_as);
  return out;
}

Visibility visibility_of(const Person& person) {
  if (person.supervisor || person.admin) return {true, {}};
  return {false, {person.department}};
}

bool sees_department(const Person& person, const std::string& dept) {
  auto v = visibility_of(person);
  return v.all || std::find(v.depts.begin(), v.depts.end(), dept) != v.depts.end();
}

bool can_see(const Person& person, const Ticket& t) {
  return sees_department(person, t.from_dept) || sees_department(person, t.to_dept) || sees_as_approver(person, t);
}

void authorize(const Person& person, OfficeVerb verb) {
  for (const auto& rule : kOffice) {
    if (rule.verb != verb) continue;
    if ((rule.supervisor && person.supervisor) || (rule.admin && person.admin)) return;
    const char* who = rule.supervisor && rule.admin ? _("supervisors and admins")
                      : rule.supervisor             ? _("supervisors")
                                                    : _("admins");
    throw Error(ErrorKind::permission, trf("{} may not {}: only {} may", person.id, _(rule.action), who));
  }
}

std::string dept_label(const Policy& p, const std::string& code) {
  const Department* d = p.department(code);
  return d ? fmt::format("{} ({})", d->name, code) : code;
}

}  // namespace linkctl
