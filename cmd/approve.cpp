// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_approve(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string severity, category, to, title, body, comment;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "approve", _("Approve a pending ticket and forward it to the receiving department (sending lead).\n"
                   "May change severity, category, receiving department, title or body on the way.\n"
                   "Example: linkctl approve 12 --severity urgent --to inspection"));
  add_ticket_id(cmd, o->id);
  cmd->add_option("--severity", o->severity, _("major|urgent|normal"));
  cmd->add_option("--category", o->category, _("category code"));
  cmd->add_option("--to", o->to, _("receiving department"));
  cmd->add_option("--title", o->title, _("new title"));
  cmd->add_option("--body", o->body, _("new details"));
  cmd->add_option("--comment", o->comment, _("a note for the history"));
  cmd->callback([&env, o, cmd] {
    // A value given on the command line counts even when empty, so that --title '' is refused, not ignored.
    ApproveRequest r;
    if (auto v = given(cmd, "--severity", o->severity)) r.severity = severity_option(*v);
    r.category = given(cmd, "--category", o->category);
    r.to = given(cmd, "--to", o->to);
    r.title = given(cmd, "--title", o->title);
    r.body = given(cmd, "--body", o->body);
    r.comment = given(cmd, "--comment", o->comment);
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t, const Moment& m) { return approve(s.policy, s.actor, m, t, r); });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
