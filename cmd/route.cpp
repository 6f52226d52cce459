// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_route(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string to, dept, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "route", _("Assign a handler (--to USER), send a handled ticket back to one (--to USER --reason),\n"
                 "or forward a misdirected ticket to another department (--dept D --reason) (receiving lead).\n"
                 "Example: linkctl route 12 --to li.na"));
  add_ticket_id(cmd, o->id);
  auto* to = cmd->add_option("--to", o->to, _("the handler to assign"));
  cmd->add_option("--dept", o->dept, _("forward to this department (the feedback clock keeps running)"))->excludes(to);
  cmd->add_option("--reason", o->reason, _("why (required when forwarding or sending back)"));
  cmd->callback([&env, o, cmd] {
    RouteRequest r;
    if (!o->to.empty()) r.to_user = o->to;
    if (!o->dept.empty()) r.to_dept = o->dept;
    r.reason = given(cmd, "--reason", o->reason);
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t, const Moment& m) { return route(s.policy, s.actor, m, t, r); });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
