// SPDX-License-Identifier: MIT
#pragma once
#include <functional>

#include "session.hpp"

namespace linkctl {

/// Files a ticket in one transaction with its event. With a --ref already
/// used: the same content returns the existing ticket, different content is a conflict.
Applied file(Session& s, const FileRequest& r);

/// Loads ticket `id` (not found unless the actor may see it), applies `verb`, and
/// stores the result and its event, all in one write transaction. `also` writes
/// what else the verb records, in the same transaction.
Applied act(Session& s, std::int64_t id, const std::function<Outcome(const Ticket&, const Moment&)>& verb,
            const std::function<void(const Outcome&)>& also = {});

/// Admins: recomputes the unfinished stages' due dates of ticket `id` (or of
/// every open ticket) under the policy in force, one event per changed ticket,
/// all in one transaction. Returns the tickets that changed.
std::vector<Applied> recompute_open_deadlines(Session& s, std::optional<std::int64_t> id);

/// Tickets matching `f` among those the actor may see, by id.
std::vector<Ticket> list_visible(Session& s, TicketFilter f);

/// What waits on the actor, sorted: overdue first, then escalated, then by due date.
std::vector<Ticket> inbox(Session& s);

/// One ticket as `show` presents it: the ticket and, for a ticket of an approval chain,
/// its stages and events (the `approvals` of SPEC 11); both empty without a chain.
struct TicketDetail {
  Ticket ticket;
  std::vector<Stage> stages;
  std::vector<Event> events;
};
/// Ticket `id` with what `show` needs of it (not found unless the actor may see it).
TicketDetail ticket_detail(Session& s, std::int64_t id);

/// Every event of ticket `id`, oldest first (not found unless the actor may see it).
std::vector<Event> ticket_history(Session& s, std::int64_t id);

/// Every stage instance of ticket `id`, oldest first (not found unless the actor may see it).
std::vector<Stage> ticket_stages(Session& s, std::int64_t id);

/// Events after `since`, at most `limit` (0: all): the feed for notification scripts
/// (supervisors and admins).
std::vector<Event> event_feed(Session& s, std::int64_t since, std::int64_t limit);

}  // namespace linkctl
