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

/// Appends `s` with backslash, tab, newline and carriage return written as \\, \t, \n and
/// \r: the escaping of linkctl's tsv and of PostgreSQL's COPY text format, which give those
/// four characters a meaning.
void append_tab_escaped(std::string& out, std::string_view s);

/// `s` made safe for a one-line message: control characters (C0, DEL, C1, the
/// bidirectional ones of find_control) and bytes that are not UTF-8 become \xNN, one
/// per byte, so an error never breaks a line, drives a terminal or reorders its text.
std::string printable(std::string_view s);

/// `s` for a human table: each zero-width character (U+200B-U+200D, U+2060, U+FEFF)
/// written as "<U+200B>", so that two texts that look alike on screen are told apart.
/// Everything else, including bytes that are not UTF-8, is kept as it is.
std::string show_zero_width(std::string_view s);

/// Limits on free-text fields, in bytes; documented in the man page.
inline constexpr std::size_t kMaxTitleBytes = 512;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kMaxNoteBytes = 8 * 1024;  ///< reasons, results, comments

/// The first control character in `value` (C0, DEL or C1; newline, tab and carriage
/// return allowed when `multiline`), or bidirectional control (U+202A-U+202E,
/// U+2066-U+2069: they reorder what a terminal shows), described as "control character
/// 0x1b" or "control character U+202E"; nullopt if none.
std::optional<std::string> find_control(std::string_view value, bool multiline);

/// Checks a free-text field: valid UTF-8, within `max_bytes`, no control
/// characters of find_control (newline and tab allowed when `multiline`), not blank
/// when `required`. Throws a usage Error naming `field`.
void check_text(std::string_view field, std::string_view value, std::size_t max_bytes, bool multiline, bool required);

}  // namespace linkctl
