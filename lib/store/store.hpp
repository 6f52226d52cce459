// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit.hpp"
#include "database.hpp"
#include "date.hpp"
#include "digest.hpp"
#include "event.hpp"
#include "lapses.hpp"
#include "scoring.hpp"
#include "ticket.hpp"

namespace linkctl {

/// Which open stages to look at for `overdue`. Unset fields do not filter.
struct OpenStageQuery {
  Date due_by{};                    ///< due (the escalation's date, once escalated) on or before
  std::optional<std::string> dept;  ///< the department that owes the stage
  std::optional<Severity> severity;
  std::optional<std::vector<std::string>> visible_depts;  ///< nullopt: everything
  /// With visible_depts: also the stages of tickets whose approval chain names one of these
  /// approvers, a superset the caller narrows to the levels reached (SPEC 11).
  std::vector<std::string> approvers;
};

/// Which tickets to list. Unset fields do not filter.
struct TicketFilter {
  std::vector<State> states;
  std::optional<std::string> dept;  ///< sending or receiving
  std::optional<std::string> from_dept, to_dept;
  std::optional<Severity> severity;
  std::optional<std::string> category;
  std::optional<bool> escalated;
  bool overdue_only = false;          ///< prefilter; callers refine with Ticket::overdue_stages
  std::optional<Date> overdue_today;  ///< the local date overdue_only is judged against
  std::optional<Instant> filed_from, filed_before;
  std::optional<std::vector<std::string>> visible_depts;  ///< nullopt: everything
  /// With visible_depts: also the tickets whose approval chain names one of these approvers
  /// ("dept:CODE", "person:ID"), a superset that `keep` narrows to the levels reached (SPEC 11).
  std::vector<std::string> approvers;
  /// When set, only the tickets it keeps are visited; `limit` counts those.
  std::function<bool(const Ticket&)> keep;
  std::optional<std::int64_t> after_id;  ///< keyset paging
  std::optional<std::int64_t> limit;
};

/// One inbox query: what waits on a person.
struct InboxQuery {
  std::string person;
  std::vector<std::string> lead_of;  ///< departments the person leads
  bool supervisor = false;
  bool chained_pending = false;  ///< also every pending ticket of an approval chain (the caller keeps its level's)
  Date today{};
};

/// linkctl's data over one database connection: every SQL statement linkctl runs,
/// as named constants with bound parameters, behind domain methods. Nothing above
/// this class names a database engine; engine errors arrive as db::DatabaseError.
class Store {
 public:
  /// How long a writer waits for another process's write lock before giving up (exit 7).
  static constexpr int kDefaultBusyTimeoutMs = 10000;

  /// Opens an existing linkctl database, migrating an older schema in one
  /// transaction. Throws Error(database) when it is missing, not a linkctl
  /// database, corrupt, or made by a newer linkctl.
  static Store open(const std::string& where, int busy_timeout_ms = kDefaultBusyTimeoutMs);
  /// Creates a new database at `where` with the current schema and runs `build` on it
  /// (which commits its first rows). Nothing appears at `where` unless `build`
  /// returns. Throws Error(conflict) when `where` already holds a database.
  static void create(const std::string& where, const std::function<void(Store&)>& build);
  /// `linkctl doctor` on the database at `where`, changing nothing: a database that cannot
  /// be opened is one finding (a problem), not an exception.
  static std::vector<db::Finding> diagnose(const std::string& where, int busy_timeout_ms = kDefaultBusyTimeoutMs);
  /// Throws Error(conflict) when `where` already holds a database (init never overwrites).
  static void require_absent(const std::string& where);
  /// An in-memory database with the current schema (tests).
  static Store memory();
  /// The schema version this build writes.
  static int latest_schema_version();

  explicit Store(std::unique_ptr<db::Connection> db);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// The write transaction of one verb: other writers wait (up to the busy timeout)
  /// until it commits. Rolls back unless commit() is called.
  class WriteTx {
   public:
    explicit WriteTx(db::Connection& db);
    WriteTx(const WriteTx&) = delete;
    WriteTx& operator=(const WriteTx&) = delete;
    WriteTx(WriteTx&& other) noexcept : db_(other.db_), done_(other.done_), began_ns_(other.began_ns_) {
      other.done_ = true;
    }
    ~WriteTx();
    void commit();

   private:
    db::Connection& db_;
    bool done_ = false;
    std::int64_t began_ns_ = 0;  ///< LINKCTL_TRACE_LOCK: when the lock was taken
  };
  WriteTx begin_write();

  int schema_version();
  /// The database's name in messages.
  const std::string& name() const;
  /// The connection itself: tests (to change rows behind linkctl's back) and the benchmark.
  db::Connection& connection() { return *db_; }

