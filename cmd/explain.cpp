// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_explain(CLI::App& app, Env& env) {
  register_text_verb(app, env, "explain",
                     "Record in writing why the work cannot be finished in time (receiving lead);\nexcuses the "
                     "feedback-overdue penalty.\nExample: linkctl explain 12 --reason '零售户外出, 预计下周返回'",
                     "--reason", "the written explanation", &linkctl::explain);
}

}  // namespace linkctl::cli
