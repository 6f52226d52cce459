// SPDX-License-Identifier: MIT
#include "render.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>

#include "csv.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "text.hpp"

namespace linkctl {

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table") return Format::table;
  if (s == "tsv") return Format::tsv;
  if (s == "csv") return Format::csv;
  if (s == "json") return Format::json;
  return std::nullopt;
}

bool formula_like(std::string_view s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
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
  if (v.is_boolean()) return v.get<bool>() ? _("yes") : _("no");
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
  append_tab_escaped(out, v.is_string() ? v.get_ref<const std::string&>() : cell_text(v));
}

}  // namespace

std::string fit_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  // Whole characters while they fit in width - 1 columns; the ellipsis takes the last one.
  std::size_t used = 0, i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    std::size_t w = n <= 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    if (used + w > width - 1) break;
    used += w;
    i += n <= 0 ? 1 : static_cast<std::size_t>(n);
  }
  return std::string(s.substr(0, i)) + "…";
}

std::string bar_text(double value, double full) {
  if (!(full > 0) || !(value > 0)) return {};
  static const char* const kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  auto eighths = static_cast<std::size_t>(std::lround(std::min(value / full, 1.0) * kBarCells * 8));
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) out += "█";
  return out + kPartial[eighths % 8];
}

namespace {

// One column as a table shows it: its header, its cells, how they are aligned.
struct TableColumn {
  std::string header;
  std::vector<std::string> cells;
  bool numeric = true, any_number = false;  ///< right-aligned when both
  std::vector<const char*> colours;         ///< a bar column's SGR colour per row
  std::size_t width = 0;
};

// Green from 90 % of full, yellow from 60 %, red below: the month at a glance.
const char* bar_colour(double value, double full) {
  double share = full > 0 ? value / full : 0;
  return share >= 0.9 ? "\x1b[32m" : share >= 0.6 ? "\x1b[33m" : "\x1b[31m";
}

// Cuts the cells of column `fit` so that a line (columns two spaces apart) fits `width`.
void fit_column(std::vector<TableColumn>& columns, std::size_t fit, std::size_t width) {
  constexpr std::size_t kNarrowest = 12;
  std::size_t total = 2 * (columns.size() - 1);
  for (const auto& c : columns) total += c.width;
  auto& col = columns[fit];
  if (width == 0 || total <= width) return;
  std::size_t others = total - col.width;
  std::size_t room = std::max(width > others ? width - others : 0, std::max(kNarrowest, display_width(col.header)));
  if (room >= col.width) return;
  col.width = display_width(col.header);
  for (auto& cell : col.cells) {
    cell = fit_width(cell, room);
    col.width = std::max(col.width, display_width(cell));
  }
}

}  // namespace

std::string render_table(const Rows& rows, const RenderOptions& opt) {
  const auto n = rows.columns.size();
  // A column is right-aligned when it holds numbers (and nulls) only, at least one number.
  std::vector<TableColumn> source(n);
  for (std::size_t c = 0; c < n; ++c) source[c].header = column_label(rows.columns[c]);
  for (const auto& row : rows.rows) {
    each_cell(rows.columns, row, [&](std::size_t c, const nlohmann::ordered_json& v) {
      if (!v.is_number() && !v.is_null()) source[c].numeric = false;
      if (v.is_number()) source[c].any_number = true;
      source[c].cells.push_back(table_cell(cell_label(rows.columns[c], v)));
    });
  }
  // The columns shown: each column, and after one with a bar its bars (an empty header).
  std::vector<TableColumn> columns;
  std::size_t fit = n;
  for (std::size_t c = 0; c < n; ++c) {
    if (rows.columns[c] == rows.fit) fit = columns.size();
    columns.push_back(std::move(source[c]));
    for (const auto& bar : rows.bars) {
      if (bar.column != rows.columns[c]) continue;
      TableColumn drawn;
      drawn.numeric = false;
      for (const auto& row : rows.rows) {
        const auto& v = field(row, bar.column);
        double value = v.is_number() ? v.get<double>() : 0;
        drawn.cells.push_back(bar_text(value, bar.full));
        drawn.colours.push_back(bar_colour(value, bar.full));
      }
      columns.push_back(std::move(drawn));
    }
  }
  for (auto& col : columns) {
    col.width = display_width(col.header);
    for (const auto& cell : col.cells) col.width = std::max(col.width, display_width(cell));
  }
  if (fit < columns.size()) fit_column(columns, fit, opt.width);

  std::string out;
  auto line = [&](auto&& text_of) {
    std::string l;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto& col = columns[c];
      auto [s, colour] = text_of(col);
      std::size_t fill = col.width - display_width(s);
      bool right = col.numeric && col.any_number;
      if (c) l += "  ";
      if (right) l += std::string(fill, ' ');
      l += colour ? fmt::format("{}{}\x1b[0m", colour, s) : s;
      if (!right) l += std::string(fill, ' ');
    }
    // Nothing trails a line: an empty or narrow last cell leaves no padding behind.
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + '\n';
  };
  line([&](const TableColumn& col) {
    return std::pair<const std::string&, const char*>(col.header,
                                                      opt.colour && !col.header.empty() ? "\x1b[1m" : nullptr);
  });
  for (std::size_t r = 0; r < rows.rows.size(); ++r)
    line([&](const TableColumn& col) {
      bool coloured = opt.colour && !col.colours.empty() && !col.cells[r].empty();
      return std::pair<const std::string&, const char*>(col.cells[r], coloured ? col.colours[r] : nullptr);
    });
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

void append_csv_row(std::string& out, const std::vector<std::string>& columns, const nlohmann::ordered_json& row,
                    bool spreadsheet) {
  each_cell(columns, row, [&](std::size_t c, const nlohmann::ordered_json& v) {
    if (c) out += ',';
    if (!v.is_string())
      out += csv_field(cell_text(v));
    else if (spreadsheet && formula_like(v.get_ref<const std::string&>()))
      out += csv_field("'" + v.get_ref<const std::string&>());  // a spreadsheet shows it as text
    else
      out += csv_field(v.get_ref<const std::string&>());
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
  for (const auto& row : rows.rows) append_csv_row(out, rows.columns, row, opt.spreadsheet);
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
  for (const auto& c : one.columns) key_width = std::max(key_width, display_width(column_label(c)));
  std::string out;
  for (const auto& c : one.columns) {
    std::string label = column_label(c);
    std::string key = label + ":" + std::string(key_width - display_width(label), ' ');
    if (opt.colour) key = "\x1b[1m" + key + "\x1b[0m";
    out += fmt::format("{} {}\n", key, table_cell(cell_label(c, field(row, c))));
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
      append_csv_row(buffer_, columns_, row, opt_.spreadsheet);
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
