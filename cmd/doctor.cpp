// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "untranslated.hpp"

namespace linkctl::cli {

void register_doctor(CLI::App& app, Env& env) {
  auto* cmd = app.add_subcommand(
      "doctor", _("Check the database without changing it: whether the write lock can be taken within the\n"
                  "busy timeout (and if not, which process holds it and what is safe to do), the WAL and\n"
                  "whether its checkpoint is starved, and PRAGMA quick_check over every page (damage that\n"
                  "'audit verify' does not read). On PostgreSQL: sessions idle in a transaction or waiting\n"
                  "for a lock. Exit 0 when usable (warnings included), 7 when a problem makes it unusable.\n"
                  "Example: LINKCTL_BUSY_TIMEOUT=2000 linkctl doctor"));
  cmd->callback([&env] {
    // A finding's detail is data in tsv/csv/json (a script may match it): never translated there.
    if (env.out().format() != Format::table) keep_original_text();
    auto findings = Store::diagnose(env.opts.db, env.busy_timeout_ms());
    static constexpr const char* kStatus[] = {"ok", "warning", "problem", "skipped"};
    Rows rows{{"check", "status", "detail"}, {}};
    std::vector<std::string> problems;
    for (const auto& f : findings) {
      rows.rows.push_back({{"check", f.check}, {"status", kStatus[static_cast<int>(f.status)]}, {"detail", f.detail}});
      if (f.status == db::Finding::Status::problem) problems.push_back(f.check);
    }
    env.out().rows(rows);
    if (!problems.empty())
      throw Error(ErrorKind::database,
                  trf("the database is not usable ({}); see doctor's findings above", fmt::join(problems, ", ")));
  });
}

}  // namespace linkctl::cli
