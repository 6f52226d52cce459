// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "deadlines.hpp"
#include "event.hpp"
#include "lapses.hpp"
#include "policy.hpp"
#include "render.hpp"
#include "ticket.hpp"

namespace linkctl {

/// Labels for codes with names: the name, or "name (code)" when two of them share
/// that name; the code itself when its name is empty.
std::unordered_map<std::string, std::string> name_labels(const std::vector<std::pair<std::string, std::string>>& named);

/// How a table shows departments and people: by the policy's names (name_labels);
/// a code the policy does not know is shown as it is.
class Names {
 public:
  explicit Names(const Policy& p);
  std::string dept(const std::string& code) const;
  std::string person(const std::string& id) const;

 private:
  std::unordered_map<std::string, std::string> depts_, people_;
};

/// How times are shown: ISO-8601 UTC for machines, local "YYYY-MM-DD HH:MM" for people.
enum class TimeStyle { iso, local };
/// Local times in a table, ISO-8601 UTC in every machine format.
TimeStyle time_style(Format f);

/// One ticket with the keys of SPEC section 7 (id, state, ..., overdue) and a few more.
nlohmann::ordered_json ticket_json(const Policy& p, const Ticket& t, Date today, Instant now, TimeStyle times);

/// Tickets as rows: every key of ticket_json (`compact` false), or the columns a
/// person scans in a terminal (id, state, severity, from, to, handler, due, overdue, title;
/// departments and people by name, the title cut to the terminal's width).
Rows ticket_rows(const Policy& p, const std::vector<Ticket>& tickets, Date today, Instant now, TimeStyle times,
                 bool compact);

/// A list of tickets: compact with local times in a table, every key otherwise.
View ticket_list(const Policy& p, const std::vector<Ticket>& tickets, Date today, Instant now, Format f);
/// One ticket as a record (`show`); a ticket of an approval chain adds `approvals`, one
/// object per level (level, name, dept, due, approved_by, approved_at), from its stages and events.
View ticket_record(const Policy& p, const Ticket& t, Date today, Instant now, Format f,
                   const std::vector<Stage>& stages = {}, const std::vector<Event>& events = {});
/// SPEC 11's `approvals` of a ticket: one object per level of its chain.
nlohmann::ordered_json approvals_json(const Policy& p, const Ticket& t, const std::vector<Stage>& stages,
                                      const std::vector<Event>& events, TimeStyle times);

/// What a verb did to a ticket: one line in a table ("ticket 12: pending → routed; feedback due ..."),
/// the ticket as a record otherwise. `before` is nullopt for a new ticket; `existed` for a repeated --ref.
View change_view(const Policy& p, const Ticket& t, std::optional<State> before, bool existed, Date today, Instant now,
                 Format f);

/// Events as rows (id, ticket, at, actor, via, verb, state_before, state_after, changes, note),
/// with local times, people and departments by name and the changes summarised
/// ("state: pending → routed") for TimeStyle::local.
Rows event_rows(const Policy& p, const std::vector<Event>& events, TimeStyle times);
/// Events as rows (id, ticket, at, actor, via, verb, state_before, state_after, changes, note);
/// in a table with local times and the changes summarised ("state: pending → routed").
View event_list(const Policy& p, const std::vector<Event>& events, Format f);

/// Each stage's due date explained day by day: which days counted, which were
/// skipped as weekend or holiday, which make-up workdays counted. With the `ticket`, each
/// level of its approval chain is labelled "approval K/N" and its rule names the level.
Rows deadline_rows(const Policy& p, const std::vector<Stage>& stages, Date today, Instant now,
                   const Ticket* ticket = nullptr);
/// deadline_rows for `deadlines ID`: in a table grouped by stage, a heading (stage, rule,
/// from, due, status) and then that stage's days; the rows as they are otherwise.
View deadline_view(const Policy& p, const std::vector<Stage>& stages, Date today, Instant now, Format f,
                   const Ticket* ticket = nullptr);

/// Overdue lapses (dept, ticket, stage, due, days_late, severity, state, escalated, title).
/// Nothing at all when there are none (an empty array in json), so cron mails only news.
/// In a table departments by name and the title cut to the terminal's width.
View lapse_list(const Policy& p, const std::vector<Lapse>& lapses, Format f);

/// `message` as a line in a table, nothing in machine formats (which print no rows instead).
View nothing_changed_view(const std::string& message, Format f);

/// `import`: a one-line summary in a table, the new ids otherwise (one row each, streamed
/// from `runs` of consecutive ids, first and last, so that memory does not grow with them).
void write_import(const std::vector<std::pair<std::int64_t, std::int64_t>>& runs, std::size_t filed,
                  std::size_t skipped, Format f, const RenderOptions& opt, std::ostream& out);

/// One day of the calendar, or a computed due date with the days that led to it.
View workday_view(const WorkCalendar& cal, Date d);
View due_view(const DueQuery& q, const DueDate& due, bool explain, Format f);

}  // namespace linkctl
