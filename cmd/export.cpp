// SPDX-License-Identifier: MIT
#include <iostream>

#include "env.hpp"
#include "i18n.hpp"
#include "transfer.hpp"

namespace linkctl::cli {

void register_export(CLI::App& app, Env& env) {
  struct Options {
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "export", _("Write the tickets you can see, filed in a date range, as CSV (default), TSV or JSON:\n"
                  "the import columns plus id, state and due dates. Streams in constant memory.\n"
                  "The range: --from and/or --to, or one of --month, --week, --quarter, --year.\n"
                  "Example: linkctl export --from 2026-10-01 --to 2026-10-31 > 2026-10-tickets.csv\n"
                  "Example: linkctl export --quarter 2026-Q4 > 2026-Q4-tickets.csv"));
  auto period = add_named_period_options(cmd, "--from", "--to");
  cmd->add_option("--from", period->from, _("filed on or after this date (YYYY-MM-DD)"));
  cmd->add_option("--to", period->to, _("filed on or before this date (YYYY-MM-DD)"));
  cmd->add_flag("--bom", o->bom,
                _("csv for spreadsheet programs: a UTF-8 byte-order mark first, and text that would run as a formula "
                  "(=, +, -, @) prefixed with ' (leave it out for a file to import)"));
  cmd->callback([&env, o, period] {
    // Exports are files: CSV unless tsv or json is asked for.
    Format f = env.out().file_format(env.opts.format);
    auto s = env.session();
    TicketFilter filter;
    const auto& tz = s.policy.organization.timezone;
    auto [first, end] = period->span();
    if (first) filter.filed_from = tz.from_local(*first, std::chrono::seconds(0));
    if (end) filter.filed_before = tz.from_local(*end, std::chrono::seconds(0));
    if (o->bom && f == Format::csv) env.out().print("\xEF\xBB\xBF");
    RenderOptions opt = env.out().options();
    opt.spreadsheet = o->bom && f == Format::csv;
    RowWriter writer(f, export_columns(s.policy), opt, std::cout);
    export_tickets(s, filter, [&](const nlohmann::ordered_json& row) { writer.write(row); });
    writer.finish();
  });
}

}  // namespace linkctl::cli
