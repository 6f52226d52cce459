// SPDX-License-Identifier: MIT
#include "policy.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <sstream>
#include <toml.hpp>

#include "hash.hpp"
#include "text.hpp"

namespace linkctl {

const Department* Policy::department(std::string_view code) const {
  for (const auto& d : departments)
    if (d.code == code) return &d;
  return nullptr;
}

const Person* Policy::person(std::string_view id) const {
  for (const auto& p : people)
    if (p.id == id) return &p;
  return nullptr;
}

bool Person::add_role(std::string role) {
  bool known = true;
  if (role.rfind("filer:", 0) == 0 && role.size() > 6) filer_kinds.insert(role.substr(6));
  else if (role == "handler") handler = true;
  else if (role == "supervisor") supervisor = true;
  else if (role == "admin") admin = true;
  else known = role == "lead";
  roles.push_back(std::move(role));
  return known;
}

const Person* Policy::person_by_login(std::string_view login) const {
  for (const auto& p : people)
    if (p.login == login) return &p;
  return nullptr;
}

const Category* Policy::category(std::string_view code) const {
  for (const auto& c : categories)
    if (c.code == code) return &c;
  return nullptr;
}

bool Policy::is_lead(std::string_view person_id, std::string_view dept) const {
  const auto* d = department(dept);
  return d && std::find(d->leads.begin(), d->leads.end(), person_id) != d->leads.end();
}

Deadline Policy::feedback_rule(const Category& c) const {
  Deadline rule = deadlines.feedback;
  for (auto s : kSeverities)
    if (auto v = c.feedback[static_cast<int>(s)]) rule.amount[static_cast<int>(s)] = *v;
  return rule;
}

std::string Diagnostic::str() const {
  return fmt::format("{}:{}: {}: {}", file, line, error ? "error" : "warning", message);
}

std::size_t PolicyLoad::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.error; }));
}

namespace {

// std::map keeps keys sorted, so diagnostics come out in a stable order.
using TV = toml::basic_value<toml::discard_comments, std::map, std::vector>;

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
std::string suggest(std::string_view got, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& k : known) {
    auto d = edit_distance(got, k);
    if (d < best_d) best_d = d, best = k;
  }
  if (!best.empty()) return fmt::format("; did you mean '{}'?", best);
  if (known.empty()) return "";
  if (known.size() > 12) return fmt::format("; known: {}, … ({} in all)", fmt::join(known.begin(), known.begin() + 12, ", "), known.size());
  return fmt::format("; known: {}", fmt::join(known, ", "));
}

