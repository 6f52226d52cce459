// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace linkctl {

/// Byte offset of the first byte that is not part of valid UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view s);

/// Columns `s` takes in a terminal: East Asian wide characters count 2,
/// combining marks 0 (utf8proc). Invalid bytes count 1 each.
std::size_t display_width(std::string_view s);

/// `s` made safe for a one-line message: control characters (C0, DEL, C1) and bytes
/// that are not UTF-8 become \xNN, so an error never breaks a line or a terminal.
std::string printable(std::string_view s);

/// Limits on free-text fields, in bytes; documented in the man page.
inline constexpr std::size_t kMaxTitleBytes = 512;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kMaxNoteBytes = 8 * 1024;  ///< reasons, results, comments

/// The first control character in `value` (C0, DEL or C1; newline, tab and carriage
/// return allowed when `multiline`), described as "control character 0x1b"; nullopt if none.
std::optional<std::string> find_control(std::string_view value, bool multiline);

/// Checks a free-text field: valid UTF-8, within `max_bytes`, no control
/// characters, C0 or C1 (newline and tab allowed when `multiline`), not blank when
/// `required`. Throws a usage Error naming `field`.
void check_text(std::string_view field, std::string_view value, std::size_t max_bytes, bool multiline, bool required);

}  // namespace linkctl
