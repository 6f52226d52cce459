// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <fmt/format.h>

#include "approval.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "rules.hpp"

namespace linkctl {

Moment Session::moment() const {
  Moment m;
  m.now = clock.now();
  m.today = policy.organization.timezone.local_date(m.now);
  m.wall = clock.wall();
  m.overridden = clock.overridden();
  return m;
}

std::optional<std::vector<std::string>> Session::visible_depts() const {
  auto v = visibility_of(*actor.person);
  if (v.all) return std::nullopt;
  return v.depts;
}

void Session::restrict_to_visible(TicketFilter& f) const {
  f.visible_depts = visible_depts();
  if (!f.visible_depts) return;
  const Person& me = *actor.person;
  f.approvers = approvers_seen_by(me);
  f.keep = [&me](const Ticket& t) { return can_see(me, t); };
}

EventDraft Session::event(const Moment& m, std::string verb) const {
  EventDraft e;
  e.verb = std::move(verb);
  e.actor = actor.id();
  e.via = actor.via;
  e.at = m.now;
  e.recorded_at = m.wall;
  e.clock_override = m.overridden;
  return e;
}

Store::WriteTx begin_write(Session& s) {
  // The first local time of a process loads its zone's tzdata (an IANA zone: a file read).
  (void)s.moment();
  return s.store.begin_write();
}

Ticket visible_ticket(Session& s, std::int64_t id) {
  auto t = s.store.load_ticket(id);
  if (!t || !can_see(*s.actor.person, *t))
    throw Error(ErrorKind::not_found, trf("no ticket {} (or you may not see it); list yours with 'linkctl list'", id));
  return *t;
}

}  // namespace linkctl
