// SPDX-License-Identifier: MIT
// Helpers shared by the ticket verbs.
#include <fmt/format.h>

#include <algorithm>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "text.hpp"
#include "user_file.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void report_change(Env& env, const Applied& applied) {
  env.warn_uncovered(applied.uncovered_years);
  auto s = env.session();
  auto m = s.moment();
  env.out().show(
      change_view(s.policy, applied.ticket, applied.before, applied.existed, m.today, m.now, env.out().format()));
}

void register_text_verb(CLI::App& app, Env& env, const char* name, const char* help, const char* option,
                        const char* option_help, TextVerb verb) {
  struct Options {
    std::int64_t id = 0;
    std::string text;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(name, _(help));
  add_ticket_id(cmd, o->id);
  cmd->add_option(option, o->text, _(option_help))->required();
  cmd->callback([&env, o, verb] {
    auto s = env.session();
    report_change(
        env, act(s, o->id, [&](const Ticket& t, const Moment& m) { return verb(s.policy, s.actor, m, t, o->text); }));
  });
}

void register_note_verb(CLI::App& app, Env& env, const char* name, const char* help, const char* option,
                        const char* option_help, NoteVerb verb) {
  struct Options {
    std::int64_t id = 0;
    std::string text;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(name, _(help));
  add_ticket_id(cmd, o->id);
  cmd->add_option(option, o->text, _(option_help));
  cmd->callback([&env, o, cmd, verb, option] {
    auto note = given(cmd, option, o->text);
    auto s = env.session();
    report_change(env,
                  act(s, o->id, [&](const Ticket& t, const Moment& m) { return verb(s.policy, s.actor, m, t, note); }));
  });
}

std::string read_text_file(const std::string& path, std::string_view what) {
  // One byte past the limit is read, so an oversized input is reported, not silently cut.
  return read_user_file(path, kMaxBodyBytes, what);
}

namespace {
bool is_whole_number(const std::string& s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

CLI::Option* add_ticket_id(CLI::App* cmd, std::int64_t& id) {
  return cmd->add_option("ID", id, _("ticket id (as 'linkctl list' shows)"))
      ->required()
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            if (is_whole_number(s) && std::stoll(s) > 0) return "";
            return trf("'{}' is not a ticket id; give the number 'linkctl list' shows, e.g. 12", s);
          },
          "ID"));
}

CLI::Validator whole_number(bool positive) {
  return CLI::Validator(
      [positive](std::string& s) -> std::string {
        if (is_whole_number(s) && (!positive || std::stoll(s) > 0)) return "";
        return positive ? trf("'{}' is not a whole number above 0; e.g. 10", s)
                        : trf("'{}' is not a whole number; e.g. 0", s);
      },
      positive ? "N>0" : "N>=0");
}

std::optional<std::string> given(CLI::App* cmd, const std::string& name, const std::string& value) {
  if (cmd->count(name) == 0) return std::nullopt;
  return value;
}

Severity severity_option(const std::string& value) {
  if (auto s = parse_severity(value)) return *s;
  throw Error(ErrorKind::usage, trf("--severity {} is not known; use major, urgent or normal", value));
}

Date month_option(const std::string& text) {
  auto m = parse_month(text);
  if (!m) throw Error(ErrorKind::usage, trf("--month {} is not a month; write YYYY-MM, e.g. 2026-10", text));
  return *m;
}

Period PeriodOptions::period() const {
  return parse_period({given(cmd, "--month", month), given(cmd, "--week", week), given(cmd, "--quarter", quarter),
                       given(cmd, "--year", year), given(cmd, from_name, from), given(cmd, to_name, to)});
}

std::pair<std::optional<Date>, std::optional<Date>> PeriodOptions::span() const {
  bool named = cmd->count("--month") + cmd->count("--week") + cmd->count("--quarter") + cmd->count("--year") > 0;
  // An empty range option is no limit, as it always was.
  if (!named || (from.empty() && to.empty())) {
    if (named) {
      auto p = period();
      return {p.first, p.end};
    }
    std::pair<std::optional<Date>, std::optional<Date>> out;
    if (!from.empty()) out.first = require_date(from, from_name);
    if (!to.empty()) out.second = require_date(to, to_name) + std::chrono::days(1);
    return out;
  }
  throw Error(ErrorKind::usage,
              trf("give one period: --month, --week, --quarter, --year, or {} and/or {}", from_name, to_name));
}

namespace {
void add_named(CLI::App* cmd, PeriodOptions& o) {
  cmd->add_option("--month", o.month, _("the month YYYY-MM (one period form)"));
  cmd->add_option("--week", o.week, _("the ISO week YYYY-Www, Monday to Sunday (one period form)"));
  cmd->add_option("--quarter", o.quarter, _("the quarter YYYY-Qn (one period form)"));
  cmd->add_option("--year", o.year, _("the year YYYY (one period form)"));
}
}  // namespace

std::shared_ptr<PeriodOptions> add_named_period_options(CLI::App* cmd, const char* from_name, const char* to_name) {
  auto o = std::make_shared<PeriodOptions>();
  o->cmd = cmd;
  o->from_name = from_name;
  o->to_name = to_name;
  add_named(cmd, *o);
  return o;
}

std::shared_ptr<PeriodOptions> add_period_options(CLI::App* cmd) {
  auto o = std::make_shared<PeriodOptions>();
  o->cmd = cmd;
  add_named(cmd, *o);
  cmd->add_option("--from", o->from, _("first day YYYY-MM-DD, with --to (one period form)"));
  cmd->add_option("--to", o->to, _("last day YYYY-MM-DD, inclusive, with --from (one period form)"));
  return o;
}

}  // namespace linkctl::cli
