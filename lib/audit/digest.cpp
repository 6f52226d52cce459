// SPDX-License-Identifier: MIT
#include "digest.hpp"

#include "hash.hpp"

namespace linkctl {
namespace {

void put(CanonicalArray& j, const Value& v) {
  if (const auto* text = std::get_if<std::string>(&v))
    j.str(*text);
  else if (const auto* number = std::get_if<std::int64_t>(&v))
    j.num(*number);
  else
    j.null();
}

}  // namespace

void RowDigest::add(const Row& row) {
  CanonicalArray cols;
  for (const auto& c : row) put(cols, c.value);
  rows_.array(cols);
}

void RowDigest::add(const std::vector<Value>& values) {
  CanonicalArray cols;
  for (const auto& v : values) put(cols, v);
  rows_.array(cols);
}

std::string RowDigest::hex() const { return sha256_hex(rows_.text()); }

}  // namespace linkctl
