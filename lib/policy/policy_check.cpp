// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "i18n.hpp"
#include "loader.hpp"

namespace linkctl::toml_reading {
namespace {

std::vector<std::string> dept_codes(const Policy& p) {
  std::vector<std::string> v;
  for (const auto& d : p.departments) v.push_back(d.code);
  return v;
}

}  // namespace

void Loader::cross_check(Policy& p) {
  auto depts = dept_codes(p);
  std::vector<std::string> person_ids;
  for (const auto& x : p.people) person_ids.push_back(x.id);
  std::set<std::string> kinds_held;
  for (const auto& x : p.people) kinds_held.insert(x.filer_kinds.begin(), x.filer_kinds.end());

  for (const auto& d : p.departments) {
    const TV* line = dept_at_[d.code];
    if (d.parent && !p.department(*d.parent))
      error_at(line,
               trf("department '{}': parent '{}' is not a department{}", d.code, *d.parent, suggest(*d.parent, depts)));
    if (d.parent && *d.parent == d.code) error_at(line, trf("department '{}' cannot be its own parent", d.code));
    if (d.leads.empty() && d.kind != DeptKind::office)
      error_at(line,
               trf("department '{}' has no leads; add leads = [\"person-id\"], or no ticket from or to it could move",
                   d.code));
    for (const auto& lead : d.leads) {
      const Person* who = p.person(lead);
      if (!who)
        error_at(line,
                 trf("department '{}': lead '{}' is not in [[people]]{}", d.code, lead, suggest(lead, person_ids)));
      else if (who->department != d.code)
        error_at(line, trf("department '{}': lead '{}' belongs to department '{}'; a lead must be a member of "
                           "the department they lead",
                           d.code, lead, who->department));
    }
  }
  bool has_supervisor = false;
  for (const auto& x : p.people) {
    const TV* line = person_at_[x.id];
    const Department* d = p.department(x.department);
    if (!x.department.empty() && !d)
      error_at(line,
               trf("person '{}': department '{}' is not defined{}", x.id, x.department, suggest(x.department, depts)));
    bool has_lead_role = std::find(x.roles.begin(), x.roles.end(), "lead") != x.roles.end();
    if (has_lead_role && d && !p.is_lead(x.id, d->code))
      error_at(line, trf("person '{}' has role 'lead' but is not in department '{}''s leads; add them to its "
                         "leads = [...] or drop the role",
                         x.id, d->code));
    if (x.supervisor) {
      has_supervisor = true;
      if (d && d->kind != DeptKind::office)
        warn_at(line, trf("supervisor '{}' is in department '{}', which is not the office (kind = \"office\")", x.id,
                          d->code));
    }
    // Filing, approving, assigning oneself, closing, confirming and rating: one person, no second pair of eyes.
    if (d && d->kind != DeptKind::office && !x.filer_kinds.empty() && p.is_lead(x.id, d->code))
      warn_at(line,
              trf("person '{}' both files tickets (filer:{}) and leads '{}': a ticket they file and send to '{}' "
                  "they can approve, handle, confirm and rate alone; give the filing or the lead role to someone else",
                  x.id, *x.filer_kinds.begin(), d->code, d->code));
    if (d && d->kind == DeptKind::back && !x.filer_kinds.empty())
      warn_at(line, trf("person '{}' is a filer in '{}', a receiving-only (back) department; tickets they file "
                        "will come from there",
                        x.id, d->code));
  }
  if (!p.people.empty() && !has_supervisor)
    warn_at(1, _("no person has the role 'supervisor': nobody can escalate, reset after rating, spot-check or freeze "
                 "reports"));
  for (const auto& c : p.categories) {
    const TV* line = category_at_[c.code];
    const Department* to = p.department(c.to);
    if (!c.to.empty() && !to)
      error_at(line, trf("category '{}': to = \"{}\" is not a department{}", c.code, c.to, suggest(c.to, depts)));
    else if (to && to->kind == DeptKind::office)
      error_at(line,
               trf("category '{}': to = \"{}\" is the supervising office; send tickets to a front or back department",
                   c.code, c.to));
    if (c.chain && !p.approval_chain(*c.chain)) {
      std::vector<std::string> chains;
      for (const auto& x : p.approval_chains) chains.push_back(x.code);
      const TV* at = line ? find(*line, "chain") : nullptr;
      error_at(at ? at : line,
               trf("category '{}': chain = \"{}\" is not an approval chain{}", c.code, *c.chain,
                   chains.empty() ? std::string("; define it in [[approval_chains]]") : suggest(*c.chain, chains)));
    }
    for (const auto& kind : c.filers)
      if (!kinds_held.count(kind))
        warn_at(line, trf("category '{}': no person has the role 'filer:{}', so nobody can file it under that kind",
                          c.code, kind));
  }
  for (const auto& chain : p.approval_chains) {
    const auto& lines = levels_at_[chain.code];
    for (std::size_t k = 0; k < chain.levels.size(); ++k) {
      const auto& level = chain.levels[k];
      const TV* line = k < lines.size() ? lines[k] : chain_at_[chain.code];
      std::string where = trf("approval chain '{}' level {} ({})", chain.code, k + 1, level.name);
      if (level.approver == ApproverKind::dept_lead) {
        const Department* d = p.department(level.approver_id);
        if (!d)
          error_at(line, trf("{}: approver dept:{} is not a department{}", where, level.approver_id,
                             suggest(level.approver_id, depts)));
        else if (d->leads.empty())
          error_at(line, trf("{}: department '{}' has no leads, so nobody could approve this level; add leads "
                             "= [\"person-id\"] to it or name a person:ID",
                             where, d->code));
      } else if (level.approver == ApproverKind::person && !p.person(level.approver_id)) {
        error_at(line, trf("{}: approver person:{} is not in [[people]]{}", where, level.approver_id,
                           suggest(level.approver_id, person_ids)));
      }
    }
  }
  for (const auto& kind : kinds_held) {
    bool used = std::any_of(p.categories.begin(), p.categories.end(), [&](const Category& c) {
      return std::find(c.filers.begin(), c.filers.end(), kind) != c.filers.end();
    });
    if (!used && !p.categories.empty())
      warn_at(1, trf("filer kind '{}' is held by people but no category lists it in filers; they cannot file anything",
                     kind));
  }
}

}  // namespace linkctl::toml_reading
