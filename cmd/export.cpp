// SPDX-License-Identifier: MIT
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include "env.hpp"
#include "error.hpp"
#include "transfer.hpp"
#include "user_file.hpp"

namespace linkctl::cli {

void register_export(CLI::App& app, Env& env) {
  struct Options {
    std::string from, to;
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Write the tickets you can see, filed in a date range, as CSV (default), TSV or JSON:\n"
                                           "the import columns plus id, state and due dates. Streams in constant memory.\n"
                                           "Example: linkctl export --from 2026-10-01 --to 2026-10-31 > 2026-10-tickets.csv");
  cmd->add_option("--from", o->from, "filed on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", o->to, "filed on or before this date (YYYY-MM-DD)");
  cmd->add_flag("--bom", o->bom, "csv: start with a UTF-8 byte-order mark");
  cmd->callback([&env, o] {
    // Exports are files: CSV unless tsv or json is asked for.
    Format f = env.out().format() == Format::table || env.opts.format.empty() ? Format::csv : env.out().format();
    auto s = env.session();
    TicketFilter filter;
    const auto& tz = s.policy.organization.timezone;
    if (!o->from.empty()) filter.filed_from = tz.from_local(require_date(o->from, "--from"), std::chrono::seconds(0));
    if (!o->to.empty()) filter.filed_before = tz.from_local(require_date(o->to, "--to") + std::chrono::days(1), std::chrono::seconds(0));
    if (o->bom && f == Format::csv) std::cout << "\xEF\xBB\xBF";
    RowWriter writer(f, kExportColumns, env.out().options(), std::cout);
    export_tickets(s, filter, [&](const nlohmann::ordered_json& row) { writer.write(row); });
    writer.finish();
  });
}

void register_import(CLI::App& app, Env& env) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("import", "File many tickets from a CSV in one transaction (admins): all rows or none,\n"
                                           "a bad row reported with its line number (exit 6). Columns: filer, category, title;\n"
                                           "optional body, severity, to, ref, filed_at (ISO-8601, for migrating history).\n"
                                           "Example: linkctl import tickets.csv --as gao.feng");
  cmd->add_option("FILE", *path, "CSV file ('-': standard input)")->required();
  cmd->callback([&env, path] {
    std::string text = read_user_file(*path, std::string::npos - 1, "import");
    auto s = env.session();
    auto r = import_csv(s, text, *path);
    env.warn_uncovered(r.uncovered_years);
    if (env.out().format() == Format::table)
      return env.out().print(fmt::format("imported {} ticket{}{}{}\n", r.ids.size(), r.ids.size() == 1 ? "" : "s",
                                         r.ids.empty() ? "" : fmt::format(" ({}-{})", r.ids.front(), r.ids.back()),
                                         r.skipped ? fmt::format("; {} already filed (same ref)", r.skipped) : ""));
    Rows rows{{"id"}, {}};
    for (auto id : r.ids) rows.rows.push_back({{"id", id}});
    env.out().rows(rows);
  });
}

}  // namespace linkctl::cli
