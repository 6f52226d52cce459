// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkctl {

/// Writes one compact JSON array, byte for byte as nlohmann::json::dump() writes it
/// (no spaces; UTF-8 kept; ", \, \b \f \n \r \t escaped, other control characters
/// as \u00xx), five to ten times faster. The audit chain hashes this text, so its
/// form is frozen: the unit tests compare it with nlohmann's on generated input.
/// Bytes that are not UTF-8 (linkctl never stores any) become U+FFFD as nlohmann's
/// replace handler makes them: one for each broken-off sequence or stray byte.
class CanonicalArray {
 public:
  CanonicalArray() { out_ = "["; }
  CanonicalArray& num(std::int64_t v);
  CanonicalArray& str(std::string_view s);
  CanonicalArray& null();
  CanonicalArray& boolean(bool v);
  /// A nested array, already written.
  CanonicalArray& array(const CanonicalArray& inner);
  CanonicalArray& str_or_null(const std::optional<std::string>& s) { return s ? str(*s) : null(); }
  CanonicalArray& num_or_null(const std::optional<std::int64_t>& v) { return v ? num(*v) : null(); }
  /// The text, closed with "]".
  std::string text() const { return out_ + "]"; }

 private:
  void comma() {
    if (out_.size() > 1) out_ += ',';
  }
  std::string out_;
};

}  // namespace linkctl
