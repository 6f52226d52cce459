// SPDX-License-Identifier: MIT
#pragma once
#include <functional>

#include "clock.hpp"
#include "lifecycle.hpp"
#include "store.hpp"

namespace linkctl {

/// Everything a verb needs: the store, the policy in force (and its version),
/// the clock, and who is acting.
struct Session {
  Store& store;
  const Policy& policy;
  std::int64_t policy_version;
  const Clock& clock;
  Actor actor;

  /// The effective time of this command and its local date.
  Moment moment() const;
};

/// The result of a verb: the ticket as stored afterwards.
struct Applied {
  Ticket ticket;
  std::optional<State> before;  ///< nullopt for a new ticket
  std::set<int> uncovered_years;
  bool existed = false;  ///< file --ref: the same ticket was already filed; nothing changed
};

/// Files a ticket in one transaction with its event. With a --ref already
/// used: the same content returns the existing ticket, different content is a conflict.
Applied file(Session& s, const FileRequest& r);

/// Loads ticket `id` (not found unless the actor may see it), applies `verb`,
/// and stores the result and its event, all in one write transaction.
Applied act(Session& s, std::int64_t id, const std::function<Outcome(const Ticket&)>& verb);

/// Admins: recomputes the unfinished stages' due dates of ticket `id` (or of
/// every open ticket) under the policy in force, one event per changed ticket,
/// all in one transaction. Returns the tickets that changed.
std::vector<Applied> recompute_open_deadlines(Session& s, std::optional<std::int64_t> id);

/// Ticket `id` as the actor may see it; Error(not_found) otherwise.
Ticket visible_ticket(Session& s, std::int64_t id);

/// Tickets matching `f` among those the actor may see, by id.
std::vector<Ticket> list_visible(Session& s, TicketFilter f);

/// What waits on the actor, sorted: overdue first, then escalated, then by due date.
std::vector<Ticket> inbox(Session& s);

/// The departments whose tickets `person` sees; nullopt: all of them.
std::optional<std::vector<std::string>> visible_departments(const Person& person);

}  // namespace linkctl
