// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "policy.hpp"
#include "types.hpp"

namespace linkctl {

/// One instance of a clocked stage (approval, feedback, review). A reset
/// starts a new feedback stage; the old one stays in the store for scoring.
struct Stage {
  std::int64_t id = 0;  ///< 0 until stored
  StageKind kind = StageKind::approval;
  StageRule rule = StageRule::approval;  ///< why it started: which [deadlines] entry set `due`
  std::string dept;                      ///< department that owes this stage
  Instant started_at{};
  Date start_date{};
  Date due{};
  std::optional<Instant> due_at;  ///< hour-based deadlines only
  std::optional<Instant> escalated_at;
  std::optional<Date> escalated_due;
  std::optional<Instant> finished_at;
  std::optional<Date> finished_on;
  std::string outcome;  ///< approved, rejected, answered, reset, or the rating (satisfied, fair, unsatisfied)
  std::optional<Instant> explained_at;
  std::string explanation;
  std::optional<int> level;  ///< 1-based level of an approval chain; none for the implicit one-level chain

  bool operator==(const Stage&) const = default;
  bool finished() const { return finished_at.has_value(); }
  /// The due date in force: the escalation's when escalated.
  Date current_due() const { return escalated_due.value_or(due); }
  /// True when the stage finished after `limit`, or is unfinished and `today` is past it.
  bool late_against(Date limit, Date today) const;
  /// SPEC section 5: finished after the due date in force, or unfinished and past
  /// it; once escalated, the escalation's due date is the one in force.
  bool overdue(Date today, Instant now) const;
};

/// A ticket with its current stage instances.
struct Ticket {
  std::int64_t id = 0;
  std::optional<std::string> ref;
  std::optional<std::string> ref_digest;
  State state = State::pending;
  std::string title, body, category;
  Severity severity = Severity::normal;
  std::string filer, from_dept, to_dept;
  std::optional<std::string> handler;
  std::optional<std::string> result;
  std::optional<Rating> rating;
  bool escalated = false;
  int resets = 0;
  Instant filed_at{}, updated_at{};
  std::optional<Stage> approval, feedback, review;  ///< approval: the current (or last) level's stage
  std::optional<ApprovalChain> chain;               ///< fixed when filed; none: the sending lead alone

  bool operator==(const Ticket&) const = default;
  /// The number of approval levels: the chain's, or 1.
  int approval_levels() const { return chain ? static_cast<int>(chain->levels.size()) : 1; }
  /// The approval level the ticket is at (the last one reached once approved).
  int approval_level() const { return approval && approval->level ? *approval->level : 1; }
  /// Names of the overdue stages ("approval", "feedback", "review"), in that order.
  std::vector<std::string> overdue_stages(Date today, Instant now) const;
  /// The earliest unfinished due date, for sorting inboxes.
  std::optional<Date> next_due() const;
};

}  // namespace linkctl
