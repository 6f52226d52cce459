// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_reset(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("reset", "Send an answered ticket back to the receiving lead to be handled again (sending lead or supervisor;\nafter rating: supervisor only, which costs both departments points).\nExample: linkctl reset 12 --reason '处理结果与实际不符'");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--reason", o->reason, "why it must be handled again")->required();
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return reset(p, a, m, t, o->reason);
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
