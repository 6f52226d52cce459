// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_close(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string result;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("close", "Report the work done, with the result (the handler or a receiving lead).\nExample: linkctl close 12 --result '已上门核实, 客户已恢复订货'");
  add_ticket_id(cmd, o->id);
  cmd->add_option("--result", o->result, "what was done")->required();
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    return close(p, a, m, t, o->result);
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
