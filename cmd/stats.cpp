// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

void register_stats(CLI::App& app, Env& env) {
  auto month = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("stats",
                                 "KPIs per department for a month: filed, received, on-time rate per stage (%),\n"
                                 "median days to answer, ratings, resets, escalations; a table draws the feedback\n"
                                 "on-time rate as a bar too.\n"
                                 "Example: linkctl stats --month 2026-10");
  cmd->add_option("--month", *month, "YYYY-MM")->required();
  cmd->callback([&env, month] {
    auto s = env.session();
    env.out().show(stats_view(s.policy, month_stats(s, month_option(*month)), env.out().format()));
  });
}

}  // namespace linkctl::cli
