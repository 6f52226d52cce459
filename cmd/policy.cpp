// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "default_policy.hpp"
#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "policy_view.hpp"

namespace linkctl::cli {

void register_policy(CLI::App& app, Env& env) {
  auto* policy = app.add_subcommand(
      "policy", _("Check, apply and inspect the policy (organisation, calendar, deadlines, scoring).\n"
                  "Example: linkctl policy check my-policy.toml && linkctl policy apply my-policy.toml"));
  policy->require_subcommand(1);

  auto file = std::make_shared<std::string>();
  auto* check = policy->add_subcommand(
      "check", _("Validate a policy file; every problem is reported with file:line (exit 6 on errors).\n"
                 "Example: linkctl policy check examples/four-roles.toml"));
  check->add_option("FILE", *file, _("policy TOML file ('-' for stdin)"))->required();
  check->callback([&env, file] {
    auto policy = env.load_checked(env.read_policy_file(*file), *file);
    env.out().say(N_("{}: ok: {} ({} departments, {} people, {} categories; calendar {})\n"), *file,
                  policy->organization.name, policy->departments.size(), policy->people.size(),
                  policy->categories.size(), calendar_coverage(*policy));
  });

  auto apply_file = std::make_shared<std::string>();
  auto* apply =
      policy->add_subcommand("apply", _("Validate a policy file and store it as the new version (admins; atomic).\n"
                                        "Example: linkctl policy apply four-roles-2027.toml"));
  apply->add_option("FILE", *apply_file, _("policy TOML file ('-' for stdin)"))->required();
  apply->callback([&env, apply_file] {
    auto next = env.load_checked(env.read_policy_file(*apply_file), *apply_file);
    const Policy& current = env.policy();
    auto applied = apply_policy(env.store(), current, *next, *apply_file, env.clock_for(current), env.requester());
    if (!applied.changed)
      env.out().say(N_("policy unchanged: {} is already in force as v{}\n"), *apply_file, applied.version);
    else
      env.out().say(N_("applied {} as policy v{}\n"), *apply_file, applied.version);
  });

  struct ShowOptions {
    bool source = false, builtin = false;
  };
  auto so = std::make_shared<ShowOptions>();
  auto* show = policy->add_subcommand(
      "show", _("Show the policy in force: organisation, departments, people, categories, deadlines.\n"
                "Example: linkctl policy show --format json | jq '.categories[].code'\n"
                "Example: linkctl policy show --builtin --source > my-policy.toml   # a starting point"));
  show->add_flag("--source", so->source, _("print the stored TOML text as it was applied"));
  show->add_flag("--builtin", so->builtin, _("show the policy built into linkctl instead (no database needed)"));
  show->callback([&env, so] {
    if (so->source && !so->builtin) return env.out().print(policy_in_force(env.store(), true).policy->text);
    std::shared_ptr<const Policy> builtin;
    if (so->builtin) builtin = load_policy(default_policy(), "(built-in)", Date{}).policy;
    const Policy& p = builtin ? *builtin : env.policy();
    if (so->source) return env.out().print(p.text);
    env.out().show(policy_view(p, env.out().format()));
  });

  auto* history = policy->add_subcommand(
      "history", _("List every policy version applied: when, by whom, from which file, its SHA-256.\n"
                   "Example: linkctl policy history --format csv"));
  history->callback([&env] { env.out().rows(policy_history_rows(policy_history(env.store()))); });
}

}  // namespace linkctl::cli
