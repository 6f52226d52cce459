// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "default_policy.hpp"
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_init(CLI::App& app, Env& env) {
  struct Options {
    std::string policy;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd =
      app.add_subcommand("init", _("Create the database and apply a policy (default: the built-in regulation policy).\n"
                                   "Example: linkctl --db /srv/linkctl/linkctl.db init --policy four-roles.toml"));
  cmd->add_option("--policy", opt->policy, _("policy TOML file ('-' for stdin); default: the built-in one"));
  cmd->callback([&env, opt] {
    Store::require_absent(env.opts.db);  // before the policy's warnings, which would be noise
    std::string source = opt->policy.empty() ? "(built-in)" : opt->policy;
    std::string text = opt->policy.empty() ? std::string(default_policy()) : env.read_policy_file(opt->policy);
    auto policy = env.load_checked(text, source);
    auto applied = init_database(env.opts.db, *policy, source, env.clock_for(*policy), env.os_requester());
    env.out().say(N_("created {} with policy v{} from {}: {} ({} departments, {} people, {} categories)\n"),
                  env.opts.db, applied.version, source, policy->organization.name, policy->departments.size(),
                  policy->people.size(), policy->categories.size());
  });
}

}  // namespace linkctl::cli
