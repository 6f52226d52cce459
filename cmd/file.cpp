// SPDX-License-Identifier: MIT
#include <fmt/format.h>

#include "env.hpp"
#include "i18n.hpp"
#include "workflow.hpp"

namespace linkctl::cli {

void register_file(CLI::App& app, Env& env) {
  struct Options {
    std::string category, title, body, body_file, severity, to, ref;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "file", _("File a new ticket (filers). Prints the new ticket; --quiet prints only its id.\n"
                "Example: id=$(linkctl file --category long-time-no-order --title '王记烟酒店两月未订货' --quiet)"));
  cmd->add_option("--category", o->category, _("category code (see 'linkctl policy show')"))->required();
  cmd->add_option("--title", o->title, _("one-line summary"))->required();
  auto* body = cmd->add_option("--body", o->body, _("details"));
  cmd->add_option("--body-file", o->body_file, _("read the details from a file ('-': standard input)"))->excludes(body);
  cmd->add_option("--severity", o->severity, _("major|urgent|normal (default: the category's)"));
  cmd->add_option("--to", o->to, _("receiving department (default: the category's)"));
  cmd->add_option("--ref", o->ref, _("external reference: filing the same ref again returns the same ticket"));
  cmd->add_flag("--quiet,-q", o->quiet, _("print only the ticket id"));
  cmd->callback([&env, o] {
    FileRequest r;
    r.category = o->category;
    r.title = o->title;
    r.body = o->body_file.empty() ? o->body : read_text_file(o->body_file, "--body-file");
    if (!o->severity.empty()) r.severity = severity_option(o->severity);
    if (!o->to.empty()) r.to = o->to;
    if (!o->ref.empty()) r.ref = o->ref;
    auto session = env.session();
    auto applied = file(session, r);
    if (o->quiet) {
      env.warn_uncovered(applied.uncovered_years);
      return env.out().print(fmt::format("{}\n", applied.ticket.id));
    }
    report_change(env, applied);
  });
}

}  // namespace linkctl::cli
