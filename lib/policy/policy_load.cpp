// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "hash.hpp"
#include "i18n.hpp"
#include "loader.hpp"
#include "prescan.hpp"
#include "text.hpp"

namespace linkctl {
namespace toml_reading {
namespace {

// The first line of a toml11 error, without its "[error] toml::..." prefix.
std::string first_line(std::string s) {
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  if (s.rfind("[error] ", 0) == 0) s = s.substr(8);
  if (s.rfind("toml::", 0) == 0)
    if (auto colon = s.find(": "); colon != std::string::npos) s = s.substr(colon + 2);
  return s;
}
}  // namespace

PolicyLoad Loader::load(std::string_view text) {
  PolicyLoad out;
  auto policy = std::make_shared<Policy>();
  // Shapes toml11 would take very long or a deep stack for are refused first.
  if (auto problem = prescan_policy(text)) {
    error_at(problem->line, problem->message);
    out.diagnostics = std::move(diags_);
    return out;
  }
  TV root;
  try {
    std::istringstream in{std::string(text)};
    root = toml::parse<toml::discard_comments, std::map, std::vector>(in, file_);
  } catch (const toml::syntax_error& e) {
    error_at(e.location().line(),
             trf("TOML syntax: {}; fix the line (TOML 1.0: inline tables stay on one line)", first_line(e.what())));
    out.diagnostics = std::move(diags_);
    return out;
  } catch (const std::exception& e) {
    error_at(1, trf("TOML: {}", first_line(e.what())));
    out.diagnostics = std::move(diags_);
    return out;
  }
  Policy& p = *policy;
  p.text = std::string(text);
  p.sha256 = sha256_hex(text);
  check_keys(
      root,
      {"organization", "calendar", "deadlines", "scoring", "departments", "people", "categories", "approval_chains"},
      "the top level");
  read_organization(root, p);
  read_calendar(root, p);
  read_deadlines(root, p);
  read_scoring(root, p);
  read_departments(root, p);
  read_people(root, p);
  read_categories(root, p);
  read_approval_chains(root, p);
  cross_check(p);
  std::stable_sort(diags_.begin(), diags_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  out.diagnostics = std::move(diags_);
  if (out.error_count() == 0) out.policy = std::move(policy);
  return out;
}

void Loader::read_organization(const TV& root, Policy& p) {
  const TV* t = get_table(root, "organization");
  if (!t) {
    if (!find(root, "organization"))
      error_at(1, _("the policy needs an [organization] table with at least name = \"...\""));
    return;
  }
  check_keys(*t, {"name", "timezone", "base_score", "allow_clock_override", "identity"}, "[organization]");
  if (auto s = get_string(*t, "name", "[organization]", true)) p.organization.name = *s;
  std::string tz_name = get_string(*t, "timezone", "[organization]", false).value_or("Asia/Shanghai");
  if (auto tz = TimeZone::find(tz_name))
    p.organization.timezone = *tz;
  else
    error(*find(*t, "timezone"), trf("unknown time zone '{}'; use an IANA name such as \"Asia/Shanghai\" "
                                     "(install tzdata for others) or a fixed offset such as \"UTC+08:00\"",
                                     tz_name));
  if (auto n = get_int(*t, "base_score", "[organization]", false)) p.organization.base_score = static_cast<int>(*n);
  if (auto b = get_bool(*t, "allow_clock_override", "[organization]")) p.organization.allow_clock_override = *b;
  if (auto s = get_string(*t, "identity", "[organization]", false)) {
    if (*s == "os")
      p.organization.identity = IdentityMode::os;
    else if (*s == "declared")
      p.organization.identity = IdentityMode::declared;
    else if (*s == "database")
      p.organization.identity = IdentityMode::database;
    else
      error(*find(*t, "identity"),
            trf("[organization].identity = \"{}\" is not known; use \"os\", \"declared\" or \"database\" "
                "(PostgreSQL only)",
                *s));
  }
}

void Loader::read_calendar(const TV& root, Policy& p) {
  const TV* t = get_table(root, "calendar");
  if (!t) {
    if (!find(root, "calendar"))
      warn_at(1, _("no [calendar]: only weekends are days off; add holidays = [...] and workdays = [...] (see the "
                   "[calendar.cn-2026] table of examples/four-roles.toml)"));
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
      error(value,
            trf("unknown key '{}' in [calendar]{}", key, suggest(key, {"holidays", "workdays", "weekend", "years"})));
    }
  }
  read_dates(*t, "holidays", "[calendar]", holidays);
  read_dates(*t, "workdays", "[calendar]", workdays);
  for (const auto& [d, line] : workdays) {
    if (holidays.count(d))
      error_at(line, trf("{} is both a holiday and a make-up workday; keep it in one list", format_date(d)));
    else if (!cal.weekend[std::chrono::weekday(d).c_encoding()])
      warn_at(line, trf("make-up workday {} is a {}, already a working day; make-up workdays are weekend days",
                        format_date(d), weekday_name(d)));
  }
  if (find(*t, "weekend")) {
    cal.weekend.fill(false);
    static const std::vector<std::string> names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (const auto& [name, at] : get_strings(*t, "weekend", "[calendar]", false)) {
      auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end())
        error(*at, trf("[calendar].weekend: '{}' is not a day; use sun, mon, tue, wed, thu, fri, sat", name));
      else
        cal.weekend[static_cast<std::size_t>(it - names.begin())] = true;
    }
  }
  for (const auto& [d, line] : holidays) cal.holidays.insert(d), cal.covered_years.insert(year_of(d));
  for (const auto& [d, line] : workdays) cal.workdays.insert(d), cal.covered_years.insert(year_of(d));
  if (const TV* years = find(*t, "years")) {
    if (!years->is_array())
      error(*years, _("[calendar].years must be an array of years, e.g. [2027]"));
    else
      for (const auto& y : years->as_array()) {
        if (!y.is_integer() || y.as_integer() < 1900 || y.as_integer() > 9999)
          error(y, _("[calendar].years holds something that is not a year; write e.g. [2027]"));
        else
          cal.covered_years.insert(static_cast<int>(y.as_integer()));
      }
  }
  if (auto end = cal.coverage_end()) {
    auto left = (*end - today_).count();
    if (left < 0)
      warn(*t, trf("the calendar covers up to {} only; add {}'s holidays and make-up workdays (until then only "
                   "weekends count as days off)",
                   format_date(*end), year_of(today_)));
    else if (left <= 60)
      warn(*t, trf("the calendar ends on {} ({} days from today); add {}'s holidays and make-up workdays when "
                   "the State Council publishes them",
                   format_date(*end), left, year_of(*end) + 1));
  }
}

Deadline Loader::read_deadline(const TV& t, std::string_view key, std::optional<DueUnit> default_unit) {
  Deadline d;
  if (default_unit) d.unit = *default_unit;
  std::string where = fmt::format("[deadlines].{}", key);
  const TV* v = find(t, key);
  if (!v) {
    error(t,
          trf("[deadlines] needs '{}' (working days per severity, e.g. {} = {{ major = 3, urgent = 1, normal = 2 }})",
              key, key));
    return d;
  }
  if (v->is_integer()) {
    auto n = v->as_integer();
    if (n < 0 || n > 366) error(*v, trf("{} = {} is out of range; use 0 to 366", where, n));
    d.amount.fill(static_cast<int>(std::clamp<std::int64_t>(n, 0, 366)));
    return d;
  }
  if (!v->is_table()) {
    error(*v, trf("{} must be a number of days or a table such as {{ major = 10, urgent = 3, normal = 5 }}, not {}",
                  where, type_name(*v)));
    return d;
  }
  check_keys(*v, {"major", "urgent", "normal", "calendar_days", "unit"}, where);
  for (auto s : kSeverities) {
    auto n = get_int(*v, to_string(s), where, false);
    if (!find(*v, to_string(s))) {
      error(*v, trf("{} is missing '{}'; give all three of major, urgent, normal", where, to_string(s)));
    } else if (n && (*n < 0 || *n > 366)) {
      error(*find(*v, to_string(s)), trf("{}.{} = {} is out of range; use 0 to 366", where, to_string(s), *n));
    } else if (n) {
      d.amount[static_cast<int>(s)] = static_cast<int>(*n);
    }
  }
  if (auto cd = get_bool(*v, "calendar_days", where)) d.unit = *cd ? DueUnit::calendar_days : DueUnit::working_days;
  if (auto u = get_string(*v, "unit", where, false)) {
    if (auto unit = parse_due_unit(*u)) {
      if (find(*v, "calendar_days") && *unit != d.unit)
        error(*find(*v, "unit"), trf("{}: unit = \"{}\" contradicts calendar_days; keep one of them", where, *u));
      d.unit = *unit;
    } else {
      error(*find(*v, "unit"),
            trf("{}.unit = \"{}\" is not known; use working_days, calendar_days or hours", where, *u));
    }
  }
  return d;
}

void Loader::read_deadlines(const TV& root, Policy& p) {
  const TV* t = get_table(root, "deadlines");
  if (!t) {
    if (!find(root, "deadlines"))
      error_at(1, _("the policy needs a [deadlines] table (approval, feedback, review, escalated, reset); see "
                    "examples/four-roles.toml"));
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
    if (d->unit == DueUnit::hours)
      error(*find(*t, key), trf("[deadlines].{} cannot be counted in hours; use working_days", key));
}

void Loader::read_scoring(const TV& root, Policy& p) {
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
      error(value, trf("unknown key '{}' in [scoring]{}", key, suggest(key, known)));
  for (const auto& [key, field] : fields) {
    auto n = get_int(*t, key, "[scoring]", false);
    if (!n) continue;
    if (key == "bonus_threshold" ? *n < 0 : *n > 0) {
      error(*find(*t, key), key == "bonus_threshold"
                                ? trf("[scoring].bonus_threshold = {} must be 0 or more", *n)
                                : trf("[scoring].{} = {} must be 0 or negative: it is the points lost", key, *n));
      continue;
    }
    *field = static_cast<int>(*n);
  }
}

void Loader::read_departments(const TV& root, Policy& p) {
  const auto* arr = get_table_array(root, "departments");
  if (!arr || arr->empty()) {
    if (!find(root, "departments")) error_at(1, _("the policy needs at least one [[departments]] entry"));
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
      error(t, trf("department code '{}' is defined twice (first on line {}); codes must be unique", d.code,
                   line(dept_at_[d.code])));
      continue;
    }
    dept_at_[d.code] = &t;
    d.name = get_string(t, "name", where, true).value_or(d.code);
    if (auto k = get_string(t, "kind", where, true)) {
      if (auto kind = parse_dept_kind(*k))
        d.kind = *kind;
      else
        error(*find(t, "kind"), trf("{}: kind = \"{}\" is not known; use front, back or office", where, *k));
    }
    for (const auto& [lead, at] : get_strings(t, "leads", where, false)) d.leads.push_back(lead);
    if (auto parent = get_string(t, "parent", where, false)) d.parent = *parent;
    p.departments.push_back(std::move(d));
  }
}

void Loader::read_people(const TV& root, Policy& p) {
  const auto* arr = get_table_array(root, "people");
  if (!arr || arr->empty()) {
    if (!find(root, "people"))
      error_at(1, _("the policy needs [[people]] entries (filers, leads, handlers, a supervisor)"));
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
      error(t, trf("person id '{}' is defined twice (first on line {}); ids must be unique", person.id,
                   line(person_at_[person.id])));
      continue;
    }
    person_at_[person.id] = &t;
    person.name = get_string(t, "name", where, true).value_or(person.id);
    person.department = get_string(t, "department", where, true).value_or("");
    person.login = get_string(t, "login", where, false).value_or(person.id);
    if (logins.count(person.login))
      error(t, trf("{}: login '{}' is already used on line {}; each OS login maps to one person", where, person.login,
                   line(logins[person.login])));
    logins.emplace(person.login, &t);
    for (const auto& [role, at] : get_strings(t, "roles", where, false)) {
      // "lead" is checked in cross_check(): the person must be listed in the department's leads.
      if (!person.add_role(role))
        error(*at, trf("{}: role '{}' is not known; use filer:<kind> (e.g. filer:customer-manager), lead, "
                       "handler, supervisor or admin",
                       where, role));
    }
    p.people.push_back(std::move(person));
  }
}

