// SPDX-License-Identifier: MIT
#include "canonical.hpp"

#include <charconv>

namespace linkctl {
namespace {

// Length of the UTF-8 sequence starting at s[i] (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF), or 0 when it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
  unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

CanonicalArray& CanonicalArray::num(std::int64_t v) {
  comma();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

CanonicalArray& CanonicalArray::null() {
  comma();
  out_ += "null";
  return *this;
}

CanonicalArray& CanonicalArray::boolean(bool v) {
  comma();
  out_ += v ? "true" : "false";
  return *this;
}

CanonicalArray& CanonicalArray::array(const CanonicalArray& inner) {
  comma();
  out_ += inner.out_;
  out_ += ']';
  return *this;
}

CanonicalArray& CanonicalArray::str(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  comma();
  out_.reserve(out_.size() + s.size() + 2);
  out_ += '"';
  for (std::size_t i = 0; i < s.size();) {
    // Copy the longest run that needs no escaping in one append.
    std::size_t run = i;
    while (run < s.size()) {
      auto c = static_cast<unsigned char>(s[run]);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') ++run;
      else if (std::size_t n = c >= 0x80 ? utf8_length(s, run) : 0) run += n;
      else break;
    }
    out_.append(s.substr(i, run - i));
    if ((i = run) == s.size()) break;
    auto c = static_cast<unsigned char>(s[i++]);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 0xF];
        } else {
          out_ += "\xEF\xBF\xBD";  // not UTF-8
        }
    }
  }
  out_ += '"';
  return *this;
}

}  // namespace linkctl
