// SPDX-License-Identifier: MIT
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "date.hpp"
#include "error.hpp"
#include "scoring.hpp"
#include "ticket.hpp"

namespace linkctl {

/// A policy as stored, one row per `policy apply`.
struct PolicyVersion {
  std::int64_t version = 0;
  std::string applied_at, applied_by, source, sha256, text;
  std::optional<std::string> compiled;  ///< the validated policy's snapshot (schema 2 on; policy_snapshot.hpp)
};

/// What an accepted verb appends to the audit log.
struct EventDraft {
  std::optional<std::int64_t> ticket_id;
  std::string verb;
  std::string actor;
  std::optional<std::string> via;  ///< OS login when it is not the actor ("zhou as li.na")
  Instant at{};
  Instant recorded_at{};
  bool clock_override = false;
  std::optional<std::string> state_before, state_after;
  nlohmann::ordered_json changes = nlohmann::ordered_json::object();
  std::optional<std::string> note;
  std::optional<std::string> ticket_digest;  ///< set by the store for ticket events
};

/// A stored event with its place in the hash chain.
struct Event : EventDraft {
  std::int64_t id = 0;
  std::int64_t policy_version = 0;
  std::string changes_json;  ///< `changes` exactly as stored and hashed
  std::string prev_hash, hash;
};

/// The hash an event must carry: SHA-256 over the previous hash and every stored field.
std::string event_hash(const Event& e, const std::string& prev_hash);
/// prev_hash of the first event.
inline const std::string kGenesisHash(64, '0');

/// A ticket's current, unfinished stage, with what `overdue` shows of the ticket.
struct OpenStage {
  Stage stage;
  std::int64_t ticket = 0;
  Severity severity = Severity::normal;
  State state = State::pending;
  bool escalated = false;
  std::string title;
};

/// Which open stages to look at for `overdue`. Unset fields do not filter.
struct OpenStageQuery {
  Date due_by{};                          ///< due (the escalation's date, once escalated) on or before
  std::optional<std::string> dept;       ///< the department that owes the stage
  std::optional<Severity> severity;
  std::optional<std::vector<std::string>> visible_depts;  ///< nullopt: everything
};

/// Which tickets to list. Unset fields do not filter.
struct TicketFilter {
  std::vector<State> states;
  std::optional<std::string> dept;       ///< sending or receiving
  std::optional<std::string> from_dept, to_dept;
  std::optional<Severity> severity;
  std::optional<std::string> category;
  std::optional<bool> escalated;
  bool overdue_only = false;             ///< prefilter; callers refine with Ticket::overdue_stages
  std::optional<Date> overdue_today;     ///< the local date overdue_only is judged against
  std::optional<Instant> filed_from, filed_before;
  std::optional<std::vector<std::string>> visible_depts;  ///< nullopt: everything
  std::optional<std::int64_t> after_id;  ///< keyset paging
  std::optional<std::int64_t> limit;
};

/// One inbox query: what waits on a person.
struct InboxQuery {
  std::string person;
  std::vector<std::string> lead_of;  ///< departments the person leads
  bool supervisor = false;
  Date today{};
};

/// A month's report as frozen by the supervisor.
struct FrozenReport {
  std::string month, frozen_at, frozen_by;
  std::int64_t policy_version = 0;
  std::string calendar_sha256;
  std::string report;  ///< JSON text of the MonthlyReport
};

/// A hash kept outside the database: event `event` had hash `hash` ("N:HASH").
struct Anchor {
  std::int64_t event = 0;
  std::string hash;
};

/// Result of `audit verify`.
struct AuditResult {
  bool ok = true;
  std::int64_t events_checked = 0;
  std::int64_t tickets_checked = 0;
  std::optional<std::int64_t> first_bad_event;
  std::string problem;  ///< one line, empty when ok
  std::string head_hash;  ///< the last event's hash: record it elsewhere to anchor the chain
  std::int64_t head_event = 0;
  /// The events that wrote rows of other tables (policy versions, frozen reports,
  /// spot checks, announced lapses), for comparing with those rows.
  std::vector<Event> row_events;

