// SPDX-License-Identifier: MIT
#include "ticket.hpp"

namespace linkctl {

bool Stage::late_against(Date limit, Date today) const { return finished_on ? *finished_on > limit : today > limit; }

bool Stage::overdue(Date today, Instant now) const {
  // An escalation's due date replaces the original one (SPEC 3); scoring still
  // charges the original lapse, but the stage is shown by the date in force.
  if (escalated_due) return late_against(*escalated_due, today);
  if (due_at) return finished_at ? *finished_at > *due_at : now > *due_at;
  return late_against(due, today);
}

std::vector<std::string> Ticket::overdue_stages(Date today, Instant now) const {
  std::vector<std::string> out;
  if (approval && approval->overdue(today, now)) out.emplace_back("approval");
  if (feedback && feedback->overdue(today, now)) out.emplace_back("feedback");
  if (review && review->overdue(today, now)) out.emplace_back("review");
  return out;
}

std::optional<Date> Ticket::next_due() const {
  std::optional<Date> best;
  for (const auto* s : {&approval, &feedback, &review}) {
    if (*s && !(*s)->finished() && (!best || (*s)->current_due() < *best)) best = (*s)->current_due();
  }
  return best;
}

}  // namespace linkctl
