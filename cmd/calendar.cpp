// SPDX-License-Identifier: MIT
#include <filesystem>
#include <fmt/format.h>

#include "deadlines.hpp"
#include "embedded.hpp"
#include "env.hpp"
#include "error.hpp"

namespace linkctl::cli {
namespace {

// --policy FILE, else the database's policy when the database exists, else the built-in one.
std::shared_ptr<const Policy> calendar_policy(Env& env, const std::string& file) {
  if (!file.empty()) return env.load_checked(env.read_policy_file(file), file);
  std::error_code ec;
  if (std::filesystem::exists(env.opts.db, ec)) return std::shared_ptr<const Policy>(std::shared_ptr<void>(), &env.policy());
  auto load = load_policy(embedded::default_policy(), "(built-in)", Date{});
  return load.policy;
}

nlohmann::ordered_json day_json(const DayNote& n) {
  return {{"date", format_date(n.day)},
          {"weekday", weekday_name(n.day)},
          {"kind", day_kind_name(n.kind)},
          {"counted", n.count > 0 ? nlohmann::ordered_json(n.count) : nlohmann::ordered_json(nullptr)}};
}

}  // namespace

void register_calendar(CLI::App& app, Env& env) {
  auto* cal = app.add_subcommand("calendar", "Working-day calendar: is a date a working day, when is something due.\n"
                                             "Example: linkctl calendar due --from 2026-09-29 --days 3 --explain");
  cal->require_subcommand(1);

  struct DayOptions {
    std::string date, policy;
  };
  auto day = std::make_shared<DayOptions>();
  auto* is_workday = cal->add_subcommand("is-workday", "Say whether DATE is a working day and why (weekend, holiday, make-up workday).\n"
                                                       "Example: linkctl calendar is-workday 2026-09-20\n"
                                                       "Example: [ \"$(linkctl calendar is-workday today --format tsv --no-header | cut -f3)\" = true ] && linkctl inbox");
  is_workday->add_option("DATE", day->date, "YYYY-MM-DD, or 'today' (the policy's time zone)")->required();
  is_workday->add_option("--policy", day->policy, "use this policy file's calendar instead of the database's");
  is_workday->callback([&env, day] {
    auto policy = calendar_policy(env, day->policy);
    Date d = day->date == "today" ? policy->organization.timezone.local_date(env.clock_for(*policy).now())
                                  : require_date(day->date, "DATE");
    if (!policy->calendar.covers(d)) env.warn_uncovered({year_of(d)});
    Rows rows{{"date", "weekday", "workday", "kind"},
              {{{"date", format_date(d)},
                {"weekday", weekday_name(d)},
                {"workday", policy->calendar.is_workday(d)},
                {"kind", day_kind_name(policy->calendar.kind(d))}}}};
    env.out().record(rows);
  });

  struct DueOptions {
    std::string from, policy, stage, severity, category;
    std::optional<int> days;
    bool calendar_days = false, explain = false;
  };
  auto due = std::make_shared<DueOptions>();
  auto* due_cmd = cal->add_subcommand("due", "Compute a due date: N working days counted from the day after --from\n"
                                             "(0: --from itself, rolled to a working day), or N calendar days with --calendar-days.\n"
                                             "Prints the date; --explain lists each day counted or skipped.\n"
                                             "Example: linkctl calendar due --from 2026-09-18 --days 10    # 2026-10-09\n"
                                             "Example: linkctl calendar due --from 2026-09-30 --stage escalated --severity normal");
  due_cmd->add_option("--from", due->from, "trigger date YYYY-MM-DD")->required();
  auto* days_opt = due_cmd->add_option("--days", due->days, "number of days (0 or more)")->check(CLI::Range(0, 366));
  due_cmd->add_flag("--calendar-days", due->calendar_days, "count calendar days, no postponement (escalations)");
  auto* stage_opt = due_cmd->add_option("--stage", due->stage, "take the days from the policy: approval|feedback|review|escalated|reset")
                        ->excludes(days_opt);
  due_cmd->add_option("--severity", due->severity, "with --stage: major|urgent|normal")->needs(stage_opt);
  due_cmd->add_option("--category", due->category, "with --stage feedback: use this category's override")->needs(stage_opt);
  due_cmd->add_flag("--explain", due->explain, "list every day from --from to the due date");
  due_cmd->add_option("--policy", due->policy, "use this policy file's calendar instead of the database's");
  due_cmd->callback([&env, due] {
    Date from = require_date(due->from, "--from");
    auto policy = calendar_policy(env, due->policy);
    Deadline rule;
    Severity severity = Severity::normal;
    if (!due->stage.empty()) {
      const Category* category = nullptr;
      if (!due->category.empty() && !(category = policy->category(due->category)))
        throw Error(ErrorKind::not_found, fmt::format("no category '{}' in the policy; see 'linkctl policy show'", due->category));
      auto r = stage_rule(*policy, due->stage, category);
      if (!r) throw Error(ErrorKind::usage, fmt::format("--stage {} is not known; use approval, feedback, review, escalated or reset", due->stage));
      if (r->unit == DueUnit::hours) throw Error(ErrorKind::usage, fmt::format("the {} deadline is counted in hours; it has no date to compute from a date alone", due->stage));
      rule = *r;
      if (due->severity.empty()) throw Error(ErrorKind::usage, "--stage needs --severity major|urgent|normal");
      auto s = parse_severity(due->severity);
      if (!s) throw Error(ErrorKind::usage, fmt::format("--severity {} is not known; use major, urgent or normal", due->severity));
      severity = *s;
    } else {
      if (!due->days) throw Error(ErrorKind::usage, "give --days N (or --stage with --severity)");
      rule.amount.fill(*due->days);
      rule.unit = due->calendar_days ? DueUnit::calendar_days : DueUnit::working_days;
    }
    auto result = due_after(*policy, rule, severity, Instant(from), from);
    env.warn_uncovered(result.walk.uncovered_years);
    if (env.out().format() == Format::json) {
      nlohmann::ordered_json j{{"from", format_date(from)},
                               {"days", rule.for_severity(severity)},
                               {"unit", std::string(to_string(rule.unit))},
                               {"due", format_date(result.due)}};
      if (due->explain) {
        j["explain"] = nlohmann::ordered_json::array();
        for (const auto& n : result.walk.days) j["explain"].push_back(day_json(n));
      }
      return env.out().print(j.dump() + "\n");
    }
    if (!due->explain) return env.out().print(format_date(result.due) + "\n");
    Rows rows{{"date", "weekday", "kind", "counted"}, {}};
    for (const auto& n : result.walk.days) rows.rows.push_back(day_json(n));
    env.out().rows(rows);
    if (env.out().format() == Format::table) env.out().print(fmt::format("due {}\n", format_date(result.due)));
  });
}

}  // namespace linkctl::cli
