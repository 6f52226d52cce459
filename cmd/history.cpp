// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_history(CLI::App& app, Env& env) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = app.add_subcommand("history", _("Every event of one ticket: who, when, what changed, and why.\n"
                                              "Example: linkctl history 12"));
  add_ticket_id(cmd, *id);
  cmd->callback([&env, id] {
    auto s = env.session();
    env.out().show(event_list(s.policy, ticket_history(s, *id), env.out().format()));
  });
}

}  // namespace linkctl::cli
