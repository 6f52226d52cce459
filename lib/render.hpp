// SPDX-License-Identifier: MIT
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace linkctl {

/// Output formats of SPEC section 7.
enum class Format { table, tsv, csv, json };
std::optional<Format> parse_format(std::string_view s);

/// Data to print: named columns and one JSON object per row. Every format is
/// rendered from this, so a new format never touches the logic that made it.
struct Rows {
  std::vector<std::string> columns;
  std::vector<nlohmann::ordered_json> rows;
};

/// Builds one row in order, with room for its keys reserved and each value moved
/// in. (An initializer list copies every value; growing an ordered_json object key
/// by key copies every key. Both showed in the profiles of long listings.)
/// Keys must be distinct; they are not checked.
class RowBuilder {
 public:
  explicit RowBuilder(std::size_t keys) : row_(nlohmann::ordered_json::object()) {
    row_.get_ref<nlohmann::ordered_json::object_t&>().reserve(keys);
  }
  RowBuilder& operator()(const char* key, nlohmann::ordered_json value) {
    row_.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(key, std::move(value));
    return *this;
  }
  nlohmann::ordered_json take() { return std::move(row_); }

 private:
  nlohmann::ordered_json row_;
};

struct RenderOptions {
  bool header = true;  ///< tsv/csv: print the header line
  bool colour = false; ///< table: bold header
};

/// An aligned table (CJK text aligned by display width, numbers right-aligned).
std::string render_table(const Rows& rows, const RenderOptions& opt = {});
/// Tab-separated, one record a line; tab, newline and backslash escaped as \t \n \\.
std::string render_tsv(const Rows& rows, const RenderOptions& opt = {});
/// RFC 4180 CSV with CRLF line ends.
std::string render_csv(const Rows& rows, const RenderOptions& opt = {});
/// A JSON array of the row objects, one per line.
std::string render_json(const Rows& rows);
std::string render(const Rows& rows, Format f, const RenderOptions& opt = {});

/// One record as "key  value" lines (table), a one-row tsv/csv, or a JSON object.
std::string render_record(const Rows& one, Format f, const RenderOptions& opt = {});

/// Writes rows one at a time (csv, tsv or json), so exports run in constant memory.
class RowWriter {
 public:
  RowWriter(Format f, std::vector<std::string> columns, RenderOptions opt, std::ostream& out);
  void write(const nlohmann::ordered_json& row);
  /// Closes the JSON array; prints the header of an empty csv/tsv.
  void finish();

 private:
  void write_header_only();
  Format format_;
  std::vector<std::string> columns_;
  RenderOptions opt_;
  std::ostream& out_;
  std::size_t count_ = 0;
  std::string buffer_;  ///< one row's text, reused
};

/// The plain text of a cell: strings as they are, null as "", arrays joined with ",".
std::string cell_text(const nlohmann::ordered_json& v);

}  // namespace linkctl
