// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_escalate(CLI::App& app, Env& env) {
  register_note_verb(app, env, "escalate",
                     N_("Press an open ticket with a short new deadline, [deadlines].escalated (by default "
                        "calendar\ndays, not postponed "
                        "over holidays) (supervisor).\nExample: linkctl escalate 12 --reason '已逾期3天'"),
                     "--reason", N_("a note for the history"), &linkctl::escalate);
}

}  // namespace linkctl::cli
