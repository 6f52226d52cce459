// SPDX-License-Identifier: MIT
#include "prescan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "policy.hpp"
#include "text.hpp"

namespace linkctl {
namespace {

// Offset of the first place where [ and { nest, or a [table.name] has parts,
// beyond kMaxPolicyNesting (outside strings and comments).
std::optional<std::size_t> too_deep(std::string_view text) {
  int depth = 0, dots = 0;
  bool at_line_start = true, in_header = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      at_line_start = true, in_header = false, dots = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      bool triple = text.substr(i, 3) == std::string(3, c);
      std::string_view close = triple ? text.substr(i, 3) : text.substr(i, 1);
      std::size_t j = i + close.size();
      while (j < text.size() && text.substr(j, close.size()) != close) j += (c == '"' && text[j] == '\\') ? 2 : 1;
      i = j + close.size() - 1;
      at_line_start = false;
      continue;
    }
    if (c == '\n') {
      at_line_start = true, in_header = false, dots = 0;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (at_line_start && c == '[' && depth == 0) in_header = true;
    at_line_start = false;
    if (in_header && c == '.' && ++dots > kMaxPolicyNesting) return i;
    if (!in_header && (c == '[' || c == '{') && ++depth > kMaxPolicyNesting) return i;
    if (!in_header && (c == ']' || c == '}') && depth > 0) --depth;
  }
  return std::nullopt;
}

unsigned line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

std::optional<PrescanProblem> prescan_policy(std::string_view text) {
  if (text.size() > kMaxPolicyBytes)
    return PrescanProblem{1,
                          fmt::format("the policy is {} bytes; the limit is {} bytes", text.size(), kMaxPolicyBytes)};
  if (auto bad = first_invalid_utf8(text))
    return PrescanProblem{line_of(text, *bad), "the policy is not valid UTF-8; save it as UTF-8"};
  if (auto deep = too_deep(text))
    return PrescanProblem{
        line_of(text, *deep),
        fmt::format("arrays, inline tables or table names nest deeper than {} levels; a policy needs a few",
                    kMaxPolicyNesting)};
  return std::nullopt;
}

}  // namespace linkctl
