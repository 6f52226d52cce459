// SPDX-License-Identifier: MIT
// Helpers shared by the ticket verbs.
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include "env.hpp"
#include "error.hpp"
#include "text.hpp"
#include "user_file.hpp"
#include "views.hpp"

namespace linkctl::cli {

void report_change(Env& env, const Applied& applied) {
  env.warn_uncovered(applied.uncovered_years);
  const Ticket& t = applied.ticket;
  auto m = env.session().moment();
  if (env.out().format() != Format::table) {
    auto rows = ticket_rows(env.policy(), {t}, m.today, m.now, TimeStyle::iso, false);
    return env.out().record(rows);
  }
  std::string line = fmt::format("ticket {}: ", t.id);
  if (applied.existed) line += fmt::format("already filed with this --ref ({})", to_string(t.state));
  else if (applied.before && *applied.before != t.state) line += fmt::format("{} → {}", to_string(*applied.before), to_string(t.state));
  else line += std::string(to_string(t.state));
  if (t.state == State::assigned && t.handler) line += fmt::format(", handler {}", *t.handler);
  for (const auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s && !(*s)->finished()) line += fmt::format("; {} due {}", to_string((*s)->kind), format_date((*s)->current_due()));
  auto overdue = t.overdue_stages(m.today, m.now);
  if (!overdue.empty()) line += fmt::format(" (overdue: {})", fmt::join(overdue, ", "));
  env.out().print(line + "\n");
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
    auto applied = act(s, o->id, [&](const Ticket& t) { return verb(s.policy, s.actor, s.moment(), t, o->text); });
    report_change(env, applied);
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
        return fmt::format("'{}' is not a whole number{}; e.g. {}", s, positive ? " above 0" : "", positive ? "10" : "0");
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

}  // namespace linkctl::cli
