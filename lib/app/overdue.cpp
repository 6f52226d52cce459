// SPDX-License-Identifier: MIT
#include "overdue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "approval.hpp"
#include "rules.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

std::vector<Lapse> overdue_lapses(Session& s, const LapseFilter& f) {
  auto m = s.moment();
  OpenStageQuery q;
  q.due_by = m.today;
  q.dept = f.dept;
  q.severity = f.severity;
  q.visible_depts = s.visible_depts();
  if (q.visible_depts) q.approvers = approvers_seen_by(*s.actor.person);
  std::vector<Lapse> out;
  for (auto& open : s.store.open_stages(q)) {
    // A chained ticket found through its approvers: seen only from the person's level on (SPEC 11).
    if (q.visible_depts && open.chained) {
      auto t = s.store.load_ticket(open.ticket);
      if (!t || !can_see(*s.actor.person, *t)) continue;
    }
    if (auto l = lapse_of(std::move(open), m.today, m.now)) out.push_back(std::move(*l));
  }
  std::sort(out.begin(), out.end(), [](const Lapse& a, const Lapse& b) {
    return std::tie(a.missed, a.ticket, a.stage.id) < std::tie(b.missed, b.ticket, b.stage.id);
  });
  return out;
}

std::vector<Lapse> announce_new_lapses(Session& s, const LapseFilter& f) {
  // Kept per person: one person's --new (a lead's, a filer's) tells nobody else.
  const std::string& recipient = s.actor.id();
  auto [tx, fresh] = decide_then_lock(s, [&] {
    std::vector<Lapse> unannounced;
    for (auto& l : overdue_lapses(s, f))
      if (!s.store.lapse_announced(l.stage.id, l.missed, recipient)) unannounced.push_back(std::move(l));
    return unannounced;
  });
  if (fresh.empty()) return fresh;  // nothing to record; the transaction rolls back untouched
  auto m = s.moment();
  for (const auto& l : fresh) s.store.announce_lapse(l.stage.id, l.missed, recipient, m.now);
  auto e = s.event(m, "overdue.announce");
  json tickets = json::array();
  for (const auto& l : fresh)
    tickets.push_back({l.ticket, std::string(to_string(l.stage.kind)), format_date(l.missed), l.stage.id});
  e.changes["lapses"] = tickets;
  e.note = fmt::format("{} new overdue stage{}", fresh.size(), fresh.size() == 1 ? "" : "s");
  s.store.append_event(e, s.policy_version);
  tx.commit();
  return fresh;
}

}  // namespace linkctl
