// SPDX-License-Identifier: MIT
#include "env.hpp"
#include "i18n.hpp"

namespace linkctl::cli {

void register_confirm(CLI::App& app, Env& env) {
  register_note_verb(
      app, env, "confirm",
      N_("Confirm a handled ticket; the answer goes back to the sender (receiving lead).\nExample: linkctl confirm 12"),
      "--comment", N_("a note for the history"), &linkctl::confirm);
}

}  // namespace linkctl::cli
