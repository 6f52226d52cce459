// SPDX-License-Identifier: MIT
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "policy.hpp"

namespace linkctl {

/// The validated policy as a compact snapshot for the store, so a command loads
/// it without parsing the TOML again. The snapshot is a cache of the policy
/// text: it holds the validated values, never the text or its hash.
std::string compile_policy(const Policy& p);
/// The policy back from compile_policy's snapshot; nullptr when the snapshot is
/// of another format version or damaged (callers then parse the TOML `text`).
std::shared_ptr<const Policy> load_compiled_policy(std::string_view compiled, std::string text, std::string sha256);

}  // namespace linkctl
