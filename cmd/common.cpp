// SPDX-License-Identifier: MIT
// Helpers shared by the ticket verbs.
#include <fmt/format.h>

#include <algorithm>

#include "env.hpp"
#include "error.hpp"
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
  auto* cmd = app.add_subcommand(name, help);
  add_ticket_id(cmd, o->id);
  cmd->add_option(option, o->text, option_help)->required();
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
  auto* cmd = app.add_subcommand(name, help);
  add_ticket_id(cmd, o->id);
  cmd->add_option(option, o->text, option_help);
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
  return cmd->add_option("ID", id, "ticket id (as 'linkctl list' shows)")
      ->required()
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            if (is_whole_number(s) && std::stoll(s) > 0) return "";
            return fmt::format("'{}' is not a ticket id; give the number 'linkctl list' shows, e.g. 12", s);
          },
          "ID"));
}

CLI::Validator whole_number(bool positive) {
  return CLI::Validator(
      [positive](std::string& s) -> std::string {
        if (is_whole_number(s) && (!positive || std::stoll(s) > 0)) return "";
        return fmt::format("'{}' is not a whole number{}; e.g. {}", s, positive ? " above 0" : "",
                           positive ? "10" : "0");
      },
      positive ? "N>0" : "N>=0");
}

std::optional<std::string> given(CLI::App* cmd, const std::string& name, const std::string& value) {
  if (cmd->count(name) == 0) return std::nullopt;
  return value;
}

Severity severity_option(const std::string& value) {
  if (auto s = parse_severity(value)) return *s;
  throw Error(ErrorKind::usage, fmt::format("--severity {} is not known; use major, urgent or normal", value));
}

Date month_option(const std::string& text) {
  auto m = parse_month(text);
  if (!m) throw Error(ErrorKind::usage, fmt::format("--month {} is not a month; write YYYY-MM, e.g. 2026-10", text));
  return *m;
}

}  // namespace linkctl::cli
