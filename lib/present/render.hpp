// SPDX-License-Identifier: MIT
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "json_row.hpp"

namespace linkctl {

/// Output formats of SPEC section 7.
enum class Format { table, tsv, csv, json };
std::optional<Format> parse_format(std::string_view s);

/// Data to print: named columns and one JSON object per row. Every format is
/// rendered from this, so a new format never touches the logic that made it.
struct Rows {
  std::vector<std::string> columns;
  std::vector<nlohmann::ordered_json> rows;
  /// Table only: a column of numbers also drawn as a bar beside them, full at `full`.
  struct Bar {
    std::string column;
    double full = 100;
  };
  /// Table only: the column cut with "…" so that lines fit RenderOptions::width.
  std::string fit = {};
  /// Table only: the columns with a bar.
  std::vector<Bar> bars = {};
};

/// What one command prints, built by a presenter for the output format: blocks
/// in order, each plain text, a list of rows, or one record.
struct View {
  struct Block {
    std::string text;
    std::optional<Rows> rows;
    bool record = false;
  };
  std::vector<Block> blocks;

  // Builders: on a named view they return it by reference; on a temporary by rvalue, so
  // that `return View().rows(r);` moves the rows out instead of copying them.
  View& text(std::string t) & {
    blocks.push_back({std::move(t), std::nullopt, false});
    return *this;
  }
  View& rows(Rows r) & {
    blocks.push_back({{}, std::move(r), false});
    return *this;
  }
  View& record(Rows r) & {
    blocks.push_back({{}, std::move(r), true});
    return *this;
  }
  View&& text(std::string t) && { return std::move(text(std::move(t))); }
  View&& rows(Rows r) && { return std::move(rows(std::move(r))); }
  View&& record(Rows r) && { return std::move(record(std::move(r))); }
};

struct RenderOptions {
  bool header = true;        ///< tsv/csv: print the header line
  bool colour = false;       ///< table: bold header, coloured bars
  std::size_t width = 0;     ///< table: the terminal's columns (0: unlimited)
  bool spreadsheet = false;  ///< csv: text a spreadsheet would run as a formula gets a leading ' (SPEC 13)
};

/// Text a spreadsheet would run as a formula: starting with = + - @, a tab or a carriage return.
bool formula_like(std::string_view s);

/// `s` cut to at most `width` terminal columns: when it is wider, its longest prefix
/// that fits `width - 1` columns and "…". Never splits a UTF-8 sequence; `width` 0 gives "".
std::string fit_width(std::string_view s, std::size_t width);

/// Cells a bar takes in a table, and the cells of `value` out of `full` in eighths of a
/// cell (Unicode block characters █▉▊▋▌▍▎▏), always kBarCells wide (padded with spaces).
inline constexpr std::size_t kBarCells = 10;
std::string bar_text(double value, double full);

/// An aligned table (CJK text aligned by display width, numbers right-aligned). A
/// column in `rows.bars` is followed by a column (with an empty header) of bars; the
/// column `rows.fit` is cut so that lines fit `opt.width` (but is kept 12 columns wide).
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
/// Every block of `v` in turn.
std::string render(const View& v, Format f, const RenderOptions& opt = {});

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
