// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lapses.hpp"
#include "session.hpp"

namespace linkctl {

/// Which lapses to list.
struct LapseFilter {
  std::optional<std::string> dept;  ///< the department that owes the stage
  std::optional<Severity> severity;
};

/// Open stages past a due date, among the tickets the actor may see, oldest lapse first.
std::vector<Lapse> overdue_lapses(Session& s, const LapseFilter& f);

/// The lapses not announced to the actor before; records them for the actor (one
/// event) so that no later call of theirs announces them again. One write transaction.
std::vector<Lapse> announce_new_lapses(Session& s, const LapseFilter& f);

}  // namespace linkctl
