// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_explain(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("explain", "Record in writing why the work cannot be finished in time (receiving lead);\nexcuses the feedback-overdue penalty.\nExample: linkctl explain 12 --reason '零售户外出, 预计下周返回'");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--reason", o->reason, "the written explanation")->required();
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return explain(p, a, m, t, o->reason);
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
