// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "policy.hpp"
#include "ticket.hpp"

namespace linkctl {

/// The verbs that act on one ticket (SPEC section 3, and the supervisor's spot check).
enum class Verb { approve, reject, confirm, route, forward, close, explain, escalate, rate, reset, spotcheck, comment };

/// Who may act, in relation to the ticket.
enum class Party {
  sending_lead,    ///< a lead of the ticket's sending department
  approver,        ///< the approver of the ticket's current approval level (SPEC 11; without a chain: sending_lead)
  receiving_lead,  ///< a lead of the ticket's receiving department
  handler,         ///< the ticket's handler, while a member of the receiving department
  supervisor,      ///< anyone with the supervisor role
  viewer,          ///< anyone who may see the ticket
};

/// A set of states, as a bit mask.
class StateSet {
 public:
  constexpr StateSet(std::initializer_list<State> states) {
    for (auto s : states) bits_ |= 1u << static_cast<unsigned>(s);
  }
  static constexpr StateSet any() {
    return {State::pending,  State::routed, State::assigned, State::handled,
            State::answered, State::done,   State::rejected};
  }
  constexpr bool contains(State s) const { return (bits_ >> static_cast<unsigned>(s)) & 1u; }

 private:
  unsigned bits_ = 0;
};

/// Which approval levels a row applies at (SPEC section 11); a ticket without a chain is at level 1 of 1.
enum class AtLevel { any, before_last, last };

/// One row of the lifecycle table: in `from`, `who` may `verb` the ticket, which then
/// moves to `to` (nullopt: stays), starting a stage by `starts` where a verb can start
/// several kinds. A verb with several rows is allowed by any of them; the first row
/// that matches both the state and the actor is the one that applies.
struct Transition {
  Verb verb;
  StateSet from;
  Party who;
  std::optional<State> to;
  std::optional<StageRule> starts;
  const char* listed_as;  ///< its name in "allowed here: ..." lists
  const char* action;     ///< "X may not <action> ticket N"
  const char* passive;    ///< "ticket N is 'S', so it cannot <passive>"
  AtLevel at_level = AtLevel::any;
};

/// The lifecycle of SPEC section 3, one row per verb, state set and party, in the
/// order "allowed here" lists them. Permissions, refusals and the permission test read it.
std::span<const Transition> lifecycle_rules();

/// True when `person` is `party` for ticket `t` under `policy`.
bool acts_as(const Policy& policy, const Person& person, const Ticket& t, Party party);

/// The row that lets `person` do `verb` to `t`. Throws Error(conflict) naming the
/// state and the verbs allowed in it when no row of `verb` has t's state, and
/// Error(permission) naming who may when rows have it but `person` is none of their parties.
const Transition& authorize(const Policy& policy, const Person& person, const Ticket& t, Verb verb);

/// A department as messages name it: "市场部 (market)", or the bare code when the policy has none such.
std::string dept_label(const Policy& policy, const std::string& code);

/// The verbs allowed in `state`, named as refusal messages list them.
std::vector<std::string> verbs_allowed(State state);

/// Which tickets a person sees (SPEC section 8): supervisors and admins all of them,
/// everyone else those sent from or to their own department.
struct Visibility {
  bool all = false;
  std::vector<std::string> depts;  ///< when not `all`
};
Visibility visibility_of(const Person& person);
bool can_see(const Person& person, const Ticket& t);
/// True when `person` sees the tickets from or to department `dept`.
bool sees_department(const Person& person, const std::string& dept);

/// Verbs of the supervising office and the administrators, not tied to a ticket's state.
enum class OfficeVerb { freeze_report, sample_spotchecks, recompute_deadlines, import_tickets, read_event_feed };

/// Throws Error(permission) unless `person` holds a role that may do `verb`.
void authorize(const Person& person, OfficeVerb verb);

}  // namespace linkctl
