// SPDX-License-Identifier: MIT
#include "render.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "csv.hpp"
#include "text.hpp"

namespace linkctl {

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table") return Format::table;
  if (s == "tsv") return Format::tsv;
  if (s == "csv") return Format::csv;
  if (s == "json") return Format::json;
  return std::nullopt;
}

std::string cell_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out += ",";
      out += cell_text(item);
    }
    return out;
  }
  return v.dump();
}

namespace {

const nlohmann::ordered_json kNull;

const nlohmann::ordered_json& field(const nlohmann::ordered_json& row, const std::string& col) {
  auto it = row.find(col);
  return it == row.end() ? kNull : *it;
}

std::string table_cell(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "-";
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_array() && v.empty()) return "-";
  // Zero-width characters are shown, so that two titles that look alike can be told apart.
  std::string s = show_zero_width(cell_text(v));
  // Keep one record a line: show embedded line breaks as a visible mark.
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += " ⏎ ";
    else if (c == '\t' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// Calls cell(c, value) for each of rows.columns in order. Rows are built in column
// order, so one walk over the row's keys finds them all; a key out of order is
// looked up instead (a linear search per cell made wide listings quadratic).
template <typename Cell>
void each_cell(const std::vector<std::string>& columns, const nlohmann::ordered_json& row, Cell&& cell) {
  auto it = row.is_object() ? row.begin() : row.end();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (it != row.end() && it.key() == columns[c])
      cell(c, *it++);
    else
      cell(c, field(row, columns[c]));
  }
}

void append_tsv(std::string& out, const nlohmann::ordered_json& v) {
  auto escape = [&](std::string_view s) {
    for (char c : s) {
      switch (c) {
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\\':
          out += "\\\\";
          break;
        default:
          out += c;
      }
    }
  };
  if (v.is_string())
    escape(v.get_ref<const std::string&>());
  else
    escape(cell_text(v));
}

}  // namespace

std::string render_table(const Rows& rows, const RenderOptions& opt) {
  const auto n = rows.columns.size();
  std::vector<std::size_t> width(n);
  // A column is right-aligned when it holds numbers (and nulls) only, at least one number.
  std::vector<bool> numeric(n, true), any_number(n, false);
  std::vector<std::vector<std::string>> cells;
  for (std::size_t c = 0; c < n; ++c) width[c] = display_width(rows.columns[c]);
  for (const auto& row : rows.rows) {
    auto& line = cells.emplace_back();
    each_cell(rows.columns, row, [&](std::size_t c, const nlohmann::ordered_json& v) {
      if (!v.is_number() && !v.is_null()) numeric[c] = false;
      if (v.is_number()) any_number[c] = true;
      line.push_back(table_cell(v));
      width[c] = std::max(width[c], display_width(line.back()));
    });
  }
  auto pad = [&](const std::string& s, std::size_t c, bool last) {
    std::size_t fill = width[c] - display_width(s);
    if (numeric[c] && any_number[c]) return std::string(fill, ' ') + s;
    return last ? s : s + std::string(fill, ' ');
  };
  std::string out;
  for (std::size_t c = 0; c < n; ++c) {
    std::string h = pad(rows.columns[c], c, c + 1 == n);
    if (opt.colour) h = "\x1b[1m" + h + "\x1b[0m";
    out += (c ? "  " : "") + h;
  }
  out += '\n';
  for (const auto& line : cells) {
    for (std::size_t c = 0; c < n; ++c) out += (c ? "  " : "") + pad(line[c], c, c + 1 == n);
    out += '\n';
  }
  return out;
}

