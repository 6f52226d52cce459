// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_confirm(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string comment;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("confirm", "Confirm a handled ticket; the answer goes back to the sender (receiving lead).\nExample: linkctl confirm 12");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--comment", o->comment, "a note for the history");
  cmd->callback([&env, o, cmd] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return confirm(p, a, m, t, given(cmd, "--comment", o->comment));
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
