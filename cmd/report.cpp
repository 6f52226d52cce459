// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

void register_report(CLI::App& app, Env& env) {
  auto* report = app.add_subcommand("report",
                                    "Monthly department scores (考核).\nExample: linkctl report monthly --month "
                                    "2026-10 --format csv --bom > 2026-10.csv");
  report->require_subcommand(1);
  struct Options {
    std::string month;
    bool detail = false, bom = false, freeze = false;
  };
  auto o = std::make_shared<Options>();
  auto* monthly = report->add_subcommand(
      "monthly",
      "Score every department for a month: base score minus each penalty of the regulation,\n"
      "and the heads' bonus deductions (a table draws each score as a bar too).\n"
      "--detail lists every penalty with its ticket.\n"
      "--freeze (supervisors, after the month ends) stores the report; later exports reproduce it exactly.\n"
      "Example: linkctl report monthly --month 2026-10 --detail --format csv");
  monthly->add_option("--month", o->month, "YYYY-MM")->required();
  monthly->add_flag("--detail", o->detail, "one row per penalty instead of one per department");
  monthly->add_flag("--bom", o->bom, "csv: start with a UTF-8 byte-order mark (for spreadsheet programs)");
  monthly->add_flag("--freeze", o->freeze, "store this month's report as final (supervisors)");
  monthly->callback([&env, o] {
    Date month = month_option(o->month);
    auto s = env.session();
    if (o->freeze) {
      auto fr = freeze_month(s, month);
      env.out().note(
          fmt::format("froze {} under policy v{}; its exports will not change", fr.month, fr.policy_version));
    }
    auto r = monthly_report(s, month);
    env.out().bom(o->bom);
    env.out().show(report_view(r.report, r.frozen, o->detail, env.out().format()));
  });
}

}  // namespace linkctl::cli
