// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_reject(CLI::App& app, Env& env) {
  register_text_verb(app, env, "reject",
                     N_("Reject a pending ticket with a reason (sending lead); final.\nExample: linkctl reject 12 "
                        "--reason '重复上报, 见 #9'"),
                     "--reason", N_("why it is rejected"), &linkctl::reject);
}

}  // namespace linkctl::cli
