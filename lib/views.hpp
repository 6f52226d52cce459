// SPDX-License-Identifier: MIT
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "calendar.hpp"
#include "policy.hpp"
#include "render.hpp"
#include "store.hpp"
#include "ticket.hpp"

namespace linkctl {

/// How times are shown: ISO-8601 UTC for machines, local "YYYY-MM-DD HH:MM" for people.
enum class TimeStyle { iso, local };

/// One ticket with the keys of SPEC section 7 (id, state, ..., overdue) and a few more.
nlohmann::ordered_json ticket_json(const Policy& p, const Ticket& t, Date today, Instant now, TimeStyle times);

/// Tickets as rows: every key of ticket_json (`compact` false), or the columns a
/// person scans in a terminal (id, state, severity, from, to, handler, due, overdue, title).
Rows ticket_rows(const Policy& p, const std::vector<Ticket>& tickets, Date today, Instant now, TimeStyle times, bool compact);

/// Events as rows (id, at, actor, verb, state, changes, note).
Rows event_rows(const Policy& p, const std::vector<Event>& events, TimeStyle times);

/// Each stage's due date explained day by day: which days counted, which were
/// skipped as weekend or holiday, which make-up workdays counted.
Rows deadline_rows(const Policy& p, const std::vector<Stage>& stages, Date today, Instant now);

}  // namespace linkctl
