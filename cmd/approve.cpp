// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_approve(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string severity, category, to, title, body, comment;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("approve", "Approve a pending ticket and forward it to the receiving department (sending lead).\nMay change severity, category, receiving department, title or body on the way.\nExample: linkctl approve 12 --severity urgent --to inspection");
  cmd->add_option("ID", o->id, "ticket id")->required();
  cmd->add_option("--severity", o->severity, "major|urgent|normal");
  cmd->add_option("--category", o->category, "category code");
  cmd->add_option("--to", o->to, "receiving department");
  cmd->add_option("--title", o->title, "new title");
  cmd->add_option("--body", o->body, "new details");
  cmd->add_option("--comment", o->comment, "a note for the history");
  cmd->callback([&env, o] {
    auto s = env.session();
    auto applied = act(s, o->id, [&](const Ticket& t) {
      const Policy& p = s.policy;
      const Actor& a = s.actor;
      auto m = s.moment();
    ApproveRequest r;
    if (!o->severity.empty()) r.severity = severity_option(o->severity);
    if (!o->category.empty()) r.category = o->category;
    if (!o->to.empty()) r.to = o->to;
    if (!o->title.empty()) r.title = o->title;
    if (!o->body.empty()) r.body = o->body;
    if (!o->comment.empty()) r.comment = o->comment;
    return approve(p, a, m, t, r);
    });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
