// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace linkctl {

/// One CSV record and the line it starts on (1-based).
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV: quoted fields with "" escapes and line breaks inside,
/// CRLF or LF line ends, an optional UTF-8 byte-order mark, blank lines skipped.
/// Throws Error(invalid) as "SOURCE:LINE: ..." for bad quoting.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& source);

/// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view s);

}  // namespace linkctl
