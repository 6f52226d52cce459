// SPDX-License-Identifier: MIT
// linkctl: cross-department linkage (联动) tickets over one SQLite file.
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "env.hpp"
#include "error.hpp"
#include "store.hpp"
#include "text.hpp"
#include "linkctl/version.hpp"

using namespace linkctl;

#if defined(__SANITIZE_ADDRESS__)
// LeakSanitizer cannot inspect a setgid process (the kernel makes it non-dumpable),
// as in a shared installation; skip the leak check there rather than fail.
extern "C" int __lsan_is_turned_off() { return getegid() != getgid() || geteuid() != getuid(); }
#endif

int main(int argc, char** argv) {
  CLI::App app{"linkctl: cross-department linkage (联动) tickets, deadlines and monthly scores over one SQLite file.\n"
               "Example: linkctl init && linkctl calendar due --from 2026-09-29 --days 3",
               "linkctl"};
  app.set_version_flag("--version", fmt::format("linkctl {} (schema {})", kVersion, Store::latest_schema_version()));
  app.require_subcommand(1);
  app.fallthrough();

  cli::Env env;
  auto& o = env.opts;
  app.add_option("--db", o.db, "SQLite database file")->envname("LINKCTL_DB")->capture_default_str();
  app.add_option("--as", o.as, "act as this person (see IDENTITY in linkctl(1))")->envname("LINKCTL_USER");
  app.add_option("--format", o.format, "table|tsv|csv|json (default: table on a terminal, else tsv)")
      ->envname("LINKCTL_FORMAT");
  app.add_option("--now", o.now, "effective time, ISO-8601 (only where the policy allows a clock override)")
      ->envname("LINKCTL_NOW");
  app.add_option("--today", o.today, "effective date YYYY-MM-DD, 09:00 local (as --now)");
  app.add_flag("--no-header", o.no_header, "tsv/csv: leave out the header line");

  app.parse_complete_callback([&env, &app] {
    // An option given with an empty value is a mistake, not "use the default".
    for (const char* name : {"--db", "--as", "--format", "--now", "--today"}) {
      auto* opt = app.get_option(name);
      if (opt->count() > 0 && opt->as<std::string>().empty())
        throw Error(ErrorKind::usage, fmt::format("{} needs a value (or leave it out, and its environment variable unset)", name));
    }
    env.out().configure(env.opts.format, env.opts.no_header);
  });

  // Every subcommand, in the order `linkctl --help` lists them.
  cli::register_init(app, env);
  cli::register_policy(app, env);
  cli::register_file(app, env);
  cli::register_approve(app, env);
  cli::register_reject(app, env);
  cli::register_route(app, env);
  cli::register_close(app, env);
  cli::register_confirm(app, env);
  cli::register_explain(app, env);
  cli::register_rate(app, env);
  cli::register_reset(app, env);
  cli::register_escalate(app, env);
  cli::register_comment(app, env);
  cli::register_show(app, env);
  cli::register_history(app, env);
  cli::register_deadlines(app, env);
  cli::register_list(app, env);
  cli::register_inbox(app, env);
  cli::register_overdue(app, env);
  cli::register_spotcheck(app, env);
  cli::register_report(app, env);
  cli::register_stats(app, env);
  cli::register_export(app, env);
  cli::register_import(app, env);
  cli::register_events(app, env);
  cli::register_calendar(app, env);
  cli::register_completion(app, env);
  cli::register_audit(app, env);

  try {
    app.parse(argc, argv);
    return env.exit_status;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    // CLI11 reports an unknown verb as a missing subcommand; say what was typed.
    auto known = [&](const char* name) {
      return !app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(name); }).empty();
    };
    if (argc > 1 && argv[1][0] != '-' && !known(argv[1]))
      what = fmt::format("unknown command '{}'", argv[1]);
    std::cerr << "linkctl: error: " << printable(what) << " (see linkctl --help)\n";
    return static_cast<int>(ErrorKind::usage);
  } catch (const Error& e) {
    std::cerr << "linkctl: error: " << printable(e.what()) << "\n";
    return e.exit_code();
  } catch (const SQLite::Exception& e) {
    auto err = database_error(e, env.opts.db);
    std::cerr << "linkctl: error: " << err.what() << "\n";
    return err.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "linkctl: error: internal: " << e.what() << "\n";
    return static_cast<int>(ErrorKind::internal);
  }
}
