// SPDX-License-Identifier: MIT
#include "prescan.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.hpp"
#include "policy.hpp"
#include "text.hpp"

namespace linkctl {
namespace {

// A problem and the byte offset it starts at.
struct Found {
  std::size_t offset = 0;
  std::string message;
};

bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// One pass over the text that knows just enough TOML to tell keys from values:
// a key starts a line (outside brackets), fills a [table] header, or follows { or ,
// in an inline table; strings and comments are skipped whole. Every step moves
// forward, so the pass is linear in the text however hostile it is.
class ShapeScan {
 public:
  explicit ShapeScan(std::string_view text) : text_(text) {}

  std::optional<Found> run() {
    bool line_start = true, want_key = true;
    while (i_ < text_.size()) {
      char c = text_[i_];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
        continue;
      }
      if (c == '\n') {
        ++i_;
        line_start = true;
        if (open_.empty()) want_key = true;
        continue;
      }
      if (c == '#') {
        while (i_ < text_.size() && text_[i_] != '\n') ++i_;
        continue;
      }
      if (line_start && open_.empty() && c == '[') {  // [table] or [[array.of.tables]]
        line_start = want_key = false;
        i_ += text_.substr(i_, 2) == "[[" ? 2 : 1;
        skip_blanks();
        if (auto problem = key()) return problem;
        skip_blanks();
        for (int closing = 0; closing < 2 && i_ < text_.size() && text_[i_] == ']'; ++closing) ++i_;
        continue;
      }
      line_start = false;
      if (want_key && (is_bare_key_char(c) || c == '"' || c == '\'')) {
        want_key = false;
        if (auto problem = key()) return problem;
        continue;
      }
      want_key = false;
      if (c == '"' || c == '\'') {
        skip_string();
        continue;
      }
      if (c == '[' || c == '{') {
        if (open_.size() == static_cast<std::size_t>(kMaxPolicyNesting))
          return Found{
              i_, trf("arrays or inline tables nest deeper than {} levels; a policy needs a few", kMaxPolicyNesting)};
        open_.push_back(c);
        want_key = c == '{';
      } else if ((c == ']' || c == '}') && !open_.empty()) {
        open_.pop_back();
      } else if (c == ',') {
        want_key = !open_.empty() && open_.back() == '{';
      }
      ++i_;
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  std::size_t i_ = 0;
  std::size_t keys_ = 0;  // key parts so far, in the whole text
  std::string open_;      // the [ and { open at i_, innermost last; at most kMaxPolicyNesting

  void skip_blanks() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t')) ++i_;
  }

  // A one-line string at i_ ("basic" with escapes, or 'literal'): i_ goes past its
  // closing quote, or to the line break that leaves it unclosed.
  void skip_one_line_string() {
    char quote = text_[i_++];
    while (i_ < text_.size() && text_[i_] != quote && text_[i_] != '\n') {
      bool escape = quote == '"' && text_[i_] == '\\' && i_ + 1 < text_.size() && text_[i_ + 1] != '\n';
      i_ += escape ? 2 : 1;
    }
    if (i_ < text_.size() && text_[i_] == quote) ++i_;
  }

  // A string value at i_, one-line or """multi-line""" / '''multi-line'''.
  void skip_string() {
    char quote = text_[i_];
    std::string_view close = quote == '"' ? "\"\"\"" : "'''";
    if (text_.substr(i_, 3) != close) return skip_one_line_string();
    i_ += 3;
    while (i_ < text_.size() && text_.substr(i_, 3) != close) i_ += (quote == '"' && text_[i_] == '\\') ? 2 : 1;
    i_ = std::min(i_ + 3, text_.size());
    // Up to two more quotes right before the closing three belong to the string.
    for (int extra = 0; extra < 2 && i_ < text_.size() && text_[i_] == quote; ++extra) ++i_;
  }

  // A key at i_: bare or quoted parts joined by dots, blanks allowed around the dots.
  // Stops at the first thing that is not part of a key and leaves the rest to toml11.
  std::optional<Found> key() {
    std::size_t start = i_;
    for (int parts = 1;; ++parts) {
      if (i_ < text_.size() && (text_[i_] == '"' || text_[i_] == '\'')) {
        skip_one_line_string();
      } else {
        std::size_t from = i_;
        while (i_ < text_.size() && is_bare_key_char(text_[i_])) ++i_;
        if (i_ == from) return std::nullopt;  // not a key part: a syntax error toml11 reports
      }
      if (parts > kMaxPolicyKeyParts)
        return Found{start, trf("a dotted key has more than {} parts; a policy needs a few", kMaxPolicyKeyParts)};
      if (i_ - start > kMaxPolicyKeyBytes)
        return Found{start, trf("a key is longer than {} bytes; a policy's keys are short names", kMaxPolicyKeyBytes)};
      if (++keys_ > kMaxPolicyKeys)
        return Found{start, trf("the policy has more than {} keys (each part of a dotted key counts); a "
                                "policy needs a few hundred",
                                kMaxPolicyKeys)};
      skip_blanks();
      if (i_ >= text_.size() || text_[i_] != '.') return std::nullopt;
      ++i_;
      skip_blanks();
    }
  }
};

// Offset of the first line longer than kMaxPolicyLineBytes (not counting its line break).
std::optional<std::size_t> long_line(std::string_view text) {
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::size_t length = end - start;
    if (length > 0 && text[end - 1] == '\r') --length;
    if (length > kMaxPolicyLineBytes) return start;
    start = end + 1;
  }
  return std::nullopt;
}

unsigned line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

std::optional<PrescanProblem> prescan_policy(std::string_view text) {
  if (text.size() > kMaxPolicyBytes)
    return PrescanProblem{1, trf("the policy is {} bytes; the limit is {} bytes", text.size(), kMaxPolicyBytes)};
  if (auto bad = first_invalid_utf8(text))
    return PrescanProblem{line_of(text, *bad), "the policy is not valid UTF-8; save it as UTF-8"};
  // The shape first: a 20,000-part key is better told as that than as a long line.
  if (auto found = ShapeScan(text).run()) return PrescanProblem{line_of(text, found->offset), found->message};
  if (auto start = long_line(text))
    return PrescanProblem{line_of(text, *start),
                          trf("a line is longer than {} bytes; a policy needs short lines (an array may span several)",
                              kMaxPolicyLineBytes)};
  return std::nullopt;
}

}  // namespace linkctl
