// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

void register_stats(CLI::App& app, Env& env) {
  auto* cmd = app.add_subcommand(
      "stats", _("KPIs per department for a period: filed, received, on-time rate per stage (%),\n"
                 "median days to answer, ratings, resets, escalations; a table draws the feedback\n"
                 "on-time rate as a bar too. The period is one of --month, --week, --quarter,\n"
                 "--year or --from/--to (inclusive local dates).\n"
                 "--format xlsx --output FILE writes the KPIs as a workbook (sheet 指标).\n"
                 "Example: linkctl stats --month 2026-10\n"
                 "Example: linkctl stats --quarter 2026-Q4 --format xlsx --output 2026-Q4-kpis.xlsx\n"
                 "Example: linkctl stats --week 2026-W44   (Monday 2026-10-26 to Sunday 2026-11-01)"));
  auto period = add_period_options(cmd);
  auto output = std::make_shared<std::string>();
  cmd->add_option("--output", *output, _("write to FILE (atomically: a whole new file or none) instead of stdout"));
  cmd->callback([&env, period, output] {
    auto p = period->period();
    auto s = env.session();
    auto stats = period_stats(s, p);
    if (env.out().document() == Document::xlsx)
      return env.out().publish(stats_sheet(s.policy, stats, p.label), *output);
    env.out().show(stats_view(s.policy, stats, env.out().format()), *output);
  });
}

}  // namespace linkctl::cli