  void fail(std::optional<std::int64_t> event, std::string why) {
    ok = false;
    first_bad_event = event;
    problem = std::move(why);
  }
};

/// A spot check as stored.
struct SpotcheckRow {
  std::int64_t id = 0, ticket_id = 0;
  std::string finding, dept, at, on_date, by_person;
  std::optional<std::string> note;
};

/// An announced lapse as stored, with the ticket and kind of its stage.
struct LapseRow {
  std::int64_t stage_id = 0;
  std::optional<std::int64_t> ticket_id;  ///< nullopt when the stage does not exist
  std::string kind, due, recipient, announced_at;
};

/// Every row outside tickets and events that feeds a score, a permission or an announcement.
struct AuditRows {
  std::vector<PolicyVersion> policies;
  std::vector<FrozenReport> frozen;
  std::vector<SpotcheckRow> spotchecks;
  std::vector<LapseRow> lapses;
};

/// The one-line Error (exit 7) for an SQLite failure on the database at `path`:
/// locked, read-only, full disk or I/O error, damaged, or anything else.
Error database_error(const SQLite::Exception& e, const std::string& path);

/// Owns the SQLite connection and every SQL statement linkctl runs.
class Store {
 public:
  /// How long a writer waits for another process's write lock before giving up (exit 7).
  static constexpr int kDefaultBusyTimeoutMs = 10000;

  /// Opens an existing linkctl database, migrating an older schema in one
  /// transaction. Throws Error(database) when the file is missing, not a
  /// linkctl database, corrupt, or made by a newer linkctl.
  static Store open(const std::string& path, int busy_timeout_ms = kDefaultBusyTimeoutMs);
  /// Creates a new database at `path` with the current schema and runs `build` on it
  /// (which commits its first rows). The file is built under a temporary name beside
  /// `path` and renamed into place only when `build` returns, so an interrupted init
  /// leaves nothing at `path`. Throws Error(conflict) when `path` already exists.
  static void create(const std::string& path, const std::function<void(Store&)>& build);
  /// Throws Error(conflict) when `path` is a non-empty file (init never overwrites).
  static void require_absent(const std::string& path);
  /// An in-memory database with the current schema (tests).
  static Store memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// A write transaction taken with BEGIN IMMEDIATE: the write lock up front,
  /// waiting up to the busy timeout. Rolls back unless commit() is called.
  class WriteTx {
   public:
    WriteTx(SQLite::Database& db, int busy_timeout_ms);
    WriteTx(const WriteTx&) = delete;
    WriteTx& operator=(const WriteTx&) = delete;
    ~WriteTx();
    void commit();

   private:
    SQLite::Database& db_;
    bool done_ = false;
  };
  WriteTx begin_write();

  /// PRAGMA user_version of the open file.
  int schema_version();
  /// The schema version this build writes.
  static int latest_schema_version();
  const std::string& path() const { return path_; }

  // Policies.
  std::optional<PolicyVersion> current_policy();
  std::vector<PolicyVersion> policy_history();
  std::int64_t add_policy_version(const PolicyVersion& v);
  /// The event that applied policy `version` (verb init or policy.apply), if any.
  std::optional<Event> policy_event(std::int64_t version);
  /// The policy version the newest event was judged under (0 when there are no events).
  std::int64_t last_event_policy_version();

  // Events.
  /// Appends `e` to the hash chain under `policy_version`; returns its id.
  /// A ticket event records the digest of its ticket as stored at that moment.
  std::int64_t append_event(const EventDraft& e, std::int64_t policy_version);
  /// Events with id > since, oldest first, at most `limit` (0: all).
  std::vector<Event> events_since(std::int64_t since, std::int64_t limit);
  std::vector<Event> ticket_events(std::int64_t ticket_id);
  /// Walks the chain, checks each `anchors` entry against the event it names, and
  /// each ticket against its last event; collects the events that wrote other rows.
  AuditResult verify_audit(const std::vector<Anchor>& anchors = {});
  /// The rows that audit_rows() compares with their events (lib/audit).
  AuditRows audit_rows();
  /// The hash of event `id`, if it exists.
  std::optional<std::string> event_hash_of(std::int64_t id);
  /// The newest event's id and hash (0 and the genesis hash when there is none).
  Anchor head();