  // Policies.
  std::optional<PolicyVersion> current_policy();
  std::vector<PolicyVersion> policy_history();
  std::int64_t add_policy_version(const PolicyVersion& v);
  /// What loading the policy in force checks it against: the id and changes of the
  /// event that applied `version`, and the policy version of the newest event.
  struct PolicySeal {
    std::int64_t event = 0;
    nlohmann::ordered_json changes;
    std::int64_t last_event_policy_version = 0;
  };
  std::optional<PolicySeal> policy_seal(std::int64_t version);
  /// current_policy() and the policy_seal() of its version, read together (one round trip on
  /// PostgreSQL: every command loads the policy in force). nullopt when there is no policy.
  struct SealedPolicy {
    PolicyVersion policy;
    std::optional<PolicySeal> seal;
  };
  std::optional<SealedPolicy> sealed_policy();

  // Events.
  /// Appends `e` to the hash chain under `policy_version`; returns its id.
  /// A ticket event records the digest of its ticket as stored at that moment.
  std::int64_t append_event(const EventDraft& e, std::int64_t policy_version);
  /// The same after `head`, the chain's newest event as the caller knows it (from head(),
  /// then from each append of the same write transaction), which it moves to the new event:
  /// many appends in one transaction read the head once.
  std::int64_t append_event(const EventDraft& e, std::int64_t policy_version, Anchor& head);
  /// Events with id > since, oldest first, at most `limit` (0: all).
  std::vector<Event> events_since(std::int64_t since, std::int64_t limit);
  std::vector<Event> ticket_events(std::int64_t ticket_id);
  /// Walks the chain, checks each `anchors` entry against the event it names, and
  /// each ticket against its last event; collects the events that wrote other rows.
  AuditResult verify_audit(const std::vector<Anchor>& anchors = {});
  /// The rows check_rows() compares with their events (lib/audit).
  AuditRows audit_rows();
  /// The hash of event `id`, if it exists.
  std::optional<std::string> event_hash_of(std::int64_t id);
  /// The newest event's id and hash (0 and the genesis hash when there is none).
  Anchor head();

  // Tickets.
  /// Inserts a new ticket and its current stages; sets their ids.
  void insert_ticket(Ticket& t);
  /// New tickets and their events, written in batches of the engine's size (import): one
  /// COPY per table and batch on PostgreSQL instead of a round trip per row. Ids are handed
  /// out here, in the order the store would hand them out, under the write lock the caller
  /// holds; the rows and events are the same as insert_ticket() and append_event() write.
  /// Nothing queued is written until flush(), which the caller runs before committing.
  /// Batches of one (SQLite's) are insert_ticket() and append_event() themselves.
  class Batch {
   public:
    /// Events go after `head` (the chain's head as the caller knows it), which each append moves.
    /// `rows`: tickets per batch (tests); 0 for the engine's (Connection::batch_rows()).
    Batch(Store& store, Anchor& head, std::int64_t policy_version, std::size_t rows = 0);
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    /// Gives `t` and its current stages their ids and queues their rows.
    void insert_ticket(Ticket& t);
    /// Queues an event after the head and returns its id; a ticket event must carry its
    /// ticket_digest (Store::digest_of_new()).
    std::int64_t append_event(const EventDraft& e);
    /// Writes everything queued.
    void flush();
    /// How many tickets are queued (after insert_ticket(): 1 when the ones before were written).
    std::size_t queued() const noexcept { return queued_; }
    /// Inside the write transaction, about to be rolled back: the ticket and stage ids taken
    /// are handed out again afterwards (PostgreSQL's sequences do not roll back).
    void rewind_ids();

   private:
    Store& store_;
    Anchor& head_;
    std::int64_t policy_version_;
    std::size_t size_;
    std::int64_t first_ticket_ = 0, next_ticket_ = 0, first_stage_ = 0, next_stage_ = 0;
    std::size_t queued_ = 0;  ///< tickets queued
    std::vector<Value> tickets_, stages_, links_, events_;
  };

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
  /// `penalties`: only the stages that can carry a penalty into the days [first, last]
  /// (the report); `everything`: also those that merely started or finished then (stats).
  /// [from, to) are the same days as instants.
  enum class MonthScope { penalties, everything };
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

  /// Copies every row of this database into `target`, a new database inside its
  /// write transaction (Store::create): policy versions, tickets, stages, events with
  /// their hashes, spot checks, announced lapses, frozen reports, ids kept. The rows are
  /// read from one snapshot and written in batches (one COPY each on PostgreSQL); the
  /// target's statistics are brought up to date. Returns the number of rows copied.
  std::int64_t copy_into(Store& target);

  /// A ticket's row and a stage's row, every column in the order digests hash them.
  static Row ticket_row(const Ticket& t);
  static Row stage_row(std::int64_t ticket_id, const Stage& s);

 private:
  void write_stage(std::int64_t ticket_id, Stage& s, const std::optional<Stage>& before);
  std::vector<Ticket> query_tickets(const std::string& where, const std::function<void(db::Statement&)>& bind);
  /// UPDATE table SET (the columns whose values differ) WHERE id = id; nothing when none do.
  /// Naming only changed columns keeps SQLite from rewriting the other columns' index entries.
  void update_changed(const char* table, std::int64_t id, const Row& before, const Row& after);

  std::unique_ptr<db::Connection> db_;
};

}  // namespace linkctl
