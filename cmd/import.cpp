// SPDX-License-Identifier: MIT
#include <iostream>

#include "env.hpp"
#include "i18n.hpp"
#include "transfer.hpp"
#include "user_file.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_import(CLI::App& app, Env& env) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "import", _("File many tickets from a CSV in one transaction (admins): all rows or none,\n"
                  "a bad row reported with its line number (exit 6). Columns: filer, category, title;\n"
                  "optional body, severity, to, ref, filed_at (ISO-8601, for migrating history).\n"
                  "Streams the file in constant memory, whatever its size.\n"
                  "Example: linkctl import tickets.csv --as gao.feng"));
  cmd->add_option("FILE", *path, _("CSV file ('-': standard input)"))->required();
  cmd->callback([&env, path] {
    UserFileReader file(*path, "import");
    CsvReader csv([&file](char* buffer, std::size_t size) { return file.read(buffer, size); }, *path);
    auto s = env.session();
    auto r = import_csv(s, csv);
    env.warn_uncovered(r.uncovered_years);
    write_import(r.ids, r.filed, r.skipped, env.out().format(), env.out().options(), std::cout);
  });
}

}  // namespace linkctl::cli
