// SPDX-License-Identifier: MIT
#include "overdue.hpp"

#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_overdue(CLI::App& app, Env& env) {
  struct Options {
    bool check = false, fresh = false;
    std::string dept, severity;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "overdue", _("List the open stages past their due date (department, ticket, stage, days late).\n"
                   "--check exits 8 when any is listed; --new lists only lapses not announced before,\n"
                   "and records them so no later --new (from any cron job) announces them again.\n"
                   "Example: linkctl overdue --new --check || mail -s 'linkctl: overdue' office@example.org"));
  cmd->add_flag("--check", o->check, _("exit 8 when anything is listed"));
  cmd->add_flag("--new", o->fresh, _("only lapses not announced by an earlier --new; record them"));
  cmd->add_option("--dept", o->dept, _("only stages owed by this department"));
  cmd->add_option("--severity", o->severity, _("major|urgent|normal"));
  cmd->callback([&env, o] {
    auto s = env.session();
    LapseFilter f;
    if (!o->dept.empty()) {
      if (!s.policy.department(o->dept))
        throw Error(ErrorKind::not_found, trf("--dept {}: no such department", o->dept));
      f.dept = o->dept;
    }
    if (!o->severity.empty()) f.severity = severity_option(o->severity);
    auto lapses = o->fresh ? announce_new_lapses(s, f) : overdue_lapses(s, f);
    env.out().show(lapse_list(s.policy, lapses, env.out().format()));
    if (o->check && !lapses.empty()) env.exit_status = kExitOverdue;
  });
}

}  // namespace linkctl::cli
