// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

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
  /// The departments whose tickets the actor sees, for the store's filters; nullopt: all.
  std::optional<std::vector<std::string>> visible_depts() const;
  /// Narrows `f` to the tickets the actor may see, exactly as visible_ticket() decides:
  /// their departments' and, for approvers of a chain, from their level on (SPEC 8, 11).
  void restrict_to_visible(TicketFilter& f) const;
  /// An event of this session's actor at `m`, not about a ticket.
  EventDraft event(const Moment& m, std::string verb) const;
};

/// The result of a verb: the ticket as stored afterwards.
struct Applied {
  Ticket ticket;
  std::optional<State> before;  ///< nullopt for a new ticket
  std::set<int> uncovered_years;
  bool existed = false;  ///< file --ref: the same ticket was already filed; nothing changed
};

/// The write transaction of one verb. Whatever might touch a file is done before the
/// lock is taken (the time zone's rules are loaded from tzdata here), so that inside it
/// there is only the database: the lock is held as briefly as the verb allows.
Store::WriteTx begin_write(Session& s);

/// For verbs that read much and write little (overdue --new, report --freeze, deadlines
/// --recompute: seconds of reading on a million tickets): `decide` runs before the write
/// lock is taken, so other writers are not kept waiting while it reads; under the lock it
/// runs again only if another process wrote meanwhile (the chain head moved: every write
/// appends an event). Returns the open write transaction and what `decide` returned, which
/// is exactly what deciding under the lock would have returned.
template <class Decide>
auto decide_then_lock(Session& s, Decide&& decide) {
  (void)s.moment();  // (loads the time zone outside the lock, as begin_write does)
  const Anchor seen = s.store.head();
  auto decision = decide();
  auto tx = s.store.begin_write();
  const Anchor now = s.store.head();
  if (now.event != seen.event || now.hash != seen.hash) decision = decide();
  return std::pair<Store::WriteTx, decltype(decision)>(std::move(tx), std::move(decision));
}

/// Ticket `id` as the actor may see it; Error(not_found) otherwise.
Ticket visible_ticket(Session& s, std::int64_t id);

}  // namespace linkctl
