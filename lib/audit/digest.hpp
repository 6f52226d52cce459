// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "canonical.hpp"

namespace linkctl {

/// One stored value: NULL, an integer or text. Every engine reads and writes
/// through it, and digests hash each value by its kind, so a digest does not
/// depend on the engine that stored the row.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

/// One column of a row, named as in the schema.
struct Column {
  const char* name;
  Value value;
};
using Row = std::vector<Column>;

/// SHA-256 over rows, each hashed as a canonical JSON array of its values in
/// order (integers as numbers, text as strings, NULL as null): what a ticket
/// event records of its ticket row and stage rows.
class RowDigest {
 public:
  void add(const Row& row);
  void add(const std::vector<Value>& values);
  std::string hex() const;

 private:
  CanonicalArray rows_;
};

}  // namespace linkctl
