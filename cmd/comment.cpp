// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_comment(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string text;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("comment", _("Add a comment to a ticket you can see, in any state.\n"
                                              "Example: linkctl comment 12 '已电话联系收信部门'"));
  add_ticket_id(cmd, o->id);
  cmd->add_option("TEXT", o->text, _("the comment"))->required();
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied =
        act(s, o->id, [&](const Ticket& t, const Moment& m) { return comment(s.policy, s.actor, m, t, o->text); });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
