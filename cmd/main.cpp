// SPDX-License-Identifier: MIT
// linkctl: cross-department linkage (联动) tickets on one SQLite file or a PostgreSQL server.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <iostream>
#include <optional>
#include <random>
#include <string_view>
#include <thread>
#include <variant>

#include "env.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "linkctl/version.hpp"
#include "store.hpp"
#include "text.hpp"
#include "user_file.hpp"

using namespace linkctl;

#if defined(__SANITIZE_ADDRESS__)
// LeakSanitizer cannot inspect a setgid process (the kernel makes it non-dumpable),
// as in a shared installation; skip the leak check there rather than fail.
extern "C" int __lsan_is_turned_off() { return getegid() != getgid() || geteuid() != getuid(); }
#endif

namespace {

using Register = void (*)(CLI::App&, cli::Env&);
// Every subcommand, in the order `linkctl --help` lists them.
constexpr std::pair<std::string_view, Register> kVerbs[] = {
    {"init", cli::register_init},
    {"policy", cli::register_policy},
    {"file", cli::register_file},
    {"approve", cli::register_approve},
    {"reject", cli::register_reject},
    {"route", cli::register_route},
    {"close", cli::register_close},
    {"confirm", cli::register_confirm},
    {"explain", cli::register_explain},
    {"rate", cli::register_rate},
    {"reset", cli::register_reset},
    {"escalate", cli::register_escalate},
    {"comment", cli::register_comment},
    {"show", cli::register_show},
    {"history", cli::register_history},
    {"deadlines", cli::register_deadlines},
    {"list", cli::register_list},
    {"inbox", cli::register_inbox},
    {"overdue", cli::register_overdue},
    {"spotcheck", cli::register_spotcheck},
    {"report", cli::register_report},
    {"stats", cli::register_stats},
    {"export", cli::register_export},
    {"import", cli::register_import},
    {"events", cli::register_events},
    {"calendar", cli::register_calendar},
    {"completion", cli::register_completion},
    {"audit", cli::register_audit},
    {"doctor", cli::register_doctor},
    {"copy", cli::register_copy},
};

// Registers the verb the command line names, or all of them when it names none
// (top-level help, a typo) or needs them all (completion). Building every verb's
// options took a third of a short command's instructions (bench/RESULTS.md).
void register_verbs(CLI::App& app, cli::Env& env, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (const auto* global = app.get_option_no_throw(std::string(arg)); global && global->get_type_size() > 0) {
      ++i;  // a global option's value ("--as show") is not a verb
      continue;
    }
    if (arg == "-h" || arg == "--help" || arg == "completion") break;
    if (arg.starts_with("-")) continue;
    for (auto [name, add] : kVerbs)
      if (name == arg) return add(app, env);
    break;
  }
  for (auto [name, add] : kVerbs) add(app, env);
}

/// CLI11's help under a translation: its type words (TEXT, INT, a range's "in") in the user's
/// language, and the left column padded by display width, so that a Chinese word there (必填,
/// 文本) keeps the descriptions in one column. CLI11 pads by bytes.
class TranslatedHelp : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string text = CLI::Formatter::make_option_opts(opt);
    // The type part: "TEXT", "INT:ID", "INT:INT in [1 - 10000]" (a validator's name after the colon).
    static const std::pair<std::string_view, const char*> kWords[] = {
        {"TEXT", N_("TEXT")}, {"INT", N_("INT")}, {"ID", N_("ID")}, {"in", N_("in")}};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      if (j == i) {
        out += text[i++];
        continue;
      }
      std::string_view word(text.data() + i, j - i);
      const char* translated = nullptr;
      bool whole = (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == ':') &&
                   (j == text.size() || (text[j] != '-' && text[j] != '_'));
      for (auto [english, msgid] : kWords)
        if (whole && word == english) translated = _(msgid);
      out += translated ? std::string_view(translated) : word;
      i = j;
    }
    return out;
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    std::string description = make_option_desc(opt);
    std::string indent(column_width_, ' ');
    std::size_t width = display_width(name);
    std::string out = name;
    if (!description.empty()) {
      out += width >= column_width_ ? "\n" + indent : std::string(column_width_ - width, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += indent;
      }
    }
    return out + "\n";
  }
};

