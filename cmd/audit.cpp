// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"

namespace linkctl::cli {

void register_audit(CLI::App& app, Env& env) {
  auto* audit = app.add_subcommand("audit", "Check the tamper-evident event log.\nExample: linkctl audit verify");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Walk the SHA-256 event chain and check every ticket against its last event.\n"
                                                 "Exit 0 when intact, 6 naming the first bad event. Prints the number of events\n"
                                                 "and the last one's hash: keep them outside the database to anchor the chain.\n"
                                                 "Example: linkctl audit verify || mail -s 'linkctl tampered' root");
  verify->callback([&env] {
    auto r = env.store().verify_audit();
    Rows rows{{"status", "events", "tickets", "first_bad_event", "problem", "head_hash"},
              {{{"status", r.ok ? "ok" : "tampered"},
                {"events", r.events_checked},
                {"tickets", r.tickets_checked},
                {"first_bad_event", r.first_bad_event ? nlohmann::ordered_json(*r.first_bad_event) : nlohmann::ordered_json(nullptr)},
                {"problem", r.problem.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.problem)},
                {"head_hash", r.ok ? nlohmann::ordered_json(r.head_hash) : nlohmann::ordered_json(nullptr)}}}};
    env.out().record(rows);
    if (!r.ok) throw Error(ErrorKind::invalid, "audit failed: " + r.problem);
  });
}

}  // namespace linkctl::cli