std::string type_name(const TV& v) {
  switch (v.type()) {
    case toml::value_t::boolean: return "a boolean";
    case toml::value_t::integer: return "an integer";
    case toml::value_t::floating: return "a float";
    case toml::value_t::string: return "a string";
    case toml::value_t::offset_datetime: return "a date-time";
    case toml::value_t::local_datetime: return "a local date-time";
    case toml::value_t::local_date: return "a date";
    case toml::value_t::local_time: return "a time";
    case toml::value_t::array: return "an array";
    case toml::value_t::table: return "a table";
    default: return "nothing";
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

class Loader {
 public:
  Loader(std::string file, Date today) : file_(std::move(file)), today_(today) {}

  PolicyLoad load(std::string_view text) {
    PolicyLoad out;
    auto policy = std::make_shared<Policy>();
    if (text.size() > kMaxPolicyBytes) {
      error_at(1, fmt::format("the policy is {} bytes; the limit is {} bytes", text.size(), kMaxPolicyBytes));
      out.diagnostics = std::move(diags_);
      return out;
    }
    if (auto bad = first_invalid_utf8(text)) {
      error_at(line_of(text, *bad), "the policy is not valid UTF-8; save it as UTF-8");
      out.diagnostics = std::move(diags_);
      return out;
    }
    if (auto deep = too_deep(text)) {
      // toml11 parses recursively; refuse what would exhaust the stack.
      error_at(line_of(text, *deep), fmt::format("arrays, inline tables or table names nest deeper than {} levels; a policy needs a few", kMaxNesting));
      out.diagnostics = std::move(diags_);
      return out;
    }
    TV root;
    try {
      std::istringstream in{std::string(text)};
      root = toml::parse<toml::discard_comments, std::map, std::vector>(in, file_);
    } catch (const toml::syntax_error& e) {
      error_at(e.location().line(), "TOML syntax: " + first_line(e.what()) + "; fix the line (TOML 1.0: inline tables stay on one line)");
      out.diagnostics = std::move(diags_);
      return out;
    } catch (const std::exception& e) {
      error_at(1, "TOML: " + first_line(e.what()));
      out.diagnostics = std::move(diags_);
      return out;
    }
    Policy& p = *policy;
    p.text = std::string(text);
    p.sha256 = sha256_hex(text);
    check_keys(root, {"organization", "calendar", "deadlines", "scoring", "departments", "people", "categories"}, "the top level");
    read_organization(root, p);
    read_calendar(root, p);
    read_deadlines(root, p);
    read_scoring(root, p);
    read_departments(root, p);
    read_people(root, p);
    read_categories(root, p);
    cross_check(p);
    std::stable_sort(diags_.begin(), diags_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    out.diagnostics = std::move(diags_);
    if (out.error_count() == 0) out.policy = std::move(policy);
    return out;
  }

 private:
  std::string file_;
  Date today_;
  std::vector<Diagnostic> diags_;
  std::map<std::string, const TV*> dept_at_, person_at_, category_at_;

  static std::string first_line(std::string s) {
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    if (s.rfind("[error] ", 0) == 0) s = s.substr(8);
    if (s.rfind("toml::", 0) == 0)
      if (auto colon = s.find(": "); colon != std::string::npos) s = s.substr(colon + 2);
    return s;
  }
  static constexpr int kMaxNesting = 32;

  // Offset of the first place where [ and { nest, or a [table.name] has parts,
  // beyond kMaxNesting (outside strings and comments).
  static std::optional<std::size_t> too_deep(std::string_view text) {
    int depth = 0, dots = 0;
    bool at_line_start = true, in_header = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
        at_line_start = true, in_header = false, dots = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        bool triple = text.substr(i, 3) == std::string(3, c);
        std::string_view close = triple ? text.substr(i, 3) : text.substr(i, 1);
        std::size_t j = i + close.size();
        while (j < text.size() && text.substr(j, close.size()) != close) j += (c == '"' && text[j] == '\\') ? 2 : 1;
        i = j + close.size() - 1;
        at_line_start = false;
        continue;
      }
      if (c == '\n') {
        at_line_start = true, in_header = false, dots = 0;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (at_line_start && c == '[' && depth == 0) in_header = true;
      at_line_start = false;
      if (in_header && c == '.' && ++dots > kMaxNesting) return i;
      if (!in_header && (c == '[' || c == '{') && ++depth > kMaxNesting) return i;
      if (!in_header && (c == ']' || c == '}') && depth > 0) --depth;
    }
    return std::nullopt;
  }

  static unsigned line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  }

  void error_at(unsigned line, std::string msg) { diags_.push_back({true, file_, line, std::move(msg)}); }
  void warn_at(unsigned line, std::string msg) { diags_.push_back({false, file_, line, std::move(msg)}); }
  // toml11 computes a line number by scanning the file from the start, so lines
  // are looked up only when a diagnostic is actually reported.
  void error(const TV& at, std::string msg) { error_at(at.location().line(), std::move(msg)); }
  void warn(const TV& at, std::string msg) { warn_at(at.location().line(), std::move(msg)); }
  void error_at(const TV* at, std::string msg) { error_at(at ? at->location().line() : 1u, std::move(msg)); }
  void warn_at(const TV* at, std::string msg) { warn_at(at ? at->location().line() : 1u, std::move(msg)); }
  static unsigned line(const TV* at) { return at ? at->location().line() : 1u; }

  void check_keys(const TV& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
    std::vector<std::string> known(allowed.begin(), allowed.end());
    for (const auto& [key, value] : table.as_table()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        error(value, fmt::format("unknown key '{}' in {}{}", key, where, suggest(key, known)));
    }
  }

  const TV* find(const TV& table, std::string_view key) {
    const auto& t = table.as_table();
    auto it = t.find(std::string(key));
    return it == t.end() ? nullptr : &it->second;
  }

  std::optional<std::string> get_string(const TV& table, std::string_view key, std::string_view where, bool required) {
    const TV* v = find(table, key);
    if (!v) {
      if (required) error(table, fmt::format("{} needs '{}' (a string)", where, key));
      return std::nullopt;
    }
    if (!v->is_string()) {
      error(*v, fmt::format("{}.{} must be a string, not {}; quote it", where, key, type_name(*v)));
      return std::nullopt;
    }
    // Names end up in tables and messages on people's terminals.
    if (auto control = find_control(v->as_string().str, false)) {
      error(*v, fmt::format("{}.{} contains {}; remove it (names are one line of text)", where, key, *control));
      return std::nullopt;
    }
    return v->as_string().str;
  }

  std::optional<std::string> get_code(const TV& table, std::string_view key, std::string_view where, bool required) {
    auto s = get_string(table, key, where, required);
    if (s && !valid_code(*s)) {
      error(*find(table, key), fmt::format("{}.{} = \"{}\" is not a valid code; use 1-64 lower-case letters, digits, '.', '_' or '-'", where, key, *s));
      return std::nullopt;
    }
    return s;
  }

  std::optional<std::int64_t> get_int(const TV& table, std::string_view key, std::string_view where, bool required) {
    const TV* v = find(table, key);
    if (!v) {
      if (required) error(table, fmt::format("{} needs '{}' (an integer)", where, key));
      return std::nullopt;
    }
    if (!v->is_integer()) {
      error(*v, fmt::format("{}.{} must be an integer, not {}", where, key, type_name(*v)));
      return std::nullopt;
    }
    auto n = v->as_integer();
    if (n < -1000000 || n > 1000000) {
      error(*v, fmt::format("{}.{} = {} is out of range; use a number between -1000000 and 1000000", where, key, n));
      return std::nullopt;
    }
    return n;
  }

  std::optional<bool> get_bool(const TV& table, std::string_view key, std::string_view where) {
    const TV* v = find(table, key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      error(*v, fmt::format("{}.{} must be true or false, not {}", where, key, type_name(*v)));
      return std::nullopt;
    }
    return v->as_boolean();
  }

  std::vector<std::pair<std::string, const TV*>> get_strings(const TV& table, std::string_view key, std::string_view where,
                                                             bool required) {
    std::vector<std::pair<std::string, const TV*>> out;
    const TV* v = find(table, key);
    if (!v) {
      if (required) error(table, fmt::format("{} needs '{}' (an array of strings)", where, key));
      return out;
    }
    if (!v->is_array()) {
      error(*v, fmt::format("{}.{} must be an array of strings, e.g. [\"a\", \"b\"], not {}", where, key, type_name(*v)));
      return out;
    }
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) {
        error(item, fmt::format("{}.{} holds {}; every item must be a string", where, key, type_name(item)));
        continue;
      }
      if (auto control = find_control(item.as_string().str, false)) {
        error(item, fmt::format("{}.{} holds a string with {}; remove it", where, key, *control));
        continue;
      }
      out.emplace_back(item.as_string().str, &item);
    }
    return out;
  }

  const std::vector<TV>* get_table_array(const TV& root, std::string_view key) {
    const TV* v = find(root, key);
    if (!v) return nullptr;
    if (!v->is_array()) {
      error(*v, fmt::format("'{}' must be an array of tables written as [[{}]], not {}", key, key, type_name(*v)));
      return nullptr;
    }
    for (const auto& item : v->as_array()) {
      if (!item.is_table()) {
        error(item, fmt::format("'{}' must hold tables written as [[{}]], not {}", key, key, type_name(item)));
        return nullptr;
      }
    }
    return &v->as_array();
  }

  const TV* get_table(const TV& root, std::string_view key) {
    const TV* v = find(root, key);
    if (!v) return nullptr;
    if (!v->is_table()) {
      error(*v, fmt::format("'{}' must be a table written as [{}], not {}", key, key, type_name(*v)));
      return nullptr;
    }
    return v;
  }

  void read_organization(const TV& root, Policy& p) {
    const TV* t = get_table(root, "organization");
    if (!t) {
      if (!find(root, "organization")) error_at(1, "the policy needs an [organization] table with at least name = \"...\"");
      return;
    }
    check_keys(*t, {"name", "timezone", "base_score", "allow_clock_override", "identity"}, "[organization]");
    if (auto s = get_string(*t, "name", "[organization]", true)) p.organization.name = *s;
    std::string tz_name = get_string(*t, "timezone", "[organization]", false).value_or("Asia/Shanghai");
    if (auto tz = TimeZone::find(tz_name)) p.organization.timezone = *tz;
    else
      error(*find(*t, "timezone"), fmt::format("unknown time zone '{}'; use an IANA name such as \"Asia/Shanghai\" (install tzdata for others) or a fixed offset such as \"UTC+08:00\"", tz_name));
    if (auto n = get_int(*t, "base_score", "[organization]", false)) p.organization.base_score = static_cast<int>(*n);
    if (auto b = get_bool(*t, "allow_clock_override", "[organization]")) p.organization.allow_clock_override = *b;
    if (auto s = get_string(*t, "identity", "[organization]", false)) {
      if (*s == "os") p.organization.identity = IdentityMode::os;
      else if (*s == "declared") p.organization.identity = IdentityMode::declared;
      else error(*find(*t, "identity"), fmt::format("[organization].identity = \"{}\" is not known; use \"os\" or \"declared\"", *s));
    }
  }

  std::optional<Date> to_date(const TV& v, std::string_view where) {
    if (!v.is_local_date()) {
      error(v, fmt::format("{} holds {}; write dates unquoted as YYYY-MM-DD, e.g. 2026-10-01", where, type_name(v)));
      return std::nullopt;
    }
    const auto& d = v.as_local_date();
    using namespace std::chrono;
    // toml11 v3 stores the month 0-based.
    year_month_day ymd{year(d.year), month(static_cast<unsigned>(d.month) + 1), day(d.day)};
    if (!ymd.ok() || !in_date_range(sys_days(ymd))) {
      error(v, fmt::format("{} holds a date that does not exist", where));
      return std::nullopt;
    }
    return sys_days(ymd);
  }

  void read_dates(const TV& t, std::string_view key, std::string_view where, std::map<Date, const TV*>& into) {
    const TV* v = find(t, key);
    if (!v) return;
    if (!v->is_array()) {
      error(*v, fmt::format("{}.{} must be an array of dates, e.g. [2026-10-01, 2026-10-02]", where, key));
      return;
    }
    for (const auto& item : v->as_array()) {
      if (auto d = to_date(item, fmt::format("{}.{}", where, key))) {
        if (into.count(*d)) warn(item, fmt::format("{} is listed twice in {}.{}", format_date(*d), where, key));
        into.emplace(*d, &item);
      }
    }
  }

  void read_calendar(const TV& root, Policy& p) {
    const TV* t = get_table(root, "calendar");
    if (!t) {
      if (!find(root, "calendar"))
        warn_at(1, "no [calendar]: only weekends are days off; add holidays = [...] and workdays = [...] (see the [calendar.cn-2026] table of examples/four-roles.toml)");
      return;
    }
    std::map<Date, const TV*> holidays, workdays;
    auto& cal = p.calendar;
    for (const auto& [key, value] : t->as_table()) {
      if (key == "holidays" || key == "workdays" || key == "weekend" || key == "years") continue;
      if (value.is_table()) {
        // A named year's schedule, as in examples/four-roles.toml: [calendar.cn-2026].
        std::string where = "[calendar." + key + "]";
        check_keys(value, {"holidays", "workdays"}, where);
        read_dates(value, "holidays", where, holidays);
        read_dates(value, "workdays", where, workdays);
      } else {
        error(value, fmt::format("unknown key '{}' in [calendar]{}", key,
                                 suggest(key, {"holidays", "workdays", "weekend", "years"})));
      }
    }
    read_dates(*t, "holidays", "[calendar]", holidays);
    read_dates(*t, "workdays", "[calendar]", workdays);
    for (const auto& [d, line] : workdays) {
      if (holidays.count(d)) error_at(line, fmt::format("{} is both a holiday and a make-up workday; keep it in one list", format_date(d)));
      else if (!cal.weekend[std::chrono::weekday(d).c_encoding()])
        warn_at(line, fmt::format("make-up workday {} is a {}, already a working day; make-up workdays are weekend days", format_date(d), weekday_name(d)));
    }
    if (find(*t, "weekend")) {
      cal.weekend.fill(false);
      static const std::vector<std::string> names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
      for (const auto& [name, at] : get_strings(*t, "weekend", "[calendar]", false)) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) error(*at, fmt::format("[calendar].weekend: '{}' is not a day; use sun, mon, tue, wed, thu, fri, sat", name));
        else cal.weekend[static_cast<std::size_t>(it - names.begin())] = true;
      }
    }
    for (const auto& [d, line] : holidays) cal.holidays.insert(d), cal.covered_years.insert(year_of(d));
    for (const auto& [d, line] : workdays) cal.workdays.insert(d), cal.covered_years.insert(year_of(d));
    if (const TV* years = find(*t, "years")) {
      if (!years->is_array()) error(*years, "[calendar].years must be an array of years, e.g. [2027]");
      else
        for (const auto& y : years->as_array()) {
          if (!y.is_integer() || y.as_integer() < 1900 || y.as_integer() > 9999) error(y, "[calendar].years holds something that is not a year; write e.g. [2027]");
          else cal.covered_years.insert(static_cast<int>(y.as_integer()));
        }
    }
    if (auto end = cal.coverage_end()) {
      auto left = (*end - today_).count();
      if (left < 0)
        warn(*t, fmt::format("the calendar covers up to {} only; add {}'s holidays and make-up workdays (until then only weekends count as days off)", format_date(*end), year_of(today_)));
      else if (left <= 60)
        warn(*t, fmt::format("the calendar ends on {} ({} days from today); add {}'s holidays and make-up workdays when the State Council publishes them", format_date(*end), left, year_of(*end) + 1));
    }
  }

  Deadline read_deadline(const TV& t, std::string_view key, std::optional<DueUnit> default_unit) {
    Deadline d;
    if (default_unit) d.unit = *default_unit;
    std::string where = fmt::format("[deadlines].{}", key);
    const TV* v = find(t, key);
    if (!v) {
      error(t, fmt::format("[deadlines] needs '{}' (working days per severity, e.g. {} = {{ major = 3, urgent = 1, normal = 2 }})", key, key));
      return d;
    }
    if (v->is_integer()) {
      auto n = v->as_integer();
      if (n < 0 || n > 366) error(*v, fmt::format("{} = {} is out of range; use 0 to 366", where, n));
      d.amount.fill(static_cast<int>(std::clamp<std::int64_t>(n, 0, 366)));
      return d;
    }
    if (!v->is_table()) {
      error(*v, fmt::format("{} must be a number of days or a table such as {{ major = 10, urgent = 3, normal = 5 }}, not {}", where, type_name(*v)));
      return d;
    }
    check_keys(*v, {"major", "urgent", "normal", "calendar_days", "unit"}, where);
    for (auto s : kSeverities) {
      auto n = get_int(*v, to_string(s), where, false);
      if (!find(*v, to_string(s))) {
        error(*v, fmt::format("{} is missing '{}'; give all three of major, urgent, normal", where, to_string(s)));
      } else if (n && (*n < 0 || *n > 366)) {
        error(*find(*v, to_string(s)), fmt::format("{}.{} = {} is out of range; use 0 to 366", where, to_string(s), *n));
      } else if (n) {
        d.amount[static_cast<int>(s)] = static_cast<int>(*n);
      }
    }
    if (auto cd = get_bool(*v, "calendar_days", where)) d.unit = *cd ? DueUnit::calendar_days : DueUnit::working_days;
    if (auto u = get_string(*v, "unit", where, false)) {
      if (auto unit = parse_due_unit(*u)) {
        if (find(*v, "calendar_days") && *unit != d.unit)
          error(*find(*v, "unit"), fmt::format("{}: unit = \"{}\" contradicts calendar_days; keep one of them", where, *u));
        d.unit = *unit;
      } else {
        error(*find(*v, "unit"), fmt::format("{}.unit = \"{}\" is not known; use working_days, calendar_days or hours", where, *u));
      }
    }
    return d;
  }

  void read_deadlines(const TV& root, Policy& p) {
    const TV* t = get_table(root, "deadlines");
    if (!t) {
      if (!find(root, "deadlines"))
        error_at(1, "the policy needs a [deadlines] table (approval, feedback, review, escalated, reset); see examples/four-roles.toml");
      return;
    }
    check_keys(*t, {"approval", "feedback", "review", "escalated", "reset"}, "[deadlines]");
    p.deadlines.approval = read_deadline(*t, "approval", std::nullopt);
    p.deadlines.feedback = read_deadline(*t, "feedback", std::nullopt);
    p.deadlines.review = read_deadline(*t, "review", std::nullopt);
    // The regulation: escalation deadlines are not postponed over holidays.
    p.deadlines.escalated = read_deadline(*t, "escalated", DueUnit::calendar_days);
    p.deadlines.reset = read_deadline(*t, "reset", std::nullopt);
    for (auto [key, d] : {std::pair{"approval", &p.deadlines.approval}, {"review", &p.deadlines.review}})
      if (d->unit == DueUnit::hours) error(*find(*t, key), fmt::format("[deadlines].{} cannot be counted in hours; use working_days", key));
  }

  void read_scoring(const TV& root, Policy& p) {
    const TV* t = get_table(root, "scoring");
    if (!t) return;  // the regulation's values
    auto& s = p.scoring;
    const std::vector<std::pair<std::string_view, int*>> fields = {
        {"approval_overdue", &s.approval_overdue},
        {"feedback_overdue", &s.feedback_overdue},
        {"review_overdue", &s.review_overdue},
        {"rated_fair", &s.rated_fair},
        {"rated_unsatisfied", &s.rated_unsatisfied},
        {"fake_handling", &s.fake_handling},
        {"supervisor_reset", &s.supervisor_reset},
        {"bonus_threshold", &s.bonus_threshold},
        {"bonus_penalty", &s.bonus_penalty},
        {"escalated_overdue_bonus_penalty", &s.escalated_overdue_bonus_penalty},
    };
    std::vector<std::string> known;
    for (const auto& [k, _] : fields) known.emplace_back(k);
    for (const auto& [key, value] : t->as_table())
      if (std::find(known.begin(), known.end(), key) == known.end())
        error(value, fmt::format("unknown key '{}' in [scoring]{}", key, suggest(key, known)));
    for (const auto& [key, field] : fields) {
      auto n = get_int(*t, key, "[scoring]", false);
      if (!n) continue;
      if (key == "bonus_threshold" ? *n < 0 : *n > 0) {
        error(*find(*t, key), key == "bonus_threshold"
                                  ? fmt::format("[scoring].bonus_threshold = {} must be 0 or more", *n)
                                  : fmt::format("[scoring].{} = {} must be 0 or negative: it is the points lost", key, *n));
        continue;
      }
      *field = static_cast<int>(*n);
    }
  }

  void read_departments(const TV& root, Policy& p) {
    const auto* arr = get_table_array(root, "departments");
    if (!arr || arr->empty()) {
      if (!find(root, "departments")) error_at(1, "the policy needs at least one [[departments]] entry");
      return;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const TV& t = (*arr)[i];
      std::string where = fmt::format("departments[{}]", i + 1);
      check_keys(t, {"code", "name", "kind", "leads", "parent"}, where);
      Department d;
      auto code = get_code(t, "code", where, true);
      if (!code) continue;
      d.code = *code;
      where = fmt::format("department '{}'", d.code);
      if (dept_at_.count(d.code)) {
        error(t, fmt::format("department code '{}' is defined twice (first on line {}); codes must be unique", d.code, line(dept_at_[d.code])));
        continue;
      }
      dept_at_[d.code] = &t;
      d.name = get_string(t, "name", where, true).value_or(d.code);
      if (auto k = get_string(t, "kind", where, true)) {
        if (auto kind = parse_dept_kind(*k)) d.kind = *kind;
        else error(*find(t, "kind"), fmt::format("{}: kind = \"{}\" is not known; use front, back or office", where, *k));
      }
      for (const auto& [lead, at] : get_strings(t, "leads", where, false)) d.leads.push_back(lead);
      if (auto parent = get_string(t, "parent", where, false)) d.parent = *parent;
      p.departments.push_back(std::move(d));
    }
  }

  void read_people(const TV& root, Policy& p) {
    const auto* arr = get_table_array(root, "people");
    if (!arr || arr->empty()) {
      if (!find(root, "people")) error_at(1, "the policy needs [[people]] entries (filers, leads, handlers, a supervisor)");
      return;
    }
    std::map<std::string, const TV*> logins;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const TV& t = (*arr)[i];
      std::string where = fmt::format("people[{}]", i + 1);
      check_keys(t, {"id", "name", "department", "roles", "login"}, where);
      Person person;
      auto id = get_code(t, "id", where, true);
      if (!id) continue;
      person.id = *id;
      where = fmt::format("person '{}'", person.id);
      if (person_at_.count(person.id)) {
        error(t, fmt::format("person id '{}' is defined twice (first on line {}); ids must be unique", person.id, line(person_at_[person.id])));
        continue;
      }
      person_at_[person.id] = &t;
      person.name = get_string(t, "name", where, true).value_or(person.id);
      person.department = get_string(t, "department", where, true).value_or("");
      person.login = get_string(t, "login", where, false).value_or(person.id);
      if (logins.count(person.login))
        error(t, fmt::format("{}: login '{}' is already used on line {}; each OS login maps to one person", where, person.login, line(logins[person.login])));
      logins.emplace(person.login, &t);
      for (const auto& [role, at] : get_strings(t, "roles", where, false)) {
        // "lead" is checked in cross_check(): the person must be listed in the department's leads.
        if (!person.add_role(role))
          error(*at, fmt::format("{}: role '{}' is not known; use filer:<kind> (e.g. filer:customer-manager), lead, handler, supervisor or admin", where, role));
      }
      p.people.push_back(std::move(person));
    }
  }

  void read_categories(const TV& root, Policy& p) {
    const auto* arr = get_table_array(root, "categories");
    if (!arr || arr->empty()) {
      if (!find(root, "categories")) error_at(1, "the policy needs [[categories]] entries (what filers may report)");
      return;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const TV& t = (*arr)[i];
      std::string where = fmt::format("categories[{}]", i + 1);
      check_keys(t, {"code", "name", "severity", "filers", "to", "feedback"}, where);
      Category c;
      auto code = get_code(t, "code", where, true);
      if (!code) continue;
      c.code = *code;
      where = fmt::format("category '{}'", c.code);
      if (category_at_.count(c.code)) {
        error(t, fmt::format("category code '{}' is defined twice (first on line {}); codes must be unique", c.code, line(category_at_[c.code])));
        continue;
      }
      category_at_[c.code] = &t;
      c.name = get_string(t, "name", where, true).value_or(c.code);
      if (auto s = get_string(t, "severity", where, true)) {
        if (auto sev = parse_severity(*s)) c.severity = *sev;
        else error(*find(t, "severity"), fmt::format("{}: severity = \"{}\" is not known; use major, urgent or normal", where, *s));
      }
      for (const auto& [kind, at] : get_strings(t, "filers", where, true)) c.filers.push_back(kind);
      if (find(t, "filers") && find(t, "filers")->is_array() && c.filers.empty())
        error(*find(t, "filers"), fmt::format("{}: filers is empty, so no filer kind can use it; list kinds such as [\"customer-manager\"]", where));
      c.to = get_string(t, "to", where, true).value_or("");
      if (const TV* fb = find(t, "feedback")) {
        if (fb->is_integer()) {
          auto n = fb->as_integer();
          if (n < 0 || n > 366) error(*fb, fmt::format("{}: feedback = {} is out of range; use 0 to 366", where, n));
          else c.feedback.fill(static_cast<int>(n));
        } else if (fb->is_table()) {
          check_keys(*fb, {"major", "urgent", "normal"}, where + ".feedback");
          for (auto s : kSeverities)
            if (auto n = get_int(*fb, to_string(s), where + ".feedback", false)) {
              if (*n < 0 || *n > 366) error(*find(*fb, to_string(s)), fmt::format("{}.feedback.{} = {} is out of range; use 0 to 366", where, to_string(s), *n));
              else c.feedback[static_cast<int>(s)] = static_cast<int>(*n);
            }
        } else {
          error(*fb, fmt::format("{}: feedback must be a number of days or a table such as {{ normal = 10 }}", where));
        }
      }
      p.categories.push_back(std::move(c));
    }
  }

  std::vector<std::string> dept_codes(const Policy& p) {
    std::vector<std::string> v;
    for (const auto& d : p.departments) v.push_back(d.code);
    return v;
  }

  void cross_check(Policy& p) {
    auto depts = dept_codes(p);
    std::vector<std::string> person_ids;
    for (const auto& x : p.people) person_ids.push_back(x.id);
    std::set<std::string> kinds_held;
    for (const auto& x : p.people) kinds_held.insert(x.filer_kinds.begin(), x.filer_kinds.end());

    for (const auto& d : p.departments) {
      const TV* line = dept_at_[d.code];
      if (d.parent && !p.department(*d.parent))
        error_at(line, fmt::format("department '{}': parent '{}' is not a department{}", d.code, *d.parent, suggest(*d.parent, depts)));
      if (d.parent && *d.parent == d.code) error_at(line, fmt::format("department '{}' cannot be its own parent", d.code));
      if (d.leads.empty() && d.kind != DeptKind::office)
        error_at(line, fmt::format("department '{}' has no leads; add leads = [\"person-id\"], or no ticket from or to it could move", d.code));
      for (const auto& lead : d.leads) {
        const Person* who = p.person(lead);
        if (!who) error_at(line, fmt::format("department '{}': lead '{}' is not in [[people]]{}", d.code, lead, suggest(lead, person_ids)));
        else if (who->department != d.code)
          error_at(line, fmt::format("department '{}': lead '{}' belongs to department '{}'; a lead must be a member of the department they lead", d.code, lead, who->department));
      }
    }
    bool has_supervisor = false;
    for (const auto& x : p.people) {
      const TV* line = person_at_[x.id];
      const Department* d = p.department(x.department);
      if (!x.department.empty() && !d)
        error_at(line, fmt::format("person '{}': department '{}' is not defined{}", x.id, x.department, suggest(x.department, depts)));
      bool has_lead_role = std::find(x.roles.begin(), x.roles.end(), "lead") != x.roles.end();
      if (has_lead_role && d && !p.is_lead(x.id, d->code))
        error_at(line, fmt::format("person '{}' has role 'lead' but is not in department '{}''s leads; add them to its leads = [...] or drop the role", x.id, d->code));
      if (x.supervisor) {
        has_supervisor = true;
        if (d && d->kind != DeptKind::office)
          warn_at(line, fmt::format("supervisor '{}' is in department '{}', which is not the office (kind = \"office\")", x.id, d->code));
      }
      // Filing, approving, assigning oneself, closing, confirming and rating: one person, no second pair of eyes.
      if (d && d->kind != DeptKind::office && !x.filer_kinds.empty() && p.is_lead(x.id, d->code))
        warn_at(line, fmt::format("person '{}' both files tickets (filer:{}) and leads '{}': a ticket they file and send to '{}' "
                                  "they can approve, handle, confirm and rate alone; give the filing or the lead role to someone else",
                                  x.id, *x.filer_kinds.begin(), d->code, d->code));
      if (d && d->kind == DeptKind::back && !x.filer_kinds.empty())
        warn_at(line, fmt::format("person '{}' is a filer in '{}', a receiving-only (back) department; tickets they file will come from there", x.id, d->code));
    }
    if (!p.people.empty() && !has_supervisor)
      warn_at(1, "no person has the role 'supervisor': nobody can escalate, reset after rating, spot-check or freeze reports");
    for (const auto& c : p.categories) {
      const TV* line = category_at_[c.code];
      const Department* to = p.department(c.to);
      if (!c.to.empty() && !to)
        error_at(line, fmt::format("category '{}': to = \"{}\" is not a department{}", c.code, c.to, suggest(c.to, depts)));
      else if (to && to->kind == DeptKind::office)
        error_at(line, fmt::format("category '{}': to = \"{}\" is the supervising office; send tickets to a front or back department", c.code, c.to));
      for (const auto& kind : c.filers)
        if (!kinds_held.count(kind))
          warn_at(line, fmt::format("category '{}': no person has the role 'filer:{}', so nobody can file it under that kind", c.code, kind));
    }
    for (const auto& kind : kinds_held) {
      bool used = std::any_of(p.categories.begin(), p.categories.end(), [&](const Category& c) {
        return std::find(c.filers.begin(), c.filers.end(), kind) != c.filers.end();
      });
      if (!used && !p.categories.empty())
        warn_at(1, fmt::format("filer kind '{}' is held by people but no category lists it in filers; they cannot file anything", kind));
    }
  }
};

}  // namespace

PolicyLoad load_policy(std::string_view text, const std::string& source, Date today) {
  return Loader(source, today).load(text);
}

}  // namespace linkctl
