// SPDX-License-Identifier: MIT
#include "policy_view.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

json deadline_json(const Deadline& d) {
  json j;
  for (auto s : kSeverities) j[std::string(to_string(s))] = d.for_severity(s);
  j["unit"] = std::string(to_string(d.unit));
  return j;
}

std::string identity_name(IdentityMode m) { return m == IdentityMode::os ? "os" : "declared"; }

}  // namespace

std::string calendar_coverage(const Policy& p) {
  const auto& years = p.calendar.covered_years;
  if (years.empty()) return "none";
  if (*years.begin() == *years.rbegin()) return std::to_string(*years.begin());
  bool contiguous = *years.rbegin() - *years.begin() + 1 == static_cast<int>(years.size());
  if (contiguous) return fmt::format("{}-{}", *years.begin(), *years.rbegin());
  return fmt::format("{}", fmt::join(years, ","));
}

json policy_json(const Policy& p) {
  json j;
  j["organization"] = {{"name", p.organization.name},
                       {"timezone", p.organization.timezone.name()},
                       {"base_score", p.organization.base_score},
                       {"allow_clock_override", p.organization.allow_clock_override},
                       {"identity", identity_name(p.organization.identity)}};
  j["sha256"] = p.sha256;
  json cal;
  cal["covered_years"] = p.calendar.covered_years;
  json weekend = json::array();
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int i = 0; i < 7; ++i)
    if (p.calendar.weekend[static_cast<std::size_t>(i)]) weekend.push_back(names[i]);
  cal["weekend"] = weekend;
  cal["holidays"] = json::array();
  for (auto d : p.calendar.holidays) cal["holidays"].push_back(format_date(d));
  cal["workdays"] = json::array();
  for (auto d : p.calendar.workdays) cal["workdays"].push_back(format_date(d));
  j["calendar"] = cal;
  j["deadlines"] = {{"approval", deadline_json(p.deadlines.approval)},
                    {"feedback", deadline_json(p.deadlines.feedback)},
                    {"review", deadline_json(p.deadlines.review)},
                    {"escalated", deadline_json(p.deadlines.escalated)},
                    {"reset", deadline_json(p.deadlines.reset)}};
  const auto& s = p.scoring;
  j["scoring"] = {{"approval_overdue", s.approval_overdue},
                  {"feedback_overdue", s.feedback_overdue},
                  {"review_overdue", s.review_overdue},
                  {"rated_fair", s.rated_fair},
                  {"rated_unsatisfied", s.rated_unsatisfied},
                  {"fake_handling", s.fake_handling},
                  {"supervisor_reset", s.supervisor_reset},
                  {"bonus_threshold", s.bonus_threshold},
                  {"bonus_penalty", s.bonus_penalty},
                  {"escalated_overdue_bonus_penalty", s.escalated_overdue_bonus_penalty}};
  j["departments"] = json::array();
  for (const auto& d : p.departments)
    j["departments"].push_back({{"code", d.code},
                                {"name", d.name},
                                {"kind", std::string(to_string(d.kind))},
                                {"leads", d.leads},
                                {"parent", d.parent ? json(*d.parent) : json(nullptr)}});
  j["people"] = json::array();
  for (const auto& x : p.people)
    j["people"].push_back({{"id", x.id}, {"name", x.name}, {"department", x.department}, {"login", x.login}, {"roles", x.roles}});
  j["categories"] = json::array();
  for (const auto& c : p.categories) {
    json fb;
    for (auto sev : kSeverities) fb[std::string(to_string(sev))] = p.feedback_rule(c).for_severity(sev);
    j["categories"].push_back({{"code", c.code},
                               {"name", c.name},
                               {"severity", std::string(to_string(c.severity))},
                               {"filers", c.filers},
                               {"to", c.to},
                               {"feedback", fb}});
  }
  return j;
}

