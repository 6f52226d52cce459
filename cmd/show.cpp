// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "error.hpp"
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
  struct Options {
    std::int64_t id = 0;
    bool recompute = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("deadlines", "Explain each due date of a ticket day by day: days counted, weekends and holidays\n"
                                              "skipped, make-up workdays counted, escalations in calendar days.\n"
                                              "--recompute (admins): after correcting the policy's calendar, compute the open\n"
                                              "stages' due dates again (of ticket ID, or of every open ticket), one event each.\n"
                                              "Example: linkctl deadlines 12\n"
                                              "Example: linkctl policy apply fixed-calendar.toml && linkctl deadlines --recompute");
  auto* id = cmd->add_option("ID", o->id, "ticket id (as 'linkctl list' shows)")->check(whole_number(true));
  cmd->add_flag("--recompute", o->recompute, "recompute open due dates under the policy in force (admins)");
  cmd->callback([&env, o, id] {
    auto s = env.session();
    if (o->recompute) {
      auto changed = recompute_open_deadlines(s, id->count() ? std::optional<std::int64_t>(o->id) : std::nullopt);
      for (const auto& a : changed) report_change(env, a);
      if (changed.empty() && env.out().format() == Format::table) env.out().print("no open due date changed\n");
      return;
    }
    if (!id->count()) throw Error(ErrorKind::usage, "deadlines needs a ticket ID (or --recompute)");
    visible_ticket(s, o->id);
    auto m = s.moment();
    env.out().rows(deadline_rows(s.policy, s.store.ticket_stages(o->id), m.today, m.now));
  });
}

}  // namespace linkctl::cli