namespace {

void append_tsv_header(std::string& out, const std::vector<std::string>& columns) {
  out += fmt::format("{}\n", fmt::join(columns, "\t"));
}

void append_tsv_row(std::string& out, const std::vector<std::string>& columns, const nlohmann::ordered_json& row) {
  each_cell(columns, row, [&](std::size_t c, const nlohmann::ordered_json& v) {
    if (c) out += '\t';
    append_tsv(out, v);
  });
  out += '\n';
}

void append_csv_header(std::string& out, const std::vector<std::string>& columns) {
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + csv_field(columns[c]);
  out += "\r\n";
}

void append_csv_row(std::string& out, const std::vector<std::string>& columns, const nlohmann::ordered_json& row) {
  each_cell(columns, row, [&](std::size_t c, const nlohmann::ordered_json& v) {
    if (c) out += ',';
    out += v.is_string() ? csv_field(v.get_ref<const std::string&>()) : csv_field(cell_text(v));
  });
  out += "\r\n";
}

}  // namespace

std::string render_tsv(const Rows& rows, const RenderOptions& opt) {
  std::string out;
  if (opt.header) append_tsv_header(out, rows.columns);
  for (const auto& row : rows.rows) append_tsv_row(out, rows.columns, row);
  return out;
}

std::string render_csv(const Rows& rows, const RenderOptions& opt) {
  std::string out;
  if (opt.header) append_csv_header(out, rows.columns);
  for (const auto& row : rows.rows) append_csv_row(out, rows.columns, row);
  return out;
}

std::string render_json(const Rows& rows) {
  if (rows.rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    out += rows.rows[i].dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += i + 1 < rows.rows.size() ? ",\n" : "\n";
  }
  return out + "]\n";
}

std::string render(const Rows& rows, Format f, const RenderOptions& opt) {
  switch (f) {
    case Format::table:
      return render_table(rows, opt);
    case Format::tsv:
      return render_tsv(rows, opt);
    case Format::csv:
      return render_csv(rows, opt);
    case Format::json:
      return render_json(rows);
  }
  return {};
}

std::string render_record(const Rows& one, Format f, const RenderOptions& opt) {
  if (one.rows.empty()) return {};
  const auto& row = one.rows.front();
  if (f == Format::json) return row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  if (f != Format::table) return render(one, f, opt);
  std::size_t key_width = 0;
  for (const auto& c : one.columns) key_width = std::max(key_width, display_width(c));
  std::string out;
  for (const auto& c : one.columns) {
    std::string key = c + ":" + std::string(key_width - display_width(c), ' ');
    if (opt.colour) key = "\x1b[1m" + key + "\x1b[0m";
    out += fmt::format("{} {}\n", key, table_cell(field(row, c)));
  }
  return out;
}

}  // namespace linkctl

namespace linkctl {

RowWriter::RowWriter(Format f, std::vector<std::string> columns, RenderOptions opt, std::ostream& out)
    : format_(f), columns_(std::move(columns)), opt_(opt), out_(out) {}

void RowWriter::write(const nlohmann::ordered_json& row) {
  bool header = opt_.header && count_ == 0;
  buffer_.clear();
  switch (format_) {
    case Format::json:
      buffer_ = row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      out_ << (count_ == 0 ? "[\n" : ",\n");
      break;
    case Format::csv:
      if (header) append_csv_header(buffer_, columns_);
      append_csv_row(buffer_, columns_, row);
      break;
    default:
      if (header) append_tsv_header(buffer_, columns_);
      append_tsv_row(buffer_, columns_, row);
      break;
  }
  out_ << buffer_;
  ++count_;
}

void RowWriter::finish() {
  if (format_ == Format::json)
    out_ << (count_ == 0 ? "[]\n" : "\n]\n");
  else if (count_ == 0 && opt_.header)
    write_header_only();
  out_.flush();
}

void RowWriter::write_header_only() {
  Rows none{columns_, {}};
  out_ << (format_ == Format::csv ? render_csv(none, opt_) : render_tsv(none, opt_));
}

std::string render(const View& v, Format f, const RenderOptions& opt) {
  std::string out;
  for (const auto& b : v.blocks) {
    if (!b.rows)
      out += b.text;
    else if (b.record)
      out += render_record(*b.rows, f, opt);
    else
      out += render(*b.rows, f, opt);
  }
  return out;
}

}  // namespace linkctl
