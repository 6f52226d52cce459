// SPDX-License-Identifier: MIT
#include "text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdint>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {
namespace {

// The code point of a well-formed three-byte UTF-8 sequence at s[at], or 0 if there is
// none there. The characters below are all three bytes long, and bytes E0-EF only ever
// start a sequence, so a byte-wise scan finds them even in text that is not UTF-8.
char32_t three_byte_at(std::string_view s, std::size_t at) {
  if (at + 2 >= s.size()) return 0;
  auto b0 = static_cast<unsigned char>(s[at]), b1 = static_cast<unsigned char>(s[at + 1]),
       b2 = static_cast<unsigned char>(s[at + 2]);
  if ((b0 & 0xf0) != 0xe0 || (b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) return 0;
  return static_cast<char32_t>(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f));
}

// Embeddings, overrides and isolates: a terminal lays out the text after them in
// another order ("Trojan Source"), so a title could pass for another.
bool is_bidi_control(char32_t cp) { return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069); }

bool is_zero_width(char32_t cp) { return (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff; }

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      ++width;
      ++i;
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    i += static_cast<std::size_t>(n);
  }
  return width;
}

std::string printable(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || is_bidi_control(static_cast<char32_t>(cp))) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    out.append(s.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string show_zero_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (char32_t cp = three_byte_at(s, i); is_zero_width(cp)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::optional<std::string> find_control(std::string_view value, bool multiline) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7f) {
      if (multiline && (c == '\n' || c == '\t' || c == '\r')) continue;
      return trf("control character 0x{:02x}", c);
    }
    // C1 controls (U+0080-U+009F, UTF-8 C2 80..C2 9F) drive terminals as C0 ones do: CSI is U+009B.
    if (c == 0xc2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) <= 0x9f)
      return trf("control character U+{:04X}", static_cast<unsigned char>(value[i + 1]));
    if (char32_t cp = three_byte_at(value, i); is_bidi_control(cp))
      return trf("control character U+{:04X}", static_cast<std::uint32_t>(cp));
  }
  return std::nullopt;
}

void check_text(std::string_view field, std::string_view value, std::size_t max_bytes, bool multiline, bool required) {
  if (value.size() > max_bytes)
    throw Error(ErrorKind::usage,
                trf("{} is {} bytes; the limit is {} bytes, shorten it", field, value.size(), max_bytes));
  if (auto bad = first_invalid_utf8(value))
    throw Error(ErrorKind::usage, trf("{} is not valid UTF-8 (byte {}); send UTF-8 text", field, *bad + 1));
  if (auto control = find_control(value, multiline))
    throw Error(ErrorKind::usage,
                trf("{} contains {}; remove it{}", field, *control, multiline ? "" : _(" (this field is one line)")));
  if (required && value.find_first_not_of(' ') == std::string_view::npos)
    throw Error(ErrorKind::usage, trf("{} is empty; give some text", field));
}

void append_tab_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace linkctl
