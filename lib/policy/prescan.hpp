// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace linkctl {

/// Arrays and inline tables may nest this deep; toml11 parses recursively.
inline constexpr int kMaxPolicyNesting = 32;
/// A key (in a key/value pair, an inline table or a [table] header) may have this
/// many dotted parts; toml11 takes time quadratic in the parts of one key.
inline constexpr int kMaxPolicyKeyParts = 32;
/// A key, all its dotted parts together as written, may be this long.
inline constexpr std::size_t kMaxPolicyKeyBytes = 256;
/// A line may be this long; toml11 copies the whole line for every key on it.
inline constexpr std::size_t kMaxPolicyLineBytes = 4096;
/// A policy may have this many keys in all, each part of a dotted key counting one.
inline constexpr std::size_t kMaxPolicyKeys = 10000;

/// A shape refused before the TOML parser sees the file, and the line it is on.
struct PrescanProblem {
  unsigned line = 1;
  std::string message;
};

/// Checks, in time linear in `text`, what would make parsing unsafe or pathologically
/// slow: the size limit, invalid UTF-8, arrays and inline tables nested beyond
/// kMaxPolicyNesting, keys beyond kMaxPolicyKeyParts or kMaxPolicyKeyBytes, more than
/// kMaxPolicyKeys keys, and lines beyond kMaxPolicyLineBytes. Dots and brackets in
/// strings and comments do not count.
std::optional<PrescanProblem> prescan_policy(std::string_view text);

}  // namespace linkctl
