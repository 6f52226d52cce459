// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_explain(CLI::App& app, Env& env) {
  register_text_verb(app, env, "explain",
                     N_("Record in writing why the work cannot be finished in time (receiving lead);\nexcuses the "
                        "feedback-overdue penalty.\nExample: linkctl explain 12 --reason '零售户外出, 预计下周返回'"),
                     "--reason", N_("the written explanation"), &linkctl::explain);
}

}  // namespace linkctl::cli
