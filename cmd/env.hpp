// SPDX-License-Identifier: MIT
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "admin.hpp"
#include "clock.hpp"
#include "document.hpp"
#include "i18n.hpp"
#include "identity.hpp"
#include "period.hpp"
#include "policy.hpp"
#include "render.hpp"
#include "session.hpp"
#include "store.hpp"

namespace linkctl::cli {

/// Options every subcommand accepts (SPEC section 7), each also an environment variable.
struct GlobalOptions {
  std::string db = "./linkctl.db";
  std::string as;
  std::string format;
  std::string now;
  std::string today;
  bool no_header = false;
};

/// A format that is a document for people rather than rows (SPEC section 13): only
/// `report monthly|quarterly|yearly` (both) and `stats` (xlsx) write them.
enum class Document { none, xlsx, html };

/// Where results and diagnostics go: data on stdout (or the --output file), warnings on stderr.
class Output {
 public:
  /// Resolves the format: --format, else table on a terminal, tsv otherwise; and the
  /// width a table fits: COLUMNS when set, else the terminal's, else unlimited.
  /// --format xlsx|html sets document() instead.
  void configure(const std::string& format_option, bool no_header);
  Format format() const { return format_; }
  Document document() const { return document_; }
  RenderOptions options() const { return {!no_header_, colour_, width_, bom_}; }
  bool colour() const { return colour_; }
  void print(const std::string& text);
  /// A sentence for a person on stdout ("applied X as policy v2"): translated in a table,
  /// the format of a terminal; in tsv/csv/json, which scripts read, always the original.
  template <typename... Args>
  void say(const char* msgid, Args&&... args) {
    print(format_ == Format::table ? trf(msgid, args...) : fmt::format(fmt::runtime(msgid), args...));
  }
  /// What a presenter built for this format.
  void show(const View& view);
  /// As show(view), into the file `output` (written atomically) when it is not empty.
  void show(const View& view, const std::string& output);
  /// The month as a workbook or a page, as document() asks, into `output` or onto stdout
  /// (a workbook is refused on a terminal: exit 2, with a hint).
  void publish(const MonthDocument& month, const std::string& output);
  /// A quarter or a year as a workbook or a page, as publish(month).
  void publish(const PeriodDocument& period, const std::string& output);
  /// One sheet as a workbook (stats --format xlsx), as publish.
  void publish(const Sheet& sheet, const std::string& output);
  void rows(const Rows& rows);
  /// Rows as `each` hands them to its callback: streamed in tsv/csv/json (memory does not
  /// grow with the rows), collected first for a table (whose columns are aligned).
  using RowSink = std::function<void(nlohmann::ordered_json&&)>;
  void rows(const std::vector<std::string>& columns, const std::function<void(const RowSink&)>& each);
  void record(const Rows& one);
  /// CSV for spreadsheet programs, when `wanted` and the format is csv: the UTF-8 byte-order
  /// mark they want first, and text cells they would run as formulas neutralised (a leading ').
  void bom(bool wanted);
  /// For commands whose output is a file (export): csv unless tsv or json is asked for.
  Format file_format(const std::string& format_option) const;
  /// "linkctl: ..." on stderr: a confirmation that is not data.
  void note(const std::string& message);
  /// "linkctl: warning: ..." on stderr, each distinct message once per command.
  void warn(const std::string& message);

 private:
  /// `bytes` into `output` (atomically) or onto stdout; `binary` bytes never onto a terminal.
  void emit(const std::string& bytes, bool binary, const std::string& output);
  Format format_ = Format::tsv;
  Document document_ = Document::none;
  bool bom_ = false;
  bool colour_ = false;
  bool no_header_ = false;
  std::size_t width_ = 0;
  std::set<std::string> warned_;
};

/// The dependencies a subcommand needs, opened on first use.
/// SPEC section 7: `overdue --check` found overdue stages.
inline constexpr int kExitOverdue = 8;

class Env {
 public:
  GlobalOptions opts;
  /// What main() returns when the command succeeds (0, or kExitOverdue).
  int exit_status = 0;
  Output& out() { return out_; }

  Store& store();
  /// How long a writer waits for the write lock: LINKCTL_BUSY_TIMEOUT, else the default.
  int busy_timeout_ms() const;
  /// The policy in force in the database.
  const Policy& policy();
  std::int64_t policy_version();
  /// The clock, honouring --now/--today/LINKCTL_NOW only when `policy` allows it.
  const Clock& clock_for(const Policy& policy);
  const Clock& clock() { return clock_for(policy()); }
  /// Today's local date in the policy's time zone.
  Date today() { return policy().organization.timezone.local_date(clock().now()); }
  OsUser os_user() const;
  /// Who runs the command: the OS account, or under identity = "database" (in the
  /// policy in force) the database session user; and --as.
  Requester requester();
  /// The OS account and --as, before there is a database (init: init_database asks the
  /// new database for its session user itself under identity = "database").
  Requester os_requester() const;
  /// The acting person under the policy in force.
  Actor actor();
  /// Reads a policy file ("-" for stdin), for check/apply/init.
  std::string read_policy_file(const std::string& path);
  /// Loads and validates policy text, printing warnings; throws Error(invalid) with the errors printed.
  std::shared_ptr<const Policy> load_checked(const std::string& text, const std::string& source);
  /// The store, policy, clock and actor a ticket verb needs.
  Session session();
  /// Prints the calendar-coverage warning for the years a computation touched.
  void warn_uncovered(const std::set<int>& years);
  /// Whether this command committed a write transaction.
  bool committed() { return store_ && store_->connection().has_committed(); }
  /// Forgets the database, policy and clock (closing the connection) before the command
  /// runs again; the output keeps the warnings it gave, so they are not repeated.
  void reset() {
    store_.reset();
    policy_.reset();
    policy_version_ = 0;
    clock_.reset();
    exit_status = 0;
  }

