// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_reject(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("reject", "Reject a pending ticket with a reason (sending lead); final.\nExample: linkctl reject 12 --reason '重复上报, 见 #9'");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--reason", o->reason, "why it is rejected")->required();
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return reject(p, a, m, t, o->reason);
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
