// SPDX-License-Identifier: MIT
#include "audit.hpp"

#include <fmt/format.h>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "policy_view.hpp"
#include "untranslated.hpp"

namespace linkctl::cli {

void register_audit(CLI::App& app, Env& env) {
  auto* audit = app.add_subcommand("audit", _("Check the tamper-evident event log.\nExample: linkctl audit verify"));
  audit->require_subcommand(1);
  auto anchors = std::make_shared<std::vector<std::string>>();
  auto* verify = audit->add_subcommand(
      "verify", _("Walk the SHA-256 event chain, check every ticket against its last event and every\n"
                  "policy version, frozen report, spot check and announced lapse against the event\n"
                  "that wrote it. Exit 0 when intact, 6 naming the first bad event or row. Prints the\n"
                  "number of events and the last one's hash: keep 'linkctl audit anchor' outside the\n"
                  "database and pass it back with --expect-head to detect a rewritten chain.\n"
                  "Example: linkctl audit verify --expect-head \"$(tail -1 /secure/linkctl.anchors)\""));
  verify->add_option("--expect-head", *anchors,
                     _("N:HASH from 'linkctl audit anchor': event N must still have this hash (repeatable)"));
  verify->callback([&env, anchors] {
    // The problem found is data in tsv/csv/json (a script may match it): never translated there.
    if (env.out().format() != Format::table) keep_original_text();
    std::vector<Anchor> expected;
    for (const auto& text : *anchors) {
      auto a = parse_anchor(text);
      if (!a)
        throw Error(ErrorKind::usage,
                    trf("--expect-head {} is not an anchor; write N:HASH as 'linkctl audit anchor' prints it", text));
      expected.push_back(*a);
    }
    auto r = audit_database(env.store(), expected);
    env.out().record(audit_record(r));
    if (!r.ok) throw Error(ErrorKind::invalid, trf("audit failed: {}", r.problem));
  });

  auto event = std::make_shared<std::int64_t>(0);
  auto* anchor = audit->add_subcommand(
      "anchor", _("Print N:HASH for the newest event (or event --event N): an anchor to keep outside the\n"
                  "database (another machine, a printout). 'linkctl audit verify --expect-head N:HASH'\n"
                  "later fails if the chain up to event N was rewritten.\n"
                  "Example: linkctl audit anchor >> /secure/linkctl.anchors"));
  anchor->add_option("--event", *event, _("the event to print (default: the newest)"))->check(whole_number(true));
  anchor->callback([&env, event] {
    env.out().print(
        format_anchor(audit_anchor(env.store(), *event ? std::optional<std::int64_t>(*event) : std::nullopt)) + "\n");
  });
}

}  // namespace linkctl::cli
