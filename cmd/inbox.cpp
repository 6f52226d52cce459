// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_inbox(CLI::App& app, Env& env) {
  auto* cmd =
      app.add_subcommand("inbox", _("The tickets waiting on you: overdue first, then escalated, then by due date\n"
                                    "(open it at 10:00 and 15:00, as the regulation asks).\n"
                                    "Example: linkctl inbox --as zhang.wei"));
  cmd->callback([&env] {
    auto s = env.session();
    auto tickets = inbox(s);
    auto m = s.moment();
    env.out().show(ticket_list(s.policy, tickets, m.today, m.now, env.out().format()));
  });
}

}  // namespace linkctl::cli
