// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "event.hpp"
#include "identity.hpp"
#include "policy.hpp"
#include "rules.hpp"
#include "ticket.hpp"

namespace linkctl {

/// When a verb happens: the effective instant and its local date, plus the
/// real wall time and whether the clock was overridden (both go on the event).
struct Moment {
  Instant now{};
  Date today{};
  Instant wall{};
  bool overridden = false;
};

/// What a verb does, decided without I/O: the ticket afterwards and the event
/// to append. The store writes both in one transaction.
struct Outcome {
  Ticket after;
  EventDraft event;
  std::vector<Stage> retired;     ///< stages changed by the verb that are no longer current
  std::set<int> uncovered_years;  ///< due-date walks that left the calendar's years
};

/// `file`: what the filer gives.
struct FileRequest {
  std::string category;
  std::string title;
  std::string body;
  std::optional<Severity> severity;  ///< default: the category's
  std::optional<std::string> to;     ///< default: the category's receiving department
  std::optional<std::string> ref;    ///< external reference, for idempotent filing
  std::optional<Instant> filed_at;   ///< migrating history (import); default: now
};

/// `approve`: what the sending lead may change while forwarding.
struct ApproveRequest {
  std::optional<Severity> severity;
  std::optional<std::string> category, to, title, body, comment;
};

/// `route`: assign a handler (`to_user`) or forward to another department (`to_dept`).
struct RouteRequest {
  std::optional<std::string> to_user, to_dept, reason;
};

/// SHA-256 over what was filed, to tell a repeated --ref from a clash.
std::string filing_digest(const std::string& filer, const FileRequest& r);

Outcome file_ticket(const Policy& policy, const Actor& actor, const Moment& at, const FileRequest& r);
Outcome approve(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const ApproveRequest& r);
Outcome reject(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason);
Outcome route(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const RouteRequest& r);
Outcome close(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const std::string& result);
Outcome confirm(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t,
                const std::optional<std::string>& comment);
Outcome explain(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason);
Outcome rate(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, Rating rating,
             const std::optional<std::string>& comment);
Outcome reset(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const std::string& reason);
Outcome escalate(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t,
                 const std::optional<std::string>& reason);
Outcome comment(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, const std::string& text);
/// A spot check of a done ticket (supervisors): the ticket does not change; the event
/// records the finding, the receiving department it counts against and the date it counts in.
Outcome spotcheck(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t, bool fake,
                  const std::optional<std::string>& note);

/// After a calendar or deadline correction in the policy: the unfinished stages'
/// due dates computed again from their start under the policy in force. nullopt
/// when nothing changes. (Finished stages keep the dates they were judged by.)
std::optional<Outcome> recompute_deadlines(const Policy& policy, const Actor& actor, const Moment& at, const Ticket& t);

/// The {"field": [before, after]} object of an event, over the fields a verb can change.
nlohmann::ordered_json ticket_changes(const Ticket& before, const Ticket& after);

}  // namespace linkctl
