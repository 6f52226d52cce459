// SPDX-License-Identifier: MIT
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit.hpp"
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
/// `policy show`: the policy as one JSON object (json), else each section's rows, titled in a table.
View policy_view(const Policy& p, Format f);
/// `policy history`: version, applied_at, applied_by, source, sha256.
Rows policy_history_rows(const std::vector<PolicyVersion>& versions);
/// `audit verify`: status, events, tickets, first_bad_event, problem, head_hash.
Rows audit_record(const AuditResult& r);
/// `copy`: where from and to, the rows copied, and both chains' heads as N:HASH.
Rows copy_record(const std::string& source, const std::string& target, std::int64_t rows, const Anchor& source_head,
                 const Anchor& target_head);

}  // namespace linkctl
