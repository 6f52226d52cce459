// SPDX-License-Identifier: MIT
// Human tables in the user's language: column headings and the words in their cells (states,
// severities, ratings, stages...). Machine formats use the keys and codes themselves, never these.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "types.hpp"

namespace linkctl {

/// The heading of the column `key` in a human table.
std::string column_label(const std::string& key);

/// A cell of column `key` as a human table shows it: the codes of the columns that hold
/// states, severities, ratings, stages, kinds and verbs translated; everything else as it is.
nlohmann::ordered_json cell_label(const std::string& key, const nlohmann::ordered_json& value);

/// One state, severity, rating or stage as a person reads it.
std::string state_label(State s);
std::string severity_label(Severity s);
std::string rating_label(Rating r);
std::string stage_label(StageKind k);

}  // namespace linkctl
