// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "supervision.hpp"

namespace linkctl::cli {

void register_overdue(CLI::App& app, Env& env) {
  struct Options {
    bool check = false, fresh = false;
    std::string dept, severity;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("overdue", "List the open stages past their due date (department, ticket, stage, days late).\n"
                                            "--check exits 8 when any is listed; --new lists only lapses not announced before,\n"
                                            "and records them so no later --new (from any cron job) announces them again.\n"
                                            "Example: linkctl overdue --new --check || mail -s 'linkctl: overdue' office@example.org");
  cmd->add_flag("--check", o->check, "exit 8 when anything is listed");
  cmd->add_flag("--new", o->fresh, "only lapses not announced by an earlier --new; record them");
  cmd->add_option("--dept", o->dept, "only stages owed by this department");
  cmd->add_option("--severity", o->severity, "major|urgent|normal");
  cmd->callback([&env, o] {
    auto s = env.session();
    LapseFilter f;
    if (!o->dept.empty()) {
      if (!s.policy.department(o->dept)) throw Error(ErrorKind::not_found, fmt::format("--dept {}: no such department", o->dept));
      f.dept = o->dept;
    }
    if (!o->severity.empty()) f.severity = severity_option(o->severity);
    auto lapses = o->fresh ? announce_new_lapses(s, f) : overdue_lapses(s, f);
    // Nothing overdue prints nothing (an empty JSON array for json), so cron mails only when needed.
    if (!lapses.empty() || env.out().format() == Format::json)
      env.out().rows({"dept", "ticket", "stage", "due", "days_late", "severity", "state", "escalated", "title"}, [&](const auto& emit) {
        for (const auto& l : lapses)
          emit(RowBuilder(9)("dept", l.stage.dept)("ticket", l.ticket)("stage", std::string(to_string(l.stage.kind)))(
                   "due", format_date(l.missed))("days_late", l.days_late)("severity", std::string(to_string(l.severity)))(
                   "state", std::string(to_string(l.state)))("escalated", l.escalated)("title", l.title)
                   .take());
      });
    if (o->check && !lapses.empty()) env.exit_status = kExitOverdue;
  });
}

}  // namespace linkctl::cli
