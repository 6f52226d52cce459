// SPDX-License-Identifier: MIT
#include "toml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.hpp"
#include "text.hpp"

namespace linkctl::toml_reading {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// ", did you mean 'x'?" when a known name is close, else the list of names.

}  // namespace

std::string suggest(std::string_view got, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& k : known) {
    auto d = edit_distance(got, k);
    if (d < best_d) best_d = d, best = k;
  }
  if (!best.empty()) return trf("; did you mean '{}'?", best);
  if (known.empty()) return "";
  if (known.size() > 12)
    return trf("; known: {}, … ({} in all)", fmt::join(known.begin(), known.begin() + 12, ", "), known.size());
  return trf("; known: {}", fmt::join(known, ", "));
}

std::string type_name(const TV& v) {
  switch (v.type()) {
    case toml::value_t::boolean:
      return _("a boolean");
    case toml::value_t::integer:
      return _("an integer");
    case toml::value_t::floating:
      return _("a float");
    case toml::value_t::string:
      return _("a string");
    case toml::value_t::offset_datetime:
      return _("a date-time");
    case toml::value_t::local_datetime:
      return _("a local date-time");
    case toml::value_t::local_date:
      return _("a date");
    case toml::value_t::local_time:
      return _("a time");
    case toml::value_t::array:
      return _("an array");
    case toml::value_t::table:
      return _("a table");
    default:
      return _("nothing");
  }
}

// Codes and ids: 1-64 of [a-z0-9._-], starting with a letter or digit.
bool valid_code(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '.' || c == '_' || c == '-'));
  };
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!ok(s[i], i == 0)) return false;
  return true;
}

void TomlReader::check_keys(const TV& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
  std::vector<std::string> known(allowed.begin(), allowed.end());
  for (const auto& [key, value] : table.as_table()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      error(value, trf("unknown key '{}' in {}{}", key, where, suggest(key, known)));
  }
}

const TV* TomlReader::find(const TV& table, std::string_view key) {
  const auto& t = table.as_table();
  auto it = t.find(std::string(key));
  return it == t.end() ? nullptr : &it->second;
}

std::optional<std::string> TomlReader::get_string(const TV& table, std::string_view key, std::string_view where,
                                                  bool required) {
  const TV* v = find(table, key);
  if (!v) {
    if (required) error(table, trf("{} needs '{}' (a string)", where, key));
    return std::nullopt;
  }
  if (!v->is_string()) {
    error(*v, trf("{}.{} must be a string, not {}; quote it", where, key, type_name(*v)));
    return std::nullopt;
  }
  // Names end up in tables and messages on people's terminals.
  if (auto control = find_control(v->as_string().str, false)) {
    error(*v, trf("{}.{} contains {}; remove it (names are one line of text)", where, key, *control));
    return std::nullopt;
  }
  return v->as_string().str;
}

std::optional<std::string> TomlReader::get_code(const TV& table, std::string_view key, std::string_view where,
                                                bool required) {
  auto s = get_string(table, key, where, required);
  if (s && !valid_code(*s)) {
    error(*find(table, key),
          trf("{}.{} = \"{}\" is not a valid code; use 1-64 lower-case letters, digits, '.', '_' or '-'", where, key,
              *s));
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> TomlReader::get_int(const TV& table, std::string_view key, std::string_view where,
                                                bool required) {
  const TV* v = find(table, key);
  if (!v) {
    if (required) error(table, trf("{} needs '{}' (an integer)", where, key));
    return std::nullopt;
  }
  if (!v->is_integer()) {
    error(*v, trf("{}.{} must be an integer, not {}", where, key, type_name(*v)));
    return std::nullopt;
  }
  auto n = v->as_integer();
  if (n < -1000000 || n > 1000000) {
    error(*v, trf("{}.{} = {} is out of range; use a number between -1000000 and 1000000", where, key, n));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> TomlReader::get_bool(const TV& table, std::string_view key, std::string_view where) {
  const TV* v = find(table, key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    error(*v, trf("{}.{} must be true or false, not {}", where, key, type_name(*v)));
    return std::nullopt;
  }
  return v->as_boolean();
}

std::vector<std::pair<std::string, const TV*>> TomlReader::get_strings(const TV& table, std::string_view key,
                                                                       std::string_view where, bool required) {
  std::vector<std::pair<std::string, const TV*>> out;
  const TV* v = find(table, key);
  if (!v) {
    if (required) error(table, trf("{} needs '{}' (an array of strings)", where, key));
    return out;
  }
  if (!v->is_array()) {
    error(*v, trf("{}.{} must be an array of strings, e.g. [\"a\", \"b\"], not {}", where, key, type_name(*v)));
    return out;
  }
  for (const auto& item : v->as_array()) {
    if (!item.is_string()) {
      error(item, trf("{}.{} holds {}; every item must be a string", where, key, type_name(item)));
      continue;
    }
    if (auto control = find_control(item.as_string().str, false)) {
      error(item, trf("{}.{} holds a string with {}; remove it", where, key, *control));
      continue;
    }
    out.emplace_back(item.as_string().str, &item);
  }
  return out;
}

const std::vector<TV>* TomlReader::get_table_array(const TV& root, std::string_view key) {
  const TV* v = find(root, key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    error(*v, trf("'{}' must be an array of tables written as [[{}]], not {}", key, key, type_name(*v)));
    return nullptr;
  }
  for (const auto& item : v->as_array()) {
    if (!item.is_table()) {
      error(item, trf("'{}' must hold tables written as [[{}]], not {}", key, key, type_name(item)));
      return nullptr;
    }
  }
  return &v->as_array();
}

const TV* TomlReader::get_table(const TV& root, std::string_view key) {
  const TV* v = find(root, key);
  if (!v) return nullptr;
  if (!v->is_table()) {
    error(*v, trf("'{}' must be a table written as [{}], not {}", key, key, type_name(*v)));
    return nullptr;
  }
  return v;
}

std::optional<Date> TomlReader::to_date(const TV& v, std::string_view where) {
  if (!v.is_local_date()) {
    error(v, trf("{} holds {}; write dates unquoted as YYYY-MM-DD, e.g. 2026-10-01", where, type_name(v)));
    return std::nullopt;
  }
  const auto& d = v.as_local_date();
  using namespace std::chrono;
  // toml11 v3 stores the month 0-based.
  year_month_day ymd{year(d.year), month(static_cast<unsigned>(d.month) + 1), day(d.day)};
  if (!ymd.ok() || !in_date_range(sys_days(ymd))) {
    error(v, trf("{} holds a date that does not exist", where));
    return std::nullopt;
  }
  return sys_days(ymd);
}

void TomlReader::read_dates(const TV& t, std::string_view key, std::string_view where,
                            std::map<Date, const TV*>& into) {
  const TV* v = find(t, key);
  if (!v) return;
  if (!v->is_array()) {
    error(*v, trf("{}.{} must be an array of dates, e.g. [2026-10-01, 2026-10-02]", where, key));
    return;
  }
  for (const auto& item : v->as_array()) {
    if (auto d = to_date(item, fmt::format("{}.{}", where, key))) {
      if (into.count(*d)) warn(item, trf("{} is listed twice in {}.{}", format_date(*d), where, key));
      into.emplace(*d, &item);
    }
  }
}

}  // namespace linkctl::toml_reading
