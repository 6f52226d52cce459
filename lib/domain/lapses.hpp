// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "ticket.hpp"

namespace linkctl {

/// A ticket's current, unfinished stage, with what `overdue` shows of the ticket.
struct OpenStage {
  Stage stage;
  std::int64_t ticket = 0;
  Severity severity = Severity::normal;
  State state = State::pending;
  bool escalated = false;
  std::string title;
  int levels = 1;        ///< approval levels of the ticket's chain (SPEC 11)
  bool chained = false;  ///< the ticket has an approval chain
  /// "approval 2/3" for a level of an approval chain, else the stage's kind.
  std::string stage_label() const;
};

/// A stage that missed a due date and is still not finished.
struct Lapse : OpenStage {
  Date missed{};      ///< the due date it missed (the escalation's, once that lapsed too)
  int days_late = 0;  ///< calendar days from `missed` to today
};

/// The lapse of an open stage as of `today` (`now` for an hour-based stage), if it is
/// late: against its escalation's date once escalated, else against its due date.
std::optional<Lapse> lapse_of(OpenStage open, Date today, Instant now);

}  // namespace linkctl
