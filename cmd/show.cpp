// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_show(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("show",
                                 "Show one ticket: state, people, due dates, overdue stages.\n"
                                 "Example: linkctl show 12 --format json");
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    Ticket t = visible_ticket(s, *id);
    auto m = s.moment();
    std::vector<Stage> stages;
    std::vector<Event> events;
    if (t.chain) stages = s.store.ticket_stages(t.id), events = s.store.ticket_events(t.id);
    env.out().show(ticket_record(s.policy, t, m.today, m.now, env.out().format(), stages, events));
  });
}

}  // namespace linkctl::cli
