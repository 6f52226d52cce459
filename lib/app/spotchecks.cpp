// SPDX-License-Identifier: MIT
#include "spotchecks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "hash.hpp"
#include "workflow.hpp"

namespace linkctl {

std::vector<Ticket> spotcheck_sample(Session& s, const Period& period, int count, const std::string& seed) {
  authorize(*s.actor.person, OfficeVerb::sample_spotchecks);
  auto ids = s.store.rated_tickets(period.first, period.last());
  // Order by a hash of (seed, period label, id): reproducible, and independent of the C++ library's PRNGs.
  // A month's label is its YYYY-MM, so month samples are the ones drawn before other periods existed.
  std::vector<std::pair<std::string, std::int64_t>> keyed;
  for (auto id : ids) keyed.emplace_back(sha256_hex(fmt::format("{}/{}/{}", seed, period.label, id)), id);
  std::sort(keyed.begin(), keyed.end());
  if (static_cast<int>(keyed.size()) > count) keyed.resize(static_cast<std::size_t>(count));
  std::vector<Ticket> out;
  for (const auto& [key, id] : keyed)
    if (auto t = s.store.load_ticket(id)) out.push_back(*t);
  std::sort(out.begin(), out.end(), [](const Ticket& a, const Ticket& b) { return a.id < b.id; });
  return out;
}

Applied record_spotcheck(Session& s, std::int64_t id, bool fake, const std::optional<std::string>& note) {
  return act(
      s, id, [&](const Ticket& t, const Moment& m) { return spotcheck(s.policy, s.actor, m, t, fake, note); },
      [&](const Outcome& o) {
        // The row scoring reads, written with its event; audit verify compares the two.
        const Ticket& t = o.after;
        s.store.add_spotcheck(t.id, fake, t.to_dept, o.event.at, s.policy.organization.timezone.local_date(o.event.at),
                              s.actor.id(), note);
      });
}

}  // namespace linkctl
