// SPDX-License-Identifier: MIT
#include <iostream>

#include "env.hpp"
#include "transfer.hpp"

namespace linkctl::cli {

void register_export(CLI::App& app, Env& env) {
  struct Options {
    std::string from, to;
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd =
      app.add_subcommand("export",
                         "Write the tickets you can see, filed in a date range, as CSV (default), TSV or JSON:\n"
                         "the import columns plus id, state and due dates. Streams in constant memory.\n"
                         "Example: linkctl export --from 2026-10-01 --to 2026-10-31 > 2026-10-tickets.csv");
  cmd->add_option("--from", o->from, "filed on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", o->to, "filed on or before this date (YYYY-MM-DD)");
  cmd->add_flag("--bom", o->bom, "csv: start with a UTF-8 byte-order mark");
  cmd->callback([&env, o] {
    // Exports are files: CSV unless tsv or json is asked for.
    Format f = env.out().file_format(env.opts.format);
    auto s = env.session();
    TicketFilter filter;
    const auto& tz = s.policy.organization.timezone;
    if (!o->from.empty()) filter.filed_from = tz.from_local(require_date(o->from, "--from"), std::chrono::seconds(0));
    if (!o->to.empty())
      filter.filed_before = tz.from_local(require_date(o->to, "--to") + std::chrono::days(1), std::chrono::seconds(0));
    if (o->bom && f == Format::csv) env.out().print("\xEF\xBB\xBF");
    RowWriter writer(f, export_columns(s.policy), env.out().options(), std::cout);
    export_tickets(s, filter, [&](const nlohmann::ordered_json& row) { writer.write(row); });
    writer.finish();
  });
}

}  // namespace linkctl::cli
