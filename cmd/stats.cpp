// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

void register_stats(CLI::App& app, Env& env) {
  auto* cmd = app.add_subcommand("stats",
                                 "KPIs per department for a period: filed, received, on-time rate per stage (%),\n"
                                 "median days to answer, ratings, resets, escalations; a table draws the feedback\n"
                                 "on-time rate as a bar too. The period is one of --month, --week, --quarter,\n"
                                 "--year or --from/--to (inclusive local dates).\n"
                                 "Example: linkctl stats --month 2026-10\n"
                                 "Example: linkctl stats --week 2026-W44   (Monday 2026-10-26 to Sunday 2026-11-01)");
  auto period = add_period_options(cmd);
  cmd->callback([&env, period] {
    auto p = period->period();
    auto s = env.session();
    env.out().show(stats_view(s.policy, period_stats(s, p), env.out().format()));
  });
}

}  // namespace linkctl::cli
