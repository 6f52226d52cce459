// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace linkctl {

/// Brackets and table-name parts may nest this deep; toml11 parses recursively.
inline constexpr int kMaxPolicyNesting = 32;

/// A shape refused before the TOML parser sees the file, and the line it is on.
struct PrescanProblem {
  unsigned line = 1;
  std::string message;
};

/// Checks, in one pass over `text`, what would make parsing unsafe or pathologically
/// slow: the size limit, invalid UTF-8, arrays, inline tables and table names nested
/// beyond kMaxPolicyNesting.
std::optional<PrescanProblem> prescan_policy(std::string_view text);

}  // namespace linkctl
