// SPDX-License-Identifier: MIT
#include "policy_view.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.hpp"

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

json deadline_json(const Deadline& d) {
  json j;
  for (auto s : kSeverities) j[std::string(to_string(s))] = d.for_severity(s);
  j["unit"] = std::string(to_string(d.unit));
  return j;
}

std::string identity_name(IdentityMode m) {
  switch (m) {
    case IdentityMode::os:
      return "os";
    case IdentityMode::declared:
      return "declared";
    case IdentityMode::database:
      return "database";
  }
  return "os";
}

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
  j["calendar"] = calendar_json(p.calendar);
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
    j["people"].push_back(
        {{"id", x.id}, {"name", x.name}, {"department", x.department}, {"login", x.login}, {"roles", x.roles}});
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
    if (c.chain) j["categories"].back()["chain"] = *c.chain;
  }
  // Only policies that define chains carry the key: older outputs stay as they were.
  if (!p.approval_chains.empty()) {
    j["approval_chains"] = json::array();
    for (const auto& c : p.approval_chains) {
      json levels = json::array();
      for (const auto& l : c.levels)
        levels.push_back({{"name", l.name},
                          {"approver", l.approver_text()},
                          {"deadline", deadline_json(l.deadline.value_or(p.deadlines.approval))},
                          {"default_deadline", !l.deadline.has_value()}});
      j["approval_chains"].push_back({{"code", c.code}, {"name", c.name}, {"levels", levels}});
    }
  }
  return j;
}

std::vector<PolicySection> policy_sections(const Policy& p) {
  std::vector<PolicySection> out;
  const auto& o = p.organization;
  out.push_back({N_("Organisation"),
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
  out.push_back({N_("Deadlines"), deadlines});
  Rows scoring{{"rule", "points"}, {}};
  const json all = policy_json(p);
  for (const auto& item : all["scoring"].items())
    scoring.rows.push_back({{"rule", item.key()}, {"points", item.value()}});
  out.push_back({N_("Scoring"), scoring});
  Rows depts{{"code", "name", "kind", "leads", "parent"}, {}};
  for (const auto& d : p.departments)
    depts.rows.push_back({{"code", d.code},
                          {"name", d.name},
                          {"kind", std::string(to_string(d.kind))},
                          {"leads", d.leads},
                          {"parent", d.parent ? json(*d.parent) : json(nullptr)}});
  out.push_back({N_("Departments"), depts});
  Rows people{{"id", "name", "department", "login", "roles"}, {}};
  for (const auto& x : p.people)
    people.rows.push_back(
        {{"id", x.id}, {"name", x.name}, {"department", x.department}, {"login", x.login}, {"roles", x.roles}});
  out.push_back({N_("People"), people});
  Rows cats{{"code", "name", "severity", "to", "feedback", "filers"}, {}};
  for (const auto& c : p.categories)
    cats.rows.push_back({{"code", c.code},
                         {"name", c.name},
                         {"severity", std::string(to_string(c.severity))},
                         {"to", c.to},
                         {"feedback", p.feedback_rule(c).for_severity(c.severity)},
                         {"filers", c.filers}});
  if (!p.approval_chains.empty()) {
    cats.columns.push_back("chain");
    for (std::size_t i = 0; i < p.categories.size(); ++i)
      cats.rows[i]["chain"] = p.categories[i].chain ? json(*p.categories[i].chain) : json(nullptr);
  }
  out.push_back({N_("Categories"), cats});
  if (!p.approval_chains.empty()) {
    Rows chains{{"chain", "name", "level", "level_name", "approver", "major", "urgent", "normal", "unit"}, {}};
    for (const auto& c : p.approval_chains)
      for (std::size_t k = 0; k < c.levels.size(); ++k) {
        const auto& l = c.levels[k];
        Deadline d = l.deadline.value_or(p.deadlines.approval);
        json row{{"chain", c.code},
                 {"name", c.name},
                 {"level", fmt::format("{}/{}", k + 1, c.levels.size())},
                 {"level_name", l.name},
                 {"approver", l.approver_text()}};
        for (auto s : kSeverities) row[std::string(to_string(s))] = d.for_severity(s);
        row["unit"] = std::string(to_string(d.unit));
        chains.rows.push_back(row);
      }
    out.push_back({N_("Approval chains"), chains});
  }
  return out;
}

View policy_view(const Policy& p, Format f) {
  if (f == Format::json) return View().text(policy_json(p).dump() + "\n");
  View v;
  for (auto& section : policy_sections(p)) {
    if (f == Format::table) v.text(fmt::format("\n{}\n", _(section.title.c_str())));
    v.rows(std::move(section.rows));
  }
  return v;
}

Rows policy_history_rows(const std::vector<PolicyVersion>& versions) {
  Rows rows{{"version", "applied_at", "applied_by", "source", "sha256"}, {}};
  for (const auto& v : versions)
    rows.rows.push_back({{"version", v.version},
                         {"applied_at", v.applied_at},
                         {"applied_by", v.applied_by},
                         {"source", v.source},
                         {"sha256", v.sha256}});
  return rows;
}

Rows audit_record(const AuditResult& r) {
  return {{"status", "events", "tickets", "first_bad_event", "problem", "head_hash"},
          {{{"status", r.ok ? "ok" : "tampered"},
            {"events", r.events_checked},
            {"tickets", r.tickets_checked},
            {"first_bad_event", r.first_bad_event ? json(*r.first_bad_event) : json(nullptr)},
            {"problem", r.problem.empty() ? json(nullptr) : json(r.problem)},
            {"head_hash", r.ok ? json(r.head_hash) : json(nullptr)}}}};
}

Rows copy_record(const std::string& source, const std::string& target, std::int64_t rows, const Anchor& source_head,
                 const Anchor& target_head) {
  return {{"source", "target", "rows", "events", "source_head", "target_head"},
          {{{"source", source},
            {"target", target},
            {"rows", rows},
            {"events", target_head.event},
            {"source_head", format_anchor(source_head)},
            {"target_head", format_anchor(target_head)}}}};
}

}  // namespace linkctl
