// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_rate(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t id = 0;
    std::string rating, comment;
  };
  auto o = std::make_shared<Options>();
  auto* cmd =
      app.add_subcommand("rate", _("Rate an answered ticket: satisfied, fair or unsatisfied (sending lead); ends it.\n"
                                   "Example: linkctl rate 12 fair --comment '处理较慢'"));
  add_ticket_id(cmd, o->id);
  cmd->add_option("RATING", o->rating, _("satisfied|fair|unsatisfied"))->required();
  cmd->add_option("--comment", o->comment, _("a note for the history"));
  cmd->callback([&env, o, cmd] {
    auto rating = parse_rating(o->rating);
    if (!rating)
      throw Error(ErrorKind::usage, trf("rating '{}' is not known; use satisfied, fair or unsatisfied", o->rating));
    auto comment = given(cmd, "--comment", o->comment);
    auto s = env.session();
    auto applied = act(
        s, o->id, [&](const Ticket& t, const Moment& m) { return rate(s.policy, s.actor, m, t, *rating, comment); });
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
