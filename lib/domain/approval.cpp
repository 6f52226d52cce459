// SPDX-License-Identifier: MIT
#include "approval.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "i18n.hpp"

namespace linkctl {
namespace {

using json = nlohmann::ordered_json;

std::string dept_phrase(const Policy& p, const std::string& code) {
  const Department* d = p.department(code);
  std::string leads = d && !d->leads.empty() ? fmt::format("{}", fmt::join(d->leads, ", ")) : "nobody";
  return d ? fmt::format("{} ({}) ({})", d->name, code, leads) : fmt::format("{} ({})", code, leads);
}

}  // namespace

const ApprovalLevel* approval_level_of(const Ticket& t, int level) {
  if (!t.chain || level < 1 || level > static_cast<int>(t.chain->levels.size())) return nullptr;
  return &t.chain->levels[static_cast<std::size_t>(level - 1)];
}

std::string level_dept(const Policy& p, const Ticket& t, int level) {
  const ApprovalLevel* l = approval_level_of(t, level);
  if (!l) return t.from_dept;
  switch (l->approver) {
    case ApproverKind::sending_lead:
      return t.from_dept;
    case ApproverKind::dept_lead:
      return l->approver_id;
    case ApproverKind::person:
      if (const Person* who = p.person(l->approver_id)) return who->department;
      return l->approver_id;
  }
  return t.from_dept;
}

Deadline level_rule(const Policy& p, const Ticket& t, int level) {
  const ApprovalLevel* l = approval_level_of(t, level);
  return l && l->deadline ? *l->deadline : p.deadlines.approval;
}

bool is_level_approver(const Policy& p, const Person& person, const Ticket& t) {
  const ApprovalLevel* l = approval_level_of(t, t.approval_level());
  if (!l || l->approver == ApproverKind::sending_lead) return p.is_lead(person.id, t.from_dept);
  if (l->approver == ApproverKind::dept_lead) return p.is_lead(person.id, l->approver_id);
  return person.id == l->approver_id;
}

std::string level_approver_phrase(const Policy& p, const Ticket& t) {
  int k = t.approval_level();
  const ApprovalLevel* l = approval_level_of(t, k);
  std::string who;
  if (!l || l->approver == ApproverKind::sending_lead)
    who = trf("a lead of the sending department {}", dept_phrase(p, t.from_dept));
  else if (l->approver == ApproverKind::dept_lead)
    who = trf("a lead of {}", dept_phrase(p, l->approver_id));
  else
    who = trf("person {}", l->approver_id);
  if (!l) return who;
  return trf("the approver of level {}/{} ({}), {},", k, t.approval_levels(), l->name, who);
}

bool sees_as_approver(const Person& person, const Ticket& t) {
  if (!t.chain) return false;
  for (int k = 1; k <= t.approval_level(); ++k) {
    const ApprovalLevel* l = approval_level_of(t, k);
    if (l->approver == ApproverKind::dept_lead && person.department == l->approver_id) return true;
    if (l->approver == ApproverKind::person && person.id == l->approver_id) return true;
  }
  return false;
}

std::vector<std::string> approvers_seen_by(const Person& person) {
  return {"dept:" + person.department, "person:" + person.id};
}

std::string chain_text_naming(const std::string& approver) {
  // As chain_to_text() dumps a level: compact JSON, so {"approver":"dept:finance"} without its braces.
  std::string object = json{{"approver", approver}}.dump();
  return object.substr(1, object.size() - 2);
}

std::string chain_to_text(const ApprovalChain& c) {
  json levels = json::array();
  for (const auto& l : c.levels) {
    json level{{"name", l.name}, {"approver", l.approver_text()}};
    if (l.deadline) {
      json d;
      for (auto s : kSeverities) d[std::string(to_string(s))] = l.deadline->for_severity(s);
      d["unit"] = std::string(to_string(l.deadline->unit));
      level["deadline"] = d;
    }
    levels.push_back(level);
  }
  return json{{"code", c.code}, {"name", c.name}, {"levels", levels}}.dump();
}

std::optional<ApprovalChain> chain_from_text(std::string_view text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    ApprovalChain c;
    c.code = j.at("code").get<std::string>();
    c.name = j.at("name").get<std::string>();
    for (const auto& lj : j.at("levels")) {
      ApprovalLevel l;
      l.name = lj.at("name").get<std::string>();
      auto a = lj.at("approver").get<std::string>();
      if (a == "sending-lead")
        l.approver = ApproverKind::sending_lead;
      else if (a.rfind("dept:", 0) == 0)
        l.approver = ApproverKind::dept_lead, l.approver_id = a.substr(5);
      else if (a.rfind("person:", 0) == 0)
        l.approver = ApproverKind::person, l.approver_id = a.substr(7);
      else
        return std::nullopt;
      if (lj.contains("deadline")) {
        Deadline d;
        for (auto s : kSeverities)
          d.amount[static_cast<int>(s)] = lj["deadline"].at(std::string(to_string(s))).get<int>();
        auto unit = parse_due_unit(lj["deadline"].at("unit").get<std::string>());
        if (!unit) return std::nullopt;
        d.unit = *unit;
        l.deadline = d;
      }
      c.levels.push_back(std::move(l));
    }
    if (c.levels.empty()) return std::nullopt;
    return c;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace linkctl
