// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_reset(CLI::App& app, Env& env) {
  register_text_verb(app, env, "reset",
                     N_("Send an answered ticket back to the receiving lead to be handled again (sending lead or "
                        "supervisor;\nafter rating: supervisor only, which costs both departments points).\nExample: "
                        "linkctl reset 12 --reason '处理结果与实际不符'"),
                     "--reason", N_("why it must be handled again"), &linkctl::reset);
}

}  // namespace linkctl::cli