void Loader::read_categories(const TV& root, Policy& p) {
  const auto* arr = get_table_array(root, "categories");
  if (!arr || arr->empty()) {
    if (!find(root, "categories")) error_at(1, _("the policy needs [[categories]] entries (what filers may report)"));
    return;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const TV& t = (*arr)[i];
    std::string where = fmt::format("categories[{}]", i + 1);
    check_keys(t, {"code", "name", "severity", "filers", "to", "feedback", "chain"}, where);
    Category c;
    auto code = get_code(t, "code", where, true);
    if (!code) continue;
    c.code = *code;
    where = fmt::format("category '{}'", c.code);
    if (category_at_.count(c.code)) {
      error(t, trf("category code '{}' is defined twice (first on line {}); codes must be unique", c.code,
                   line(category_at_[c.code])));
      continue;
    }
    category_at_[c.code] = &t;
    c.name = get_string(t, "name", where, true).value_or(c.code);
    if (auto s = get_string(t, "severity", where, true)) {
      if (auto sev = parse_severity(*s))
        c.severity = *sev;
      else
        error(*find(t, "severity"), trf("{}: severity = \"{}\" is not known; use major, urgent or normal", where, *s));
    }
    for (const auto& [kind, at] : get_strings(t, "filers", where, true)) c.filers.push_back(kind);
    if (find(t, "filers") && find(t, "filers")->is_array() && c.filers.empty())
      error(*find(t, "filers"),
            trf("{}: filers is empty, so no filer kind can use it; list kinds such as [\"customer-manager\"]", where));
    c.to = get_string(t, "to", where, true).value_or("");
    if (const TV* fb = find(t, "feedback")) {
      if (fb->is_integer()) {
        auto n = fb->as_integer();
        if (n < 0 || n > 366)
          error(*fb, trf("{}: feedback = {} is out of range; use 0 to 366", where, n));
        else
          c.feedback.fill(static_cast<int>(n));
      } else if (fb->is_table()) {
        check_keys(*fb, {"major", "urgent", "normal"}, where + ".feedback");
        for (auto s : kSeverities)
          if (auto n = get_int(*fb, to_string(s), where + ".feedback", false)) {
            if (*n < 0 || *n > 366)
              error(*find(*fb, to_string(s)),
                    trf("{}.feedback.{} = {} is out of range; use 0 to 366", where, to_string(s), *n));
            else
              c.feedback[static_cast<int>(s)] = static_cast<int>(*n);
          }
      } else {
        error(*fb, trf("{}: feedback must be a number of days or a table such as {{ normal = 10 }}", where));
      }
    }
    if (find(t, "chain")) c.chain = get_code(t, "chain", where, false);
    p.categories.push_back(std::move(c));
  }
}