/// CLI11's own words in the help (its headings and groups) in the user's language; the
/// descriptions were translated as they were registered.
void localize_help(CLI::App& app) {
  if (std::string_view(_("Options")) == "Options") return;  // nothing to translate
  auto formatter = std::make_shared<TranslatedHelp>();
  for (const char* label : {N_("Usage"), N_("Positionals"), N_("OPTIONS"), N_("REQUIRED"), N_("Env"), N_("Needs"),
                            N_("Excludes"), N_("SUBCOMMAND"), N_("SUBCOMMANDS")})
    formatter->label(label, _(label));
  if (auto* version = app.get_version_ptr()) version->description(_("Display program version information and exit"));
  auto walk = [&formatter](auto& self, CLI::App* a) -> void {
    a->formatter(formatter);
    if (auto* help = a->get_help_ptr()) help->description(_("Print this help message and exit"));
    for (auto* opt : a->get_options())
      if (opt->get_group() == "Options") opt->group(_("Options"));
    for (auto* sub : a->get_subcommands({})) {
      if (sub->get_group() == "Subcommands") sub->group(_("Subcommands"));
      self(self, sub);
    }
  };
  walk(walk, &app);
}

/// Counts what reaches standard output, so that a failed command can tell whether it
/// may be run again without printing anything twice.
class CountingBuf : public std::streambuf {
 public:
  explicit CountingBuf(std::streambuf* to) : to_(to) {}
  bool wrote() const { return wrote_; }
  std::streambuf* target() const { return to_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    wrote_ = true;
    return to_->sputc(traits_type::to_char_type(c));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > 0) wrote_ = true;
    return to_->sputn(s, n);
  }
  int sync() override { return to_->pubsync(); }

 private:
  std::streambuf* to_;
  bool wrote_ = false;
};

/// SPEC section 12: a serialization failure or deadlock is retried a bounded number of times.
constexpr int kMaxAttempts = 5;

/// A command failed in a way that running it again from the start may cure.
struct Retryable {
  std::string message;
};

// CLI11's own messages, in the user's language: the few templates a person meets (an
// unexpected argument, a missing one, a missing subcommand, too many of an option), each
// marked with CLI11's English words so that the English output stays as it was. The rest
// of a validation message ("--limit: ...") comes translated from its validator.
std::string cli11_message(const std::string& what) {
  auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (what.size() <= prefix.size() || what.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    return what.substr(prefix.size());
  };
  auto before = [&](std::string_view suffix) -> std::optional<std::string> {
    if (what.size() <= suffix.size() || what.compare(what.size() - suffix.size(), suffix.size(), suffix) != 0)
      return std::nullopt;
    return what.substr(0, what.size() - suffix.size());
  };
  if (auto rest = after("The following argument was not expected: "))
    return trf("The following argument was not expected: {}", *rest);
  if (auto rest = after("The following arguments were not expected: "))
    return trf("The following arguments were not expected: {}", *rest);
  if (what == "A subcommand is required") return _("A subcommand is required");
  if (auto name = before(" is required")) return trf("{} is required", *name);
  // "--days: At Most 1 required but received 2"
  if (auto at = what.find(": At Most "), got = what.find(" required but received ");
      at != std::string::npos && got != std::string::npos && at < got)
    return trf("{}: At Most {} required but received {}", what.substr(0, at), what.substr(at + 10, got - at - 10),
               what.substr(got + 23));
  return what;
}

