// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "report_view.hpp"
#include "reports.hpp"

namespace linkctl::cli {

namespace {

// Where every report can go: --bom (CSV for spreadsheet programs) and --output FILE.
void add_file_options(CLI::App* cmd, bool& bom, std::string& output) {
  cmd->add_flag("--bom", bom,
                _("csv for spreadsheet programs: a UTF-8 byte-order mark first, and text that would run as a "
                  "formula (=, +, -, @) prefixed with '"));
  cmd->add_option("--output", output, _("write to FILE (atomically: a whole new file or none) instead of stdout"));
}

}  // namespace

void register_report(CLI::App& app, Env& env) {
  auto* report = app.add_subcommand(
      "report", _("Department scores (考核) by month, and by quarter or year as the sum of their months.\n"
                  "Example: linkctl report monthly --month 2026-10 --format csv --bom > 2026-10.csv\n"
                  "Example: linkctl report quarterly --quarter 2026-Q4"));
  report->require_subcommand(1);
  struct Options {
    std::string month, output;
    bool detail = false, bom = false, freeze = false;
  };
  auto o = std::make_shared<Options>();
  auto* monthly = report->add_subcommand(
      "monthly",
      _("Score every department for a month: base score minus each penalty of the regulation,\n"
        "and the heads' bonus deductions (a table draws each score as a bar too).\n"
        "--detail lists every penalty with its ticket.\n"
        "--freeze (supervisors, after the month ends) stores the report; later exports reproduce it exactly.\n"
        "--format xlsx writes a workbook (sheets 得分, 明细, 指标 and a bar chart of the scores), --format html\n"
        "a printable page (the month's 通报); both need --output FILE or a redirection.\n"
        "Example: linkctl report monthly --month 2026-10 --detail --format csv\n"
        "Example: linkctl report monthly --month 2026-10 --format xlsx --output 2026-10.xlsx"));
  monthly->add_option("--month", o->month, "YYYY-MM")->required();
  monthly->add_flag("--detail", o->detail, _("one row per penalty instead of one per department"));
  add_file_options(monthly, o->bom, o->output);
  monthly->add_flag("--freeze", o->freeze, _("store this month's report as final (supervisors)"));
  monthly->callback([&env, o] {
    Date month = month_option(o->month);
    auto s = env.session();
    if (o->freeze) {
      auto fr = freeze_month(s, month);
      env.out().note(trf("froze {} under policy v{}; its exports will not change", fr.month, fr.policy_version));
    }
    auto r = monthly_report(s, month);
    if (env.out().document() != Document::none) {
      MonthDocument d{r.report,
                      r.frozen,
                      r.frozen ? r.frozen->policy_version : s.policy_version,
                      penalty_titles(s, r.report),
                      period_stats(s, month_period(month)),
                      s.moment().today,
                      {}};
      for (const auto& dept : s.policy.departments) d.dept_names[dept.code] = dept.name;
      for (const auto& dept : r.report.departments) d.dept_names[dept.code] = dept.name;
      return env.out().publish(d, o->output);
    }
    env.out().bom(o->bom);
    env.out().show(report_view(r.report, r.frozen, o->detail, env.out().format()), o->output);
  });

  // A quarter or a year is a run of whole months, each scored as `report monthly` scores it.
  struct SpanOptions {
    std::string value, output;
    bool detail = false, bom = false;
  };
  auto add_period_report = [&](const char* name, const char* option, const char* form, const char* title,
                               const char* help) {
    auto po = std::make_shared<SpanOptions>();
    auto* cmd = report->add_subcommand(name, tr(help));
    cmd->add_option(option, po->value, form)->required();
    cmd->add_flag("--detail", po->detail, _("one row per penalty, with its month, instead of one per department"));
    add_file_options(cmd, po->bom, po->output);
    bool quarter = std::string(option) == "--quarter";
    cmd->callback([&env, po, quarter, title] {
      PeriodText text;
      (quarter ? text.quarter : text.year) = po->value;
      auto p = parse_period(text);
      auto s = env.session();
      auto r = period_report(s, p);
      if (env.out().document() != Document::none) {
        auto titles = penalty_titles(s, r);
        return env.out().publish(PeriodDocument{std::move(r), s.policy_version, std::move(titles), s.moment().today},
                                 po->output);
      }
      env.out().bom(po->bom);
      env.out().show(period_report_view(r, title, po->detail, env.out().format()), po->output);
    });
  };
  add_period_report("quarterly", "--quarter", "YYYY-Qn", N_("Quarterly report"),
                    N_("Each department's score in each month of the quarter side by side, and the quarter's\n"
                       "points lost per rule: the sum of the monthly reports (frozen months from their\n"
                       "snapshots; the column frozen_months names them). --detail lists every penalty with its month.\n"
                       "--format xlsx writes a workbook (sheets 得分 and 明细, a chart of each department's monthly\n"
                       "scores), --format html a printable page (the quarter's 通报); both need --output FILE or a\n"
                       "redirection.\n"
                       "Example: linkctl report quarterly --quarter 2026-Q4 --format csv --bom > 2026-Q4.csv\n"
                       "Example: linkctl report quarterly --quarter 2026-Q4 --format xlsx --output 2026-Q4.xlsx"));
  add_period_report("yearly", "--year", "YYYY", N_("Yearly report"),
                    N_("As 'report quarterly', for the twelve months of a year.\n"
                       "Example: linkctl report yearly --year 2026 --detail --format csv\n"
                       "Example: linkctl report yearly --year 2026 --format html --output 2026.html"));
}

}  // namespace linkctl::cli