std::optional<Deadline> Loader::read_level_deadline(const TV& t, const std::string& where) {
  const TV* days = find(t, "days");
  const TV* hours = find(t, "hours");
  auto calendar_days = get_bool(t, "calendar_days", where);
  if (days && hours) {
    error(*hours, trf("{}: days and hours both given; keep one of them", where));
    return std::nullopt;
  }
  if (hours) {
    if (calendar_days) error(*find(t, "calendar_days"), trf("{}: calendar_days does not apply to hours", where));
    auto n = get_int(t, "hours", where, false);
    if (!n) return std::nullopt;
    if (*n < 1 || *n > 8784) {
      error(*hours, trf("{}: hours = {} is out of range; use 1 to 8784", where, *n));
      return std::nullopt;
    }
    Deadline d;
    d.amount.fill(static_cast<int>(*n));
    d.unit = DueUnit::hours;
    return d;
  }
  if (!days && !calendar_days) return std::nullopt;
  Deadline d;
  d.amount = p_approval_.amount;  // calendar_days alone: [deadlines].approval counted in calendar days
  if (days && days->is_integer()) {
    auto n = days->as_integer();
    if (n < 0 || n > 366) error(*days, trf("{}: days = {} is out of range; use 0 to 366", where, n));
    d.amount.fill(static_cast<int>(std::clamp<std::int64_t>(n, 0, 366)));
  } else if (days && days->is_table()) {
    check_keys(*days, {"major", "urgent", "normal"}, where + ".days");
    for (auto s : kSeverities) {
      auto n = get_int(*days, to_string(s), where + ".days", false);
      if (!find(*days, to_string(s)))
        error(*days, trf("{}.days is missing '{}'; give all three of major, urgent, normal", where, to_string(s)));
      else if (n && (*n < 0 || *n > 366))
        error(*find(*days, to_string(s)),
              trf("{}.days.{} = {} is out of range; use 0 to 366", where, to_string(s), *n));
      else if (n)
        d.amount[static_cast<int>(s)] = static_cast<int>(*n);
    }
  } else if (days) {
    error(*days, trf("{}: days must be a number of working days or a table such as {{ major = 1, urgent = 0, "
                     "normal = 2 }}, not {}",
                     where, type_name(*days)));
  }
  d.unit = calendar_days.value_or(false) ? DueUnit::calendar_days : DueUnit::working_days;
  return d;
}