  // Tickets.
  /// Inserts a new ticket and its current stages; sets their ids.
  void insert_ticket(Ticket& t);
  /// Writes the changes between `before` and `after`; new stages get ids.
  void update_ticket(const Ticket& before, Ticket& after);
  /// Writes a stage that is no longer one of its ticket's current stages.
  void save_stage(std::int64_t ticket_id, Stage& s) { write_stage(ticket_id, s, std::nullopt); }
  std::optional<Ticket> load_ticket(std::int64_t id);
  std::optional<Ticket> find_by_ref(const std::string& ref);
  /// Ids of up to `limit` unfinished tickets from or to department `dept`.
  std::vector<std::int64_t> open_tickets_of(const std::string& dept, int limit);
  std::vector<Ticket> list_tickets(const TicketFilter& f);
  /// Calls `visit` for each ticket matching `f`, in id order, without holding them all (export).
  void each_ticket(const TicketFilter& f, const std::function<void(Ticket&&)>& visit);
  /// Current, unfinished stages due by q.due_by (a superset of the overdue ones: callers
  /// judge each against the clock), by stage id. Starts from the open stages' index.
  std::vector<OpenStage> open_stages(const OpenStageQuery& q);
  /// Tickets waiting on a person (not sorted).
  std::vector<Ticket> inbox(const InboxQuery& q);
  /// Every stage instance of a ticket, oldest first.
  std::vector<Stage> ticket_stages(std::int64_t ticket_id);
  /// SHA-256 over a ticket's row and every one of its stages, as stored.
  std::string ticket_digest(std::int64_t ticket_id);
  /// ticket_digest() of a ticket just inserted, from memory (its current stages are all it has).
  static std::string digest_of_new(const Ticket& t);

  // Scoring and supervision.
  /// Every stage that can carry a penalty into the month [first, last] (local
  /// dates; [from, to) the same month as instants), and the month's spot checks.
  enum class MonthScope { penalties, everything };
  /// `penalties`: only the stages that can carry a penalty (the report); `everything`
  /// also those that merely started or finished in the month (stats).
  MonthFacts month_facts(Date first, Date last, Instant from, Instant to, MonthScope scope);
  void add_spotcheck(std::int64_t ticket_id, bool fake, const std::string& dept, Instant at, Date on,
                     const std::string& by, const std::optional<std::string>& note);
  /// Done tickets rated within [first, last], by id.
  std::vector<std::int64_t> rated_tickets(Date first, Date last);
  /// True when the lapse was announced to `recipient` (or, before schema 4, to everyone).
  bool lapse_announced(std::int64_t stage_id, Date due, const std::string& recipient);
  void announce_lapse(std::int64_t stage_id, Date due, const std::string& recipient, Instant at);
  std::optional<FrozenReport> frozen_report(const std::string& month);
  /// The report.freeze event of `month`, if any.
  std::optional<Event> freeze_event(const std::string& month);
  void freeze_report(const FrozenReport& r);

  /// One column of a row as the store writes it (NULL, integer or text).
  struct Column {
    const char* name;
    std::variant<std::monostate, std::int64_t, std::string> value;
  };
  /// A ticket's row and a stage's row, every column in the order digests hash them.
  static std::vector<Column> ticket_row(const Ticket& t);
  static std::vector<Column> stage_row(std::int64_t ticket_id, const Stage& s);

  /// Runs `fn` on the raw connection (tests and the benchmark only).
  SQLite::Database& raw() { return *db_; }

 private:
  Store(std::unique_ptr<SQLite::Database> db, std::string path, int busy_timeout_ms = kDefaultBusyTimeoutMs);
  /// Opens `path` read-only and immutable: a database in a directory the user cannot
  /// write, with no -wal file to read (SQLite would need to create its -shm there).
  static Store open_immutable(const std::string& path, int busy_timeout_ms);
  void configure();
  /// Refuses a file that is not a linkctl database (another application's, or damaged).
  void require_linkctl_file();
  void migrate();
  void write_stage(std::int64_t ticket_id, Stage& s, const std::optional<Stage>& before);
  std::vector<Ticket> query_tickets(const std::string& where, const std::function<void(SQLite::Statement&)>& bind);

  /// A prepared statement for one of the SQL constants, prepared once per connection, reset for reuse.
  SQLite::Statement& cached(const char* sql);
  /// The same for SQL built at run time (an UPDATE of the columns that changed).
  SQLite::Statement& cached(const std::string& sql);
  /// UPDATE table SET (the columns whose values differ) WHERE id = id; nothing when none do.
  /// Naming only changed columns keeps SQLite from rewriting the other columns' index entries.
  void update_changed(const char* table, std::int64_t id, const std::vector<Column>& before, const std::vector<Column>& after);

  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> built_statements_;
  std::string path_;
  int busy_timeout_ms_ = kDefaultBusyTimeoutMs;
};

}  // namespace linkctl
