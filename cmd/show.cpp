// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_show(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("show", "Show one ticket: state, people, due dates, overdue stages.\n"
                                         "Example: linkctl show 12 --format json");
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    Ticket t = visible_ticket(s, *id);
    auto m = s.moment();
    auto times = env.out().format() == Format::table ? TimeStyle::local : TimeStyle::iso;
    env.out().record(ticket_rows(s.policy, {t}, m.today, m.now, times, false));
  });
}

void register_history(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("history", "Every event of one ticket: who, when, what changed, and why.\n"
                                            "Example: linkctl history 12");
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    visible_ticket(s, *id);
    auto times = env.out().format() == Format::table ? TimeStyle::local : TimeStyle::iso;
    env.out().rows(event_rows(s.policy, s.store.ticket_events(*id), times));
  });
}

void register_deadlines(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("deadlines", "Explain each due date of a ticket day by day: days counted, weekends and holidays\n"
                                              "skipped, make-up workdays counted, escalations in calendar days.\n"
                                              "Example: linkctl deadlines 12");
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    visible_ticket(s, *id);
    auto m = s.moment();
    env.out().rows(deadline_rows(s.policy, s.store.ticket_stages(*id), m.today, m.now));
  });
}

}  // namespace linkctl::cli
