// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_show(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("show", _("Show one ticket: state, people, due dates, overdue stages.\n"
                                           "Example: linkctl show 12 --format json"));
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    auto d = ticket_detail(s, *id);
    auto m = s.moment();
    env.out().show(ticket_record(s.policy, d.ticket, m.today, m.now, env.out().format(), d.stages, d.events));
  });
}

}  // namespace linkctl::cli
