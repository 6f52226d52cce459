// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_close(CLI::App& app, Env& env) {
  register_text_verb(
      app, env, "close",
      N_("Report the work done, with the result (the handler or a receiving lead).\nExample: linkctl close "
         "12 --result '已上门核实, 客户已恢复订货'"),
      "--result", N_("what was done"), &linkctl::close);
}

}  // namespace linkctl::cli
