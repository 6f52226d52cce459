// SPDX-License-Identifier: MIT
#include "env.hpp"

namespace linkctl::cli {

void register_confirm(CLI::App& app, Env& env) {
  register_note_verb(
      app, env, "confirm",
      "Confirm a handled ticket; the answer goes back to the sender (receiving lead).\nExample: linkctl confirm 12",
      "--comment", "a note for the history", &linkctl::confirm);
}

}  // namespace linkctl::cli