namespace {
constexpr int kCompiledFormat = 1;

std::optional<Date> date_of(const json& v) { return v.is_string() ? parse_date(v.get<std::string>()) : std::nullopt; }

Deadline deadline_from(const json& j) {
  Deadline d;
  for (auto s : kSeverities) d.amount[static_cast<int>(s)] = j.at(std::string(to_string(s))).get<int>();
  d.unit = parse_due_unit(j.at("unit").get<std::string>()).value();
  return d;
}
}  // namespace

std::string compile_policy(const Policy& p) {
  json j = policy_json(p);
  j["format"] = kCompiledFormat;
  // Overrides as written (policy_json shows the effective values).
  for (std::size_t i = 0; i < p.categories.size(); ++i) {
    json over = json::object();
    for (auto s : kSeverities)
      if (auto v = p.categories[i].feedback[static_cast<int>(s)]) over[std::string(to_string(s))] = *v;
    j["categories"][i]["feedback_override"] = over;
  }
  return j.dump();
}

std::shared_ptr<const Policy> load_compiled_policy(std::string_view compiled, std::string text, std::string sha256) {
  json j = json::parse(compiled, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", 0) != kCompiledFormat) return nullptr;
  try {
    auto p = std::make_shared<Policy>();
    const auto& o = j.at("organization");
    p->organization.name = o.at("name").get<std::string>();
    auto tz = TimeZone::find(o.at("timezone").get<std::string>());
    if (!tz) return nullptr;
    p->organization.timezone = *tz;
    p->organization.base_score = o.at("base_score").get<int>();
    p->organization.allow_clock_override = o.at("allow_clock_override").get<bool>();
    p->organization.identity = o.at("identity").get<std::string>() == "os" ? IdentityMode::os : IdentityMode::declared;
    const auto& c = j.at("calendar");
    for (int y : c.at("covered_years")) p->calendar.covered_years.insert(y);
    p->calendar.weekend.fill(false);
    static const std::vector<std::string> names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (const auto& w : c.at("weekend")) {
      auto it = std::find(names.begin(), names.end(), w.get<std::string>());
      if (it == names.end()) return nullptr;
      p->calendar.weekend[static_cast<std::size_t>(it - names.begin())] = true;
    }
    for (const auto& d : c.at("holidays"))
      if (auto day = date_of(d)) p->calendar.holidays.insert(*day);
    for (const auto& d : c.at("workdays"))
      if (auto day = date_of(d)) p->calendar.workdays.insert(*day);
    const auto& dl = j.at("deadlines");
    p->deadlines = {deadline_from(dl.at("approval")), deadline_from(dl.at("feedback")), deadline_from(dl.at("review")),
                    deadline_from(dl.at("escalated")), deadline_from(dl.at("reset"))};
    const auto& sc = j.at("scoring");
    auto& s = p->scoring;
    for (auto [key, field] : std::initializer_list<std::pair<const char*, int*>>{
             {"approval_overdue", &s.approval_overdue}, {"feedback_overdue", &s.feedback_overdue},
             {"review_overdue", &s.review_overdue}, {"rated_fair", &s.rated_fair},
             {"rated_unsatisfied", &s.rated_unsatisfied}, {"fake_handling", &s.fake_handling},
             {"supervisor_reset", &s.supervisor_reset}, {"bonus_threshold", &s.bonus_threshold},
             {"bonus_penalty", &s.bonus_penalty}, {"escalated_overdue_bonus_penalty", &s.escalated_overdue_bonus_penalty}})
      *field = sc.at(key).get<int>();
    for (const auto& d : j.at("departments")) {
      Department dept;
      dept.code = d.at("code").get<std::string>();
      dept.name = d.at("name").get<std::string>();
      dept.kind = parse_dept_kind(d.at("kind").get<std::string>()).value();
      dept.leads = d.at("leads").get<std::vector<std::string>>();
      if (!d.at("parent").is_null()) dept.parent = d.at("parent").get<std::string>();
      p->departments.push_back(std::move(dept));
    }
    for (const auto& x : j.at("people")) {
      Person person;
      person.id = x.at("id").get<std::string>();
      person.name = x.at("name").get<std::string>();
      person.department = x.at("department").get<std::string>();
      person.login = x.at("login").get<std::string>();
      person.roles = x.at("roles").get<std::vector<std::string>>();
      for (const auto& role : person.roles) {
        if (role.rfind("filer:", 0) == 0) person.filer_kinds.insert(role.substr(6));
        person.handler = person.handler || role == "handler";
        person.supervisor = person.supervisor || role == "supervisor";
        person.admin = person.admin || role == "admin";
      }
      p->people.push_back(std::move(person));
    }
    for (const auto& x : j.at("categories")) {
      Category cat;
      cat.code = x.at("code").get<std::string>();
      cat.name = x.at("name").get<std::string>();
      cat.severity = parse_severity(x.at("severity").get<std::string>()).value();
      cat.filers = x.at("filers").get<std::vector<std::string>>();
      cat.to = x.at("to").get<std::string>();
      for (const auto& [sev, v] : x.at("feedback_override").items())
        cat.feedback[static_cast<int>(parse_severity(sev).value())] = v.get<int>();
      p->categories.push_back(std::move(cat));
    }
    p->text = std::move(text);
    p->sha256 = std::move(sha256);
    return p;
  } catch (const std::exception&) {
    return nullptr;  // an older or damaged snapshot: parse the TOML instead
  }
}

std::vector<PolicySection> policy_sections(const Policy& p) {
  std::vector<PolicySection> out;
  const auto& o = p.organization;
  out.push_back({"Organisation",
                 {{"name", "timezone", "base_score", "allow_clock_override", "identity", "calendar"},
                  {json{{"name", o.name},
                        {"timezone", o.timezone.name()},
                        {"base_score", o.base_score},
                        {"allow_clock_override", o.allow_clock_override},
                        {"identity", identity_name(o.identity)},
                        {"calendar", calendar_coverage(p)}}}}});
  Rows deadlines{{"stage", "major", "urgent", "normal", "unit"}, {}};
  for (auto [name, d] : {std::pair{"approval", &p.deadlines.approval},
                         {"feedback", &p.deadlines.feedback},
                         {"review", &p.deadlines.review},
                         {"escalated", &p.deadlines.escalated},
                         {"reset", &p.deadlines.reset}}) {
    json row{{"stage", name}};
    for (auto s : kSeverities) row[std::string(to_string(s))] = d->for_severity(s);
    row["unit"] = std::string(to_string(d->unit));
    deadlines.rows.push_back(row);
  }
  out.push_back({"Deadlines", deadlines});
  Rows scoring{{"rule", "points"}, {}};
  const json all = policy_json(p);
  for (const auto& item : all["scoring"].items()) scoring.rows.push_back({{"rule", item.key()}, {"points", item.value()}});
  out.push_back({"Scoring", scoring});
  Rows depts{{"code", "name", "kind", "leads", "parent"}, {}};
  for (const auto& d : p.departments)
    depts.rows.push_back({{"code", d.code}, {"name", d.name}, {"kind", std::string(to_string(d.kind))}, {"leads", d.leads},
                          {"parent", d.parent ? json(*d.parent) : json(nullptr)}});
  out.push_back({"Departments", depts});
  Rows people{{"id", "name", "department", "login", "roles"}, {}};
  for (const auto& x : p.people)
    people.rows.push_back({{"id", x.id}, {"name", x.name}, {"department", x.department}, {"login", x.login}, {"roles", x.roles}});
  out.push_back({"People", people});
  Rows cats{{"code", "name", "severity", "to", "feedback", "filers"}, {}};
  for (const auto& c : p.categories)
    cats.rows.push_back({{"code", c.code},
                         {"name", c.name},
                         {"severity", std::string(to_string(c.severity))},
                         {"to", c.to},
                         {"feedback", p.feedback_rule(c).for_severity(c.severity)},
                         {"filers", c.filers}});
  out.push_back({"Categories", cats});
  return out;
}

}  // namespace linkctl
