// SPDX-License-Identifier: MIT
#pragma once
#include <string_view>

namespace linkctl {

/// examples/four-roles.toml as it was at build time: the regulation's policy,
/// which `init` applies when given no --policy.
std::string_view default_policy();

}  // namespace linkctl