 private:
  Output out_;
  std::optional<Store> store_;
  std::shared_ptr<const Policy> policy_;
  std::int64_t policy_version_ = 0;
  std::unique_ptr<Clock> clock_;
};

// One registration function per subcommand file, called from main.cpp.
void register_init(CLI::App& app, Env& env);
void register_policy(CLI::App& app, Env& env);
void register_calendar(CLI::App& app, Env& env);
void register_audit(CLI::App& app, Env& env);
void register_copy(CLI::App& app, Env& env);
void register_completion(CLI::App& app, Env& env);
void register_file(CLI::App& app, Env& env);
void register_approve(CLI::App& app, Env& env);
void register_reject(CLI::App& app, Env& env);
void register_route(CLI::App& app, Env& env);
void register_close(CLI::App& app, Env& env);
void register_confirm(CLI::App& app, Env& env);
void register_explain(CLI::App& app, Env& env);
void register_rate(CLI::App& app, Env& env);
void register_reset(CLI::App& app, Env& env);
void register_escalate(CLI::App& app, Env& env);
void register_comment(CLI::App& app, Env& env);
void register_show(CLI::App& app, Env& env);
void register_history(CLI::App& app, Env& env);
void register_deadlines(CLI::App& app, Env& env);
void register_list(CLI::App& app, Env& env);
void register_inbox(CLI::App& app, Env& env);
void register_events(CLI::App& app, Env& env);
void register_overdue(CLI::App& app, Env& env);
void register_report(CLI::App& app, Env& env);
void register_stats(CLI::App& app, Env& env);
void register_spotcheck(CLI::App& app, Env& env);
void register_export(CLI::App& app, Env& env);
void register_import(CLI::App& app, Env& env);
void register_doctor(CLI::App& app, Env& env);

/// A lifecycle verb that takes one required text (a reason or a result).
using TextVerb = Outcome (*)(const Policy&, const Actor&, const Moment&, const Ticket&, const std::string&);
/// Registers `name ID OPTION TEXT`: one transaction applying `verb`, then report_change.
void register_text_verb(CLI::App& app, Env& env, const char* name, const char* help, const char* option,
                        const char* option_help, TextVerb verb);
/// A lifecycle verb that takes an optional note (a comment or a reason).
using NoteVerb = Outcome (*)(const Policy&, const Actor&, const Moment&, const Ticket&,
                             const std::optional<std::string>&);
/// Registers `name ID [OPTION TEXT]`: one transaction applying `verb`, then report_change.
void register_note_verb(CLI::App& app, Env& env, const char* name, const char* help, const char* option,
                        const char* option_help, NoteVerb verb);

/// After a verb: a one-line summary on a terminal table, else the ticket as a record.
void report_change(Env& env, const Applied& applied);
/// Reads a text argument given as a file ("-": standard input).
std::string read_text_file(const std::string& path, std::string_view what);
/// Adds the positional ticket ID with a validator that explains what an id looks like.
CLI::Option* add_ticket_id(CLI::App* cmd, std::int64_t& id);
/// Validator: a whole number, 0 or more ("--since 12").
CLI::Validator whole_number(bool positive);
/// The option's value when it was given on the command line (even if empty).
std::optional<std::string> given(CLI::App* cmd, const std::string& name, const std::string& value);
/// Parses --severity values.
Severity severity_option(const std::string& value);
/// Parses --month YYYY-MM into the month's first day.
Date month_option(const std::string& text);

/// The period options every verb that takes a period shares: --month, --week, --quarter,
/// --year, --from/--to. Filled by CLI11; read with period() in the callback.
struct PeriodOptions {
  std::string month, week, quarter, year, from, to;
  CLI::App* cmd = nullptr;
  std::string from_name = "--from", to_name = "--to";
  /// Exactly one period form, or a usage Error naming the accepted forms.
  Period period() const;
  /// As a filter: no period at all is no limit, and the range options may each be given
  /// alone (an open end); otherwise as period(). Dates [first, end).
  std::pair<std::optional<Date>, std::optional<Date>> span() const;
};
/// Adds the five period options to `cmd` (each "one of the period forms" in its help).
std::shared_ptr<PeriodOptions> add_period_options(CLI::App* cmd);
/// Adds --month, --week, --quarter and --year to a verb that has its own open-ended date
/// range options `from_name`/`to_name` (list: --since/--until), which the caller binds to from/to.
std::shared_ptr<PeriodOptions> add_named_period_options(CLI::App* cmd, const char* from_name, const char* to_name);

}  // namespace linkctl::cli
