// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_deadlines(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    bool recompute = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "deadlines", _("Explain each due date of a ticket day by day: days counted, weekends and holidays\n"
                     "skipped, make-up workdays counted, escalations in calendar days (a table: one\n"
                     "heading per stage, then its days).\n"
                     "--recompute (admins): after correcting the policy's calendar, compute the open\n"
                     "stages' due dates again (of ticket ID, or of every open ticket), one event each.\n"
                     "Example: linkctl deadlines 12\n"
                     "Example: linkctl policy apply fixed-calendar.toml && linkctl deadlines --recompute"));
  auto* id = cmd->add_option("ID", o->id, _("ticket id (as 'linkctl list' shows)"))->check(whole_number(true));
  cmd->add_flag("--recompute", o->recompute, _("recompute open due dates under the policy in force (admins)"));
  cmd->callback([&env, o, id] {
    auto s = env.session();
    if (o->recompute) {
      auto changed = recompute_open_deadlines(s, id->count() ? std::optional<std::int64_t>(o->id) : std::nullopt);
      for (const auto& a : changed) report_change(env, a);
      if (changed.empty()) env.out().show(nothing_changed_view(_("no open due date changed"), env.out().format()));
      return;
    }
    if (!id->count()) throw Error(ErrorKind::usage, _("deadlines needs a ticket ID (or --recompute)"));
    auto m = s.moment();
    auto stages = ticket_stages(s, o->id);
    Ticket t = visible_ticket(s, o->id);
    env.out().show(deadline_view(s.policy, stages, m.today, m.now, env.out().format(), &t));
  });
}

}  // namespace linkctl::cli
