// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "views.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_list(CLI::App& app, Env& env) {
  struct Options {
    std::vector<std::string> states;
    std::string dept, from_dept, to_dept, severity, category;
    bool overdue = false, escalated = false;
    std::int64_t limit = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "list",
      _("List the tickets you can see, filtered; overdue stages are marked. Filed in a period: --since/--until,\n"
        "or --month, --week, --quarter, --year.\n"
        "Example: linkctl list --state routed --state assigned --to-dept logistics --overdue\n"
        "Example: linkctl list --week 2026-W44 --to-dept logistics"));
  cmd->add_option("--state", o->states, _("pending|routed|assigned|handled|answered|done|rejected (repeatable)"));
  cmd->add_option("--dept", o->dept, _("sending or receiving department"));
  cmd->add_option("--from-dept", o->from_dept, _("sending department"));
  cmd->add_option("--to-dept", o->to_dept, _("receiving department"));
  cmd->add_option("--severity", o->severity, _("major|urgent|normal"));
  cmd->add_option("--category", o->category, _("category code"));
  cmd->add_flag("--overdue", o->overdue, _("only tickets with an overdue stage"));
  cmd->add_flag("--escalated", o->escalated, _("only escalated tickets"));
  auto period = add_named_period_options(cmd, "--since", "--until");
  cmd->add_option("--since", period->from, _("filed on or after this date (YYYY-MM-DD)"));
  cmd->add_option("--until", period->to, _("filed on or before this date (YYYY-MM-DD)"));
  cmd->add_option("--limit", o->limit, _("at most this many tickets"))->check(whole_number(true));
  cmd->callback([&env, o, period] {
    auto s = env.session();
    TicketFilter f;
    for (const auto& name : o->states) {
      auto st = parse_state(name);
      if (!st)
        throw Error(
            ErrorKind::usage,
            trf("--state {} is not known; use pending, routed, assigned, handled, answered, done or rejected", name));
      f.states.push_back(*st);
    }
    auto dept = [&](const std::string& code, const char* option) -> std::optional<std::string> {
      if (code.empty()) return std::nullopt;
      if (!s.policy.department(code)) throw Error(ErrorKind::not_found, trf("{} {}: no such department", option, code));
      return code;
    };
    f.dept = dept(o->dept, "--dept");
    f.from_dept = dept(o->from_dept, "--from-dept");
    f.to_dept = dept(o->to_dept, "--to-dept");
    if (!o->severity.empty()) f.severity = severity_option(o->severity);
    if (!o->category.empty()) {
      if (!s.policy.category(o->category))
        throw Error(ErrorKind::not_found,
                    trf("--category {}: no such category; see 'linkctl policy show'", o->category));
      f.category = o->category;
    }
    if (o->escalated) f.escalated = true;
    f.overdue_only = o->overdue;
    const auto& tz = s.policy.organization.timezone;
    auto [first, end] = period->span();
    if (first) f.filed_from = tz.from_local(*first, std::chrono::seconds(0));
    if (end) f.filed_before = tz.from_local(*end, std::chrono::seconds(0));
    if (o->limit > 0) f.limit = o->limit;
    auto tickets = list_visible(s, f);
    auto m = s.moment();
    env.out().show(ticket_list(s.policy, tickets, m.today, m.now, env.out().format()));
  });
}

}  // namespace linkctl::cli
