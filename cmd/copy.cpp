// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"
#include "policy_view.hpp"

namespace linkctl::cli {

void register_copy(CLI::App& app, Env& env) {
  auto target = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "copy", _("Copy the whole database (policy versions, tickets, stages, events with their hashes,\n"
                "announced lapses, frozen reports, spot checks) into a new one, of either engine, in one\n"
                "transaction; then verify the copy's chain and print both heads, which are equal. The\n"
                "target must not hold a database (exit 5): a file that does not exist, or an empty\n"
                "PostgreSQL database. Admins only.\n"
                "Example: linkctl --db city.db copy --to 'postgresql://db.example/linkctl?sslmode=verify-full'"));
  cmd->add_option("--to", *target, _("the new database: a file path or a postgresql:// URI"))->required();
  cmd->callback([&env, target] {
    auto& store = env.store();
    auto copied = copy_database(store, env.policy(), *target, env.requester());
    env.out().record(copy_record(store.name(), copied.target_name, copied.rows, copied.source_head,
                                 {copied.target.head_event, copied.target.head_hash}));
  });
}

}  // namespace linkctl::cli
