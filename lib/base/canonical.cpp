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

// Bytes that make one U+FFFD where s[i] starts no valid sequence, as nlohmann's
// decoder counts them: a valid lead byte with the continuation bytes it accepted
// before the sequence broke off (the byte that broke it is read again), else one byte.
std::size_t broken_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  unsigned c = at(0), lo = 0x80, hi = 0xBF;
  std::size_t need = 0;
  if (c >= 0xC2 && c <= 0xDF)
    need = 1;
  else if (c == 0xE0)
    need = 2, lo = 0xA0;
  else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
    need = 2;
  else if (c == 0xED)
    need = 2, hi = 0x9F;
  else if (c == 0xF0)
    need = 3, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3)
    need = 3;
  else if (c == 0xF4)
    need = 3, hi = 0x8F;
  std::size_t k = 0;
  while (k < need && at(k + 1) >= (k ? 0x80u : lo) && at(k + 1) <= (k ? 0xBFu : hi)) ++k;
  return 1 + k;
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
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        ++run;
      else if (std::size_t n = c >= 0x80 ? utf8_length(s, run) : 0)
        run += n;
      else
        break;
    }
    out_.append(s.substr(i, run - i));
    if ((i = run) == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // not UTF-8
      out_ += "\xEF\xBF\xBD";
      i += broken_length(s, i);
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";  // the other control characters
        out_ += hex[c >> 4];
        out_ += hex[c & 0xF];
    }
  }
  out_ += '"';
  return *this;
}

}  // namespace linkctl