/// Parses the command line and runs the command once; returns its exit status, or
/// Retryable when the database asked for the whole transaction to be run again and
/// nothing has been committed, printed or read from standard input yet.
std::variant<int, Retryable> run(int argc, char** argv, cli::Env& env, const CountingBuf& out) {
  CLI::App app{
      _("linkctl: cross-department linkage (联动) tickets, deadlines and monthly scores, on one SQLite file or a "
        "PostgreSQL server.\n"
        "Example: linkctl init && linkctl calendar due --from 2026-09-29 --days 3"),
      "linkctl"};
  app.set_version_flag("--version", fmt::format("linkctl {} (schema {})", kVersion, Store::latest_schema_version()));
  app.require_subcommand(1);
  app.fallthrough();

  auto& o = env.opts;
  app.add_option("--db", o.db, _("the database: an SQLite file, or a postgresql:// URI"))
      ->envname("LINKCTL_DB")
      ->capture_default_str();
  app.add_option("--as", o.as, _("act as this person (see IDENTITY in linkctl(1))"))->envname("LINKCTL_USER");
  app.add_option("--format", o.format,
                 _("table|tsv|csv|json (default: table on a terminal, else tsv); xlsx|html (report, stats)"))
      ->envname("LINKCTL_FORMAT");
  app.add_option("--now", o.now, _("effective time, ISO-8601 (only where the policy allows a clock override)"))
      ->envname("LINKCTL_NOW");
  app.add_option("--today", o.today, _("effective date YYYY-MM-DD, 09:00 local (as --now)"));
  app.add_flag("--no-header", o.no_header, _("tsv/csv: leave out the header line"));

  app.parse_complete_callback([&env, &app] {
    // An option given with an empty value is a mistake, not "use the default".
    for (const char* name : {"--db", "--as", "--format", "--now", "--today"}) {
      auto* opt = app.get_option(name);
      if (opt->count() > 0 && opt->as<std::string>().empty())
        throw Error(ErrorKind::usage,
                    trf("{} needs a value (or leave it out, and its environment variable unset)", name));
    }
    env.out().configure(env.opts.format, env.opts.no_header);
    // Documents exist only where SPEC section 13 defines them.
    if (auto doc = env.out().document(); doc != cli::Document::none) {
      std::string path;
      for (const CLI::App* a = &app; !a->get_subcommands().empty();) {
        a = a->get_subcommands().front();
        path += (path.empty() ? "" : " ") + a->get_name();
      }
      bool report = path == "report monthly" || path == "report quarterly" || path == "report yearly";
      if (!report && !(path == "stats" && doc == cli::Document::xlsx))
        throw Error(ErrorKind::usage,
                    trf("--format {} is not for '{}': xlsx is for 'report' and 'stats', html for 'report'; use "
                        "table, tsv, csv or json",
                        env.opts.format, path));
    }
  });

  register_verbs(app, env, argc, argv);
  localize_help(app);

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
      what = trf("unknown command '{}'", argv[1]);
    else
      what = cli11_message(what);
    std::cerr << trf("linkctl: error: {} (see linkctl --help)", printable(what)) << "\n";
    return static_cast<int>(ErrorKind::usage);
  } catch (const db::DatabaseError& e) {
    if (e.failure() == db::Failure::retry && !env.committed() && !out.wrote() && !standard_input_used())
      return Retryable{e.what()};
    std::cerr << trf("linkctl: error: {}", printable(e.what())) << "\n";
    return e.exit_code();
  } catch (const Error& e) {
    std::cerr << trf("linkctl: error: {}", printable(e.what())) << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << trf("linkctl: error: internal: {}", e.what()) << "\n";
    return static_cast<int>(ErrorKind::internal);
  }
}

}  // namespace

int main(int argc, char** argv) {
  init_i18n();  // before anything registers a help text or says anything
  CountingBuf counting(std::cout.rdbuf());
  std::cout.rdbuf(&counting);
  cli::Env env;
  int status = 0;
  for (int attempt = 1;; ++attempt) {
    auto result = run(argc, argv, env, counting);
    if (auto* code = std::get_if<int>(&result)) {
      status = *code;
      break;
    }
    const auto& retry = std::get<Retryable>(result);
    if (attempt == kMaxAttempts) {
      std::cerr << trf("linkctl: error: {} (gave up after {} attempts)", printable(retry.message), kMaxAttempts)
                << "\n";
      status = static_cast<int>(ErrorKind::database);
      break;
    }
    // The transaction was rolled back: wait a little (longer each time, with jitter so that
    // the writers that collided do not collide again) and run the whole command again.
    env.reset();
    std::uniform_int_distribution<int> jitter(0, 10 << attempt);
    std::mt19937 rng(static_cast<unsigned>(::getpid()) ^ static_cast<unsigned>(attempt));
    std::this_thread::sleep_for(std::chrono::milliseconds((5 << attempt) + jitter(rng)));
  }
  std::cout.flush();
  std::cout.rdbuf(counting.target());
  return status;
}
