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
/// The validated policy as JSON for the store (policy_json plus what loading needs).
std::string compile_policy(const Policy& p);
/// The policy back from compile_policy's JSON; nullptr when the JSON is of another
/// format version or damaged (callers then parse the TOML `text`).
std::shared_ptr<const Policy> load_compiled_policy(std::string_view compiled, std::string text, std::string sha256);

/// "2024-2026" (the covered years), or "none".
std::string calendar_coverage(const Policy& p);

}  // namespace linkctl
