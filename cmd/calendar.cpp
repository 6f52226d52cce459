// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include <filesystem>

#include "deadlines.hpp"
#include "default_policy.hpp"
#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "views.hpp"

namespace linkctl::cli {
namespace {

// --policy FILE, else the database's policy when the database exists, else the built-in one.
std::shared_ptr<const Policy> calendar_policy(Env& env, const std::string& file) {
  if (!file.empty()) return env.load_checked(env.read_policy_file(file), file);
  std::error_code ec;
  if (std::filesystem::exists(env.opts.db, ec))
    return std::shared_ptr<const Policy>(std::shared_ptr<void>(), &env.policy());
  auto load = load_policy(default_policy(), "(built-in)", Date{});
  return load.policy;
}

}  // namespace

void register_calendar(CLI::App& app, Env& env) {
  auto* cal = app.add_subcommand("calendar", _("Working-day calendar: is a date a working day, when is something due.\n"
                                               "Example: linkctl calendar due --from 2026-09-29 --days 3 --explain"));
  cal->require_subcommand(1);

  struct DayOptions {
    std::string date, policy;
  };
  auto day = std::make_shared<DayOptions>();
  auto* is_workday = cal->add_subcommand(
      "is-workday", _("Say whether DATE is a working day and why (weekend, holiday, make-up workday).\n"
                      "Example: linkctl calendar is-workday 2026-09-20\n"
                      "Example: [ \"$(linkctl calendar is-workday today --format tsv --no-header | cut -f3)\" = "
                      "true ] && linkctl inbox"));
  is_workday->add_option("DATE", day->date, _("YYYY-MM-DD, or 'today' (the policy's time zone)"))->required();
  is_workday->add_option("--policy", day->policy, _("use this policy file's calendar instead of the database's"));
  is_workday->callback([&env, day] {
    auto policy = calendar_policy(env, day->policy);
    Date d = day->date == "today" ? policy->organization.timezone.local_date(env.clock_for(*policy).now())
                                  : require_date(day->date, "DATE");
    if (!policy->calendar.covers(d)) env.warn_uncovered({year_of(d)});
    env.out().show(workday_view(policy->calendar, d));
  });

  struct DueOptions {
    std::string from, policy, stage, severity, category;
    std::optional<int> days;
    bool calendar_days = false, explain = false;
  };
  auto due = std::make_shared<DueOptions>();
  auto* due_cmd = cal->add_subcommand(
      "due", _("Compute a due date: N working days counted from the day after --from\n"
               "(0: --from itself, rolled to a working day), or N calendar days with --calendar-days.\n"
               "Prints the date; --explain lists each day counted or skipped.\n"
               "Example: linkctl calendar due --from 2026-09-18 --days 10    # 2026-10-09\n"
               "Example: linkctl calendar due --from 2026-09-30 --stage escalated --severity normal"));
  due_cmd->add_option("--from", due->from, _("trigger date YYYY-MM-DD"))->required();
  auto* days_opt = due_cmd->add_option("--days", due->days, _("number of days (0 or more)"))->check(CLI::Range(0, 366));
  due_cmd->add_flag("--calendar-days", due->calendar_days, _("count calendar days, no postponement (escalations)"));
  auto* stage_opt = due_cmd
                        ->add_option("--stage", due->stage,
                                     _("take the days from the policy: approval|feedback|review|escalated|reset"))
                        ->excludes(days_opt);
  due_cmd->add_option("--severity", due->severity, _("with --stage: major|urgent|normal"))->needs(stage_opt);
  due_cmd->add_option("--category", due->category, _("with --stage feedback: use this category's override"))
      ->needs(stage_opt);
  due_cmd->add_flag("--explain", due->explain, _("list every day from --from to the due date"));
  due_cmd->add_option("--policy", due->policy, _("use this policy file's calendar instead of the database's"));
  due_cmd->callback([&env, due] {
    Date from = require_date(due->from, "--from");
    auto policy = calendar_policy(env, due->policy);
    auto q = due_query(*policy, from, due->days, due->calendar_days, due->stage, due->severity, due->category);
    auto result = due_after(*policy, q.rule, q.severity, Instant(from), from);
    env.warn_uncovered(result.walk.uncovered_years);
    env.out().show(due_view(q, result, due->explain, env.out().format()));
  });
}

}  // namespace linkctl::cli
