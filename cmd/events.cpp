// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_events(CLI::App& app, Env& env) {
  struct Options {
    std::int64_t since = 0, limit = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "events", _("Everything that happened after event N, oldest first: a feed for notification scripts\n"
                  "(remember the last id you saw; the feed never skips or repeats). Supervisors and admins.\n"
                  "Example: linkctl events --since \"$(cat last-id)\" --format json"));
  cmd->add_option("--since", o->since, _("print events with an id greater than this"))->check(whole_number(false));
  cmd->add_option("--limit", o->limit, _("at most this many events"))->check(whole_number(false));
  cmd->callback([&env, o] {
    auto s = env.session();
    env.out().show(event_list(s.policy, event_feed(s, o->since, o->limit), env.out().format()));
  });
}

}  // namespace linkctl::cli
