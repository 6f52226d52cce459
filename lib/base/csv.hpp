// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace linkctl {

/// One CSV record and the line it starts on (1-based).
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Reads RFC 4180 CSV one record at a time: quoted fields with "" escapes and line
/// breaks inside, CRLF or LF line ends, an optional UTF-8 byte-order mark, blank lines
/// skipped. Holds one record and one buffer whatever the input's size. Throws
/// Error(invalid) as "SOURCE:LINE: ..." for bad quoting.
class CsvReader {
 public:
  /// Fills `buffer` with up to `size` bytes of input; returns 0 at its end.
  using Read = std::function<std::size_t(char* buffer, std::size_t size)>;

  /// Over text held in memory (not copied: it must outlive the reader).
  CsvReader(std::string_view text, std::string source);
  /// Over a stream of bytes, read in pieces of `buffer_size`.
  CsvReader(Read read, std::string source, std::size_t buffer_size = 1 << 16);

  /// The next non-blank record into `rec` (its strings' storage is reused); false at the end.
  bool next(CsvRecord& rec);
  /// Where the input is named in messages.
  const std::string& source() const { return source_; }

 private:
  bool refill();
  bool at_end() { return pos_ == end_ && !refill(); }
  [[noreturn]] void bad(std::size_t line, const std::string& why) const;

  Read read_;
  std::string source_;
  std::vector<char> buffer_;
  const char* data_ = nullptr;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t line_ = 1;
  bool started_ = false;
};

/// Every record of `text` (CsvReader's rules), for inputs held in memory.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& source);

/// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view s);

}  // namespace linkctl
