// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_escalate(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("escalate", "Press an open ticket with a short new deadline, [deadlines].escalated (by default calendar\ndays, not postponed over holidays) (supervisor).\nExample: linkctl escalate 12 --reason '已逾期3天'");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--reason", o->reason, "a note for the history");
  cmd->callback([&env, o, cmd] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return escalate(p, a, m, t, given(cmd, "--reason", o->reason));
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
