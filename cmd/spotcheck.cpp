// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "spotchecks.hpp"
#include "views.hpp"

namespace linkctl::cli {

void register_spotcheck(CLI::App& app, Env& env) {
  auto* cmd = app.add_subcommand("spotcheck", _("Spot checks (抽查) of done tickets, by supervisors.\n"
                                                "Example: linkctl spotcheck sample --month 2026-10 --count 5"));
  cmd->require_subcommand(1);
  struct SampleOptions {
    std::string seed = "linkctl";
    int count = 5;
  };
  auto so = std::make_shared<SampleOptions>();
  auto* sample = cmd->add_subcommand(
      "sample", _("A reproducible random sample of done tickets rated in a period (one of --month,\n"
                  "--week, --quarter, --year, --from/--to).\n"
                  "Example: linkctl spotcheck sample --month 2026-10 --count 5 --seed 2026-11-03\n"
                  "Example: linkctl spotcheck sample --quarter 2026-Q4 --count 20   (quarterly audit)"));
  auto period = add_period_options(sample);
  sample->add_option("--count", so->count, _("how many tickets"))->check(CLI::Range(1, 10000));
  sample->add_option("--seed", so->seed, _("any text; the same seed gives the same sample"));
  sample->callback([&env, so, period] {
    auto p = period->period();
    auto s = env.session();
    auto tickets = spotcheck_sample(s, p, so->count, so->seed);
    auto m = s.moment();
    env.out().show(ticket_list(s.policy, tickets, m.today, m.now, env.out().format()));
  });
  struct RecordOptions {
    std::int64_t id = 0;
    std::string finding, note;
  };
  auto ro = std::make_shared<RecordOptions>();
  auto* record =
      cmd->add_subcommand("record", _("Record a spot check of a done ticket: ok, or fake (handled only in the system,\n"
                                      "which costs the receiving department points).\n"
                                      "Example: linkctl spotcheck record 12 --finding fake --note '现场未整改'"));
  add_ticket_id(record, ro->id);
  record->add_option("--finding", ro->finding, _("ok|fake"))->required();
  record->add_option("--note", ro->note, _("what was found"));
  record->callback([&env, ro] {
    if (ro->finding != "ok" && ro->finding != "fake")
      throw Error(ErrorKind::usage, trf("--finding {} is not known; use ok or fake", ro->finding));
    auto s = env.session();
    auto applied = record_spotcheck(s, ro->id, ro->finding == "fake",
                                    ro->note.empty() ? std::nullopt : std::optional<std::string>(ro->note));
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
