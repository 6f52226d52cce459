// SPDX-License-Identifier: MIT
#include "workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "approval.hpp"
#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {
namespace {

void store_outcome(Session& s, const Ticket& before, Outcome& o) {
  for (auto& stage : o.retired) s.store.save_stage(before.id, stage);
  s.store.update_ticket(before, o.after);
  s.store.append_event(o.event, s.policy_version);
}

}  // namespace

Applied file(Session& s, const FileRequest& r) {
  // The time is read once the write lock is held, so events stay in time order under load.
  auto tx = begin_write(s);
  Outcome o = file_ticket(s.policy, s.actor, s.moment(), r);
  if (r.ref) {
    if (auto existing = s.store.find_by_ref(*r.ref)) {
      // Name the ticket only to someone who may see it.
      if (!can_see(*s.actor.person, *existing))
        throw Error(ErrorKind::conflict,
                    trf("--ref {} is already used by a ticket you may not see; use a new ref", *r.ref));
      if (existing->ref_digest == filing_digest(s.actor.id(), r)) return {*existing, existing->state, {}, true};
      throw Error(
          ErrorKind::conflict,
          trf("--ref {} was already used for ticket {} with different content; use a new ref or file without one",
              *r.ref, existing->id));
    }
    o.after.ref_digest = filing_digest(s.actor.id(), r);
  }
  s.store.insert_ticket(o.after);
  o.event.ticket_id = o.after.id;
  o.event.ticket_digest = Store::digest_of_new(o.after);
  s.store.append_event(o.event, s.policy_version);
  tx.commit();
  return {o.after, std::nullopt, o.uncovered_years, false};
}

Applied act(Session& s, std::int64_t id, const std::function<Outcome(const Ticket&, const Moment&)>& verb,
            const std::function<void(const Outcome&)>& also) {
  auto tx = begin_write(s);
  Ticket before = visible_ticket(s, id);
  Outcome o = verb(before, s.moment());
  if (also) also(o);
  store_outcome(s, before, o);
  tx.commit();
  return {o.after, before.state, o.uncovered_years, false};
}

std::vector<Applied> recompute_open_deadlines(Session& s, std::optional<std::int64_t> id) {
  authorize(*s.actor.person, OfficeVerb::recompute_deadlines);
  auto m = s.moment();
  // The open tickets whose due dates the policy now computes differently, with their new state.
  auto [tx, outcomes] = decide_then_lock(s, [&] {
    std::vector<Ticket> tickets;
    if (id) {
      tickets.push_back(visible_ticket(s, *id));
    } else {
      TicketFilter f;
      f.states = {State::pending, State::routed, State::assigned, State::handled, State::answered};
      tickets = s.store.list_tickets(f);
    }
    std::vector<std::pair<Ticket, Outcome>> out;
    for (auto& t : tickets)
      if (auto o = recompute_deadlines(s.policy, s.actor, m, t)) out.emplace_back(std::move(t), std::move(*o));
    return out;
  });
  std::vector<Applied> changed;
  for (auto& [t, o] : outcomes) {
    store_outcome(s, t, o);
    changed.push_back({o.after, t.state, o.uncovered_years, false});
  }
  tx.commit();
  return changed;
}

std::vector<Ticket> list_visible(Session& s, TicketFilter f) {
  s.restrict_to_visible(f);
  auto m = s.moment();
  if (f.overdue_only) {
    // The SQL prefilter is a superset: narrowed row by row, so that --limit counts overdue tickets.
    f.overdue_today = m.today;
    f.keep = [visible = std::move(f.keep), m](const Ticket& t) {
      return (!visible || visible(t)) && !t.overdue_stages(m.today, m.now).empty();
    };
  }
  return s.store.list_tickets(f);
}

std::vector<Ticket> inbox(Session& s) {
  const Person& me = *s.actor.person;
  InboxQuery q;
  q.person = me.id;
  for (const auto& d : s.policy.departments)
    if (s.policy.is_lead(me.id, d.code)) q.lead_of.push_back(d.code);
  q.supervisor = me.supervisor;
  q.chained_pending = !s.policy.approval_chains.empty();
  auto m = s.moment();
  q.today = m.today;
  auto rows = s.store.inbox(q);
  // SPEC 11: a pending ticket of a chain waits on its current level's approver only.
  std::erase_if(rows, [&](const Ticket& t) {
    return t.chain && t.state == State::pending && !is_level_approver(s.policy, me, t);
  });
  if (me.supervisor)  // the SQL prefilter is a superset for the supervisor's "overdue, not escalated"
    std::erase_if(rows, [&](const Ticket& t) {
      bool waits_on_me = t.handler == me.id ||
                         std::find(q.lead_of.begin(), q.lead_of.end(), t.to_dept) != q.lead_of.end() ||
                         std::find(q.lead_of.begin(), q.lead_of.end(), t.from_dept) != q.lead_of.end();
      return !waits_on_me && t.overdue_stages(m.today, m.now).empty();
    });
  // Each ticket's key once, then sort (key, index) pairs: the key asks for the
  // ticket's overdue stages, and moving whole tickets around is the slow part.
  std::vector<std::pair<std::tuple<bool, bool, Date, std::int64_t>, std::size_t>> order;
  order.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Ticket& t = rows[i];
    bool overdue = !t.overdue_stages(m.today, m.now).empty();
    order.push_back({{!overdue, !t.escalated, t.next_due().value_or(Date::max()), t.id}, i});
  }
  std::sort(order.begin(), order.end());  // ids are unique: no ties
  std::vector<Ticket> sorted;
  sorted.reserve(rows.size());
  for (const auto& [key, i] : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

TicketDetail ticket_detail(Session& s, std::int64_t id) {
  TicketDetail d{visible_ticket(s, id), {}, {}};
  if (d.ticket.chain) d.stages = s.store.ticket_stages(id), d.events = s.store.ticket_events(id);
  return d;
}

std::vector<Event> ticket_history(Session& s, std::int64_t id) {
  visible_ticket(s, id);
  return s.store.ticket_events(id);
}

std::vector<Stage> ticket_stages(Session& s, std::int64_t id) {
  visible_ticket(s, id);
  return s.store.ticket_stages(id);
}

std::vector<Event> event_feed(Session& s, std::int64_t since, std::int64_t limit) {
  authorize(*s.actor.person, OfficeVerb::read_event_feed);
  return s.store.events_since(since, limit);
}

}  // namespace linkctl