void Loader::read_approval_chains(const TV& root, Policy& p) {
  p_approval_ = p.deadlines.approval;
  const TV* at = find(root, "approval_chains");
  if (!at) return;
  const auto* arr = get_table_array(root, "approval_chains");
  if (!arr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const TV& t = (*arr)[i];
    std::string where = fmt::format("approval_chains[{}]", i + 1);
    check_keys(t, {"code", "name", "levels"}, where);
    ApprovalChain chain;
    auto code = get_code(t, "code", where, true);
    if (!code) continue;
    chain.code = *code;
    where = trf("approval chain '{}'", chain.code);
    if (chain_at_.count(chain.code)) {
      error(t, trf("approval chain code '{}' is defined twice (first on line {}); codes must be unique", chain.code,
                   line(chain_at_[chain.code])));
      continue;
    }
    chain_at_[chain.code] = &t;
    chain.name = get_string(t, "name", where, false).value_or(chain.code);
    const TV* levels = find(t, "levels");
    if (!levels || !levels->is_array() || levels->as_array().empty()) {
      error(levels ? *levels : t,
            trf("{} has no levels; give levels = [ {{ name = \"...\", approver = \"sending-lead\" }}, ... ]", where));
      p.approval_chains.push_back(std::move(chain));
      continue;
    }
    auto& lines = levels_at_[chain.code];
    for (std::size_t k = 0; k < levels->as_array().size(); ++k) {
      const TV& lv = levels->as_array()[k];
      std::string lwhere = fmt::format("{} level {}", where, k + 1);
      if (!lv.is_table()) {
        error(lv, trf("{} must be a table such as {{ name = \"财务部审核\", approver = \"dept:finance\" }}", lwhere));
        continue;
      }
      check_keys(lv, {"name", "approver", "days", "calendar_days", "hours"}, lwhere);
      ApprovalLevel level;
      level.name = get_string(lv, "name", lwhere, true).value_or(fmt::format("level {}", k + 1));
      if (auto a = get_string(lv, "approver", lwhere, true)) {
        if (*a == "sending-lead") {
          level.approver = ApproverKind::sending_lead;
        } else if (a->rfind("dept:", 0) == 0 && a->size() > 5) {
          level.approver = ApproverKind::dept_lead;
          level.approver_id = a->substr(5);
        } else if (a->rfind("person:", 0) == 0 && a->size() > 7) {
          level.approver = ApproverKind::person;
          level.approver_id = a->substr(7);
        } else {
          error(*find(lv, "approver"), trf("{}: approver = \"{}\" is not known; use \"sending-lead\", \"dept:CODE\" or "
                                           "\"person:ID\"",
                                           lwhere, *a));
        }
      }
      level.deadline = read_level_deadline(lv, lwhere);
      chain.levels.push_back(std::move(level));
      lines.push_back(&lv);
    }
    p.approval_chains.push_back(std::move(chain));
  }
}

}  // namespace toml_reading

PolicyLoad load_policy(std::string_view text, const std::string& source, Date today) {
  return toml_reading::Loader(source, today).load(text);
}

}  // namespace linkctl
