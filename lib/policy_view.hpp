// SPDX-License-Identifier: MIT
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "policy.hpp"
#include "render.hpp"

namespace linkctl {

/// A titled table of the effective policy, for `policy show`.
struct PolicySection {
  std::string title;
  Rows rows;
};

/// The effective policy as JSON (every value after defaults were applied).
nlohmann::ordered_json policy_json(const Policy& p);
/// The effective policy as tables: organisation, deadlines, scoring, departments, people, categories, calendar.
std::vector<PolicySection> policy_sections(const Policy& p);
/// "2024-2026" (the covered years), or "none".
std::string calendar_coverage(const Policy& p);

}  // namespace linkctl
