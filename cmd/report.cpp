// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "scoring.hpp"
#include "views.hpp"
#include "supervision.hpp"

namespace linkctl::cli {

namespace {

Date month_option(const std::string& text) {
  auto m = parse_month(text);
  if (!m) throw Error(ErrorKind::usage, fmt::format("--month {} is not a month; write YYYY-MM, e.g. 2026-10", text));
  return *m;
}

}  // namespace

void register_report(CLI::App& app, Env& env) {
  auto* report = app.add_subcommand("report", "Monthly department scores (考核).\nExample: linkctl report monthly --month 2026-10 --format csv --bom > 2026-10.csv");
  report->require_subcommand(1);
  struct Options {
    std::string month;
    bool detail = false, bom = false, freeze = false;
  };
  auto o = std::make_shared<Options>();
  auto* monthly = report->add_subcommand("monthly", "Score every department for a month: base score minus each penalty of the regulation,\n"
                                                    "and the heads' bonus deductions. --detail lists every penalty with its ticket.\n"
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
      env.out().note(fmt::format("froze {} under policy v{}; its exports will not change", fr.month, fr.policy_version));
    }
    auto r = monthly_report(s, month);
    Format f = env.out().format();
    if (f == Format::table) {
      std::string state = r.frozen ? fmt::format("frozen {} by {} (policy v{})", r.frozen->frozen_at, r.frozen->frozen_by, r.frozen->policy_version)
                                   : fmt::format("as of {}, not frozen", format_date(r.report.as_of));
      env.out().print(fmt::format("Monthly report {} ({})\n", r.report.month, state));
    }
    if (f == Format::json && !o->detail) {
      auto j = report_json(r.report);
      j["frozen"] = r.frozen.has_value();
      return env.out().print(j.dump() + "\n");
    }
    if (o->bom && f == Format::csv) env.out().print("\xEF\xBB\xBF");
    env.out().rows(o->detail ? penalty_rows(r.report) : report_rows(r.report));
  });
}

void register_stats(CLI::App& app, Env& env) {
  auto month = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("stats", "KPIs per department for a month: filed, received, on-time rate per stage (%),\n"
                                          "median days to answer, ratings, resets, escalations.\n"
                                          "Example: linkctl stats --month 2026-10");
  cmd->add_option("--month", *month, "YYYY-MM")->required();
  cmd->callback([&env, month] {
    auto s = env.session();
    env.out().rows(stats_rows(month_stats(s, month_option(*month))));
  });
}

void register_spotcheck(CLI::App& app, Env& env) {
  auto* cmd = app.add_subcommand("spotcheck", "Spot checks (抽查) of done tickets, by supervisors.\n"
                                              "Example: linkctl spotcheck sample --month 2026-10 --count 5");
  cmd->require_subcommand(1);
  struct SampleOptions {
    std::string month, seed = "linkctl";
    int count = 5;
  };
  auto so = std::make_shared<SampleOptions>();
  auto* sample = cmd->add_subcommand("sample", "A reproducible random sample of done tickets rated in the month.\n"
                                               "Example: linkctl spotcheck sample --month 2026-10 --count 5 --seed 2026-11-03");
  sample->add_option("--month", so->month, "YYYY-MM")->required();
  sample->add_option("--count", so->count, "how many tickets")->check(CLI::Range(1, 10000));
  sample->add_option("--seed", so->seed, "any text; the same seed gives the same sample");
  sample->callback([&env, so] {
    auto s = env.session();
    auto tickets = spotcheck_sample(s, month_option(so->month), so->count, so->seed);
    auto m = s.moment();
    bool human = env.out().format() == Format::table;
    env.out().rows(ticket_rows(s.policy, tickets, m.today, m.now, human ? TimeStyle::local : TimeStyle::iso, human));
  });
  struct RecordOptions {
    std::int64_t id = 0;
    std::string finding, note;
  };
  auto ro = std::make_shared<RecordOptions>();
  auto* record = cmd->add_subcommand("record", "Record a spot check of a done ticket: ok, or fake (handled only in the system,\n"
                                               "which costs the receiving department points).\n"
                                               "Example: linkctl spotcheck record 12 --finding fake --note '现场未整改'");
  add_ticket_id(record, ro->id);
  record->add_option("--finding", ro->finding, "ok|fake")->required();
  record->add_option("--note", ro->note, "what was found");
  record->callback([&env, ro] {
    if (ro->finding != "ok" && ro->finding != "fake")
      throw Error(ErrorKind::usage, fmt::format("--finding {} is not known; use ok or fake", ro->finding));
    auto s = env.session();
    auto applied = record_spotcheck(s, ro->id, ro->finding == "fake", ro->note.empty() ? std::nullopt : std::optional<std::string>(ro->note));
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
