// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

void register_stats(CLI::App& app, Env& env) {
  auto month = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("stats",
                                 "KPIs per department for a month: filed, received, on-time rate per stage (%),\n"
                                 "median days to answer, ratings, resets, escalations.\n"
                                 "Example: linkctl stats --month 2026-10");
  cmd->add_option("--month", *month, "YYYY-MM")->required();
  cmd->callback([&env, month] {
    auto s = env.session();
    env.out().rows(stats_rows(month_stats(s, month_option(*month))));
  });
}

}  // namespace linkctl::cli
