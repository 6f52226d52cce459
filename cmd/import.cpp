// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "transfer.hpp"
#include "user_file.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_import(CLI::App& app, Env& env) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("import",
                                 "File many tickets from a CSV in one transaction (admins): all rows or none,\n"
                                 "a bad row reported with its line number (exit 6). Columns: filer, category, title;\n"
                                 "optional body, severity, to, ref, filed_at (ISO-8601, for migrating history).\n"
                                 "Example: linkctl import tickets.csv --as gao.feng");
  cmd->add_option("FILE", *path, "CSV file ('-': standard input)")->required();
  cmd->callback([&env, path] {
    std::string text = read_user_file(*path, std::string::npos - 1, "import");
    auto s = env.session();
    auto r = import_csv(s, text, *path);
    env.warn_uncovered(r.uncovered_years);
    env.out().show(import_view(r.ids, r.skipped, env.out().format()));
  });
}

}  // namespace linkctl::cli
