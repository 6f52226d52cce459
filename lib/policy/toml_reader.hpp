// SPDX-License-Identifier: MIT
// Internal to lib/policy: typed reading of a parsed TOML document, every problem a
// Diagnostic with its line. No toml::value leaves lib/policy.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>
#include <utility>
#include <vector>

#include "policy.hpp"

namespace linkctl::toml_reading {

// std::map keeps keys sorted, so diagnostics come out in a stable order.
using TV = toml::basic_value<toml::discard_comments, std::map, std::vector>;

/// ", did you mean 'x'?" when a known name is close, else the list of names.
std::string suggest(std::string_view got, const std::vector<std::string>& known);
/// "an integer", "a table", ...: a value's type as a hint says it.
std::string type_name(const TV& v);
/// Codes and ids: 1-64 of [a-z0-9._-], starting with a letter or digit.
bool valid_code(const std::string& s);

/// Reads values of the types a policy needs, recording a Diagnostic (file:line and
/// a hint) for each one that is missing or of the wrong type.
class TomlReader {
 public:
  explicit TomlReader(std::string file) : file_(std::move(file)) {}
  std::vector<Diagnostic>& diagnostics() { return diags_; }

  void error_at(unsigned line, std::string msg) { diags_.push_back({true, file_, line, std::move(msg)}); }
  void warn_at(unsigned line, std::string msg) { diags_.push_back({false, file_, line, std::move(msg)}); }
  // toml11 computes a line number by scanning the file from the start, so lines
  // are looked up only when a diagnostic is actually reported.
  void error(const TV& at, std::string msg) { error_at(at.location().line(), std::move(msg)); }
  void warn(const TV& at, std::string msg) { warn_at(at.location().line(), std::move(msg)); }
  void error_at(const TV* at, std::string msg) { error_at(at ? at->location().line() : 1u, std::move(msg)); }
  void warn_at(const TV* at, std::string msg) { warn_at(at ? at->location().line() : 1u, std::move(msg)); }
  static unsigned line(const TV* at) { return at ? at->location().line() : 1u; }

  void check_keys(const TV& table, std::initializer_list<std::string_view> allowed, std::string_view where);
  const TV* find(const TV& table, std::string_view key);
  std::optional<std::string> get_string(const TV& table, std::string_view key, std::string_view where, bool required);
  std::optional<std::string> get_code(const TV& table, std::string_view key, std::string_view where, bool required);
  std::optional<std::int64_t> get_int(const TV& table, std::string_view key, std::string_view where, bool required);
  std::optional<bool> get_bool(const TV& table, std::string_view key, std::string_view where);
  std::vector<std::pair<std::string, const TV*>> get_strings(const TV& table, std::string_view key,
                                                             std::string_view where, bool required);
  const std::vector<TV>* get_table_array(const TV& root, std::string_view key);
  const TV* get_table(const TV& root, std::string_view key);
  std::optional<Date> to_date(const TV& v, std::string_view where);
  void read_dates(const TV& t, std::string_view key, std::string_view where, std::map<Date, const TV*>& into);

 protected:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

}  // namespace linkctl::toml_reading
