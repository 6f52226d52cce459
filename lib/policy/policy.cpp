// SPDX-License-Identifier: MIT
#include "policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "hash.hpp"
#include "i18n.hpp"
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
  if (role.rfind("filer:", 0) == 0 && role.size() > 6)
    filer_kinds.insert(role.substr(6));
  else if (role == "handler")
    handler = true;
  else if (role == "supervisor")
    supervisor = true;
  else if (role == "admin")
    admin = true;
  else
    known = role == "lead";
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

const ApprovalChain* Policy::approval_chain(std::string_view code) const {
  for (const auto& c : approval_chains)
    if (c.code == code) return &c;
  return nullptr;
}

std::string ApprovalLevel::approver_text() const {
  switch (approver) {
    case ApproverKind::sending_lead:
      return "sending-lead";
    case ApproverKind::dept_lead:
      return "dept:" + approver_id;
    case ApproverKind::person:
      return "person:" + approver_id;
  }
  return "sending-lead";
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
  // TRANSLATORS: file:line: error: message (a problem of a policy file).
  return error ? trf("{}:{}: error: {}", file, line, message) : trf("{}:{}: warning: {}", file, line, message);
}

std::size_t PolicyLoad::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.error; }));
}

}  // namespace linkctl
