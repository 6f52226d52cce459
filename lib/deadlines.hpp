// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

#include "calendar.hpp"
#include "policy.hpp"

namespace linkctl {

/// A due date set when a stage starts, with the working-day walk that produced it.
struct DueDate {
  Date due;
  std::optional<Instant> due_at;  ///< hour-based rules only
  DueResult walk;
};

/// Applies `rule` for `severity` to a trigger at `at` (local date `on`):
/// working days from the day after (0: the day itself, rolled to a working
/// day), calendar days with no postponement, or hours from the instant.
DueDate due_after(const Policy& policy, const Deadline& rule, Severity severity, Instant at, Date on);

/// The [deadlines] rule named `stage` (approval, feedback, review, escalated,
/// reset); feedback takes the category's override when `category` is given.
std::optional<Deadline> stage_rule(const Policy& policy, std::string_view stage, const Category* category);

}  // namespace linkctl
