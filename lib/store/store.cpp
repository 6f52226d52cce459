// SPDX-License-Identifier: MIT
#include "store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>

#include "approval.hpp"
#include "hash.hpp"
#include "i18n.hpp"
#include "pg_database.hpp"
#include "sqlite_database.hpp"
#include "user_file.hpp"

namespace linkctl {
namespace {

// ---- SQL -------------------------------------------------------------------
// Positional parameters (?) only, new ids from the engine, no engine-only syntax
// where a portable form exists.

constexpr const char* kSelectLastEvent = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertEvent =
    "INSERT INTO events (id, ticket_id, verb, actor, via, at, recorded_at, clock_override, state_before, "
    "state_after, changes, note, ticket_digest, policy_version, prev_hash, hash) VALUES "
    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
#define LINKCTL_EVENT_COLUMNS                                                                                    \
  "id, ticket_id, verb, actor, via, at, recorded_at, clock_override, state_before, state_after, changes, note, " \
  "ticket_digest, policy_version, prev_hash, hash"
constexpr const char* kSelectEventsSince = "SELECT " LINKCTL_EVENT_COLUMNS " FROM events WHERE id > ? ORDER BY id";
constexpr const char* kSelectEventsSinceLimited =
    "SELECT " LINKCTL_EVENT_COLUMNS " FROM events WHERE id > ? ORDER BY id LIMIT ?";
constexpr const char* kSelectTicketEvents =
    "SELECT " LINKCTL_EVENT_COLUMNS " FROM events WHERE ticket_id = ? ORDER BY id";
constexpr const char* kSelectAllEvents = "SELECT " LINKCTL_EVENT_COLUMNS " FROM events ORDER BY id";
constexpr const char* kSelectEventHash = "SELECT hash FROM events WHERE id = ?";
constexpr const char* kSelectFreezeEvents =
    "SELECT " LINKCTL_EVENT_COLUMNS " FROM events WHERE ticket_id IS NULL AND verb = 'report.freeze' ORDER BY id";
#define LINKCTL_POLICY_COLUMNS "version, applied_at, applied_by, source, sha256, text, compiled"
// Read by every command: short, since preparing a statement costs more than running it here.
// Uses the events_admin index (schema 4): its WHERE is repeated here.
constexpr const char* kSelectPolicySeal =
    "SELECT id, changes, (SELECT x.policy_version FROM events x ORDER BY x.id DESC LIMIT 1) FROM events "
    "WHERE ticket_id IS NULL AND verb IN ('init', 'policy.apply') AND policy_version = ? ORDER BY id LIMIT 1";
// The same for the newest policy version, with that version: read with kSelectCurrentPolicy.
constexpr const char* kSelectCurrentPolicySeal =
    "SELECT id, changes, (SELECT x.policy_version FROM events x ORDER BY x.id DESC LIMIT 1), policy_version FROM "
    "events WHERE ticket_id IS NULL AND verb IN ('init', 'policy.apply') AND policy_version = (SELECT max(version) "
    "FROM policy_versions) ORDER BY id LIMIT 1";
constexpr const char* kSelectCurrentPolicy =
    "SELECT " LINKCTL_POLICY_COLUMNS " FROM policy_versions ORDER BY version DESC LIMIT 1";
constexpr const char* kSelectPolicies = "SELECT " LINKCTL_POLICY_COLUMNS " FROM policy_versions ORDER BY version";
constexpr const char* kInsertPolicy =
    "INSERT INTO policy_versions (applied_at, applied_by, source, sha256, text, compiled) VALUES (?,?,?,?,?,?) "
    "RETURNING version";

constexpr const char* kInsertTicket =
    "INSERT INTO tickets (ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, "
    "handler, result, rating, escalated, resets, filed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "RETURNING id";
// A ticket of an approval chain (schema 5) also stores the chain it was filed under.
constexpr const char* kInsertChainTicket =
    "INSERT INTO tickets (ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, "
    "handler, result, rating, escalated, resets, filed_at, updated_at, approval_chain) VALUES "
    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id";
// After an insert only the stage links change; naming no indexed column keeps
// SQLite from rewriting the ticket's index entries.
constexpr const char* kLinkStages =
    "UPDATE tickets SET approval_stage = ?, feedback_stage = ?, review_stage = ? WHERE id = ?";
constexpr const char* kInsertStage =
    "INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, "
    "escalated_due, finished_at, finished_on, outcome, explained_at, explanation) VALUES "
    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id";
constexpr const char* kInsertLevelStage =
    "INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, "
    "escalated_due, finished_at, finished_on, outcome, explained_at, explanation, level) VALUES "
    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id";

// Every stored column of a ticket but its stage links, and of a stage (not the generated
// current_due): what copy and batches insert, ids included.
#define LINKCTL_TICKET_INSERT_COLUMNS                                                                         \
  "id, ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, handler, result, " \
  "rating, escalated, resets, filed_at, updated_at, approval_chain"
constexpr int kTicketInsertCount = 19;
#define LINKCTL_STAGE_INSERT_COLUMNS                                                                    \
  "id, ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, escalated_due, " \
  "finished_at, finished_on, outcome, explained_at, explanation, level"
constexpr int kStageInsertCount = 17;
constexpr int kEventCount = 16;

#define LINKCTL_STAGE_COLS(a)                                                                                         \
  a ".id, " a ".kind, " a ".rule, " a ".dept, " a ".started_at, " a ".start_date, " a ".due, " a ".due_at, " a        \
    ".escalated_at, " a ".escalated_due, " a ".finished_at, " a ".finished_on, " a ".outcome, " a ".explained_at, " a \
    ".explanation, " a ".level"
constexpr int kStageColumnCount = 16;
constexpr int kTicketColumnCount = 19;
#define LINKCTL_SELECT_TICKET \
  "SELECT t.id, t.ref, t.ref_digest, t.state, t.title, t.body, t.category, t.severity, t.filer, t.from_dept, "          \
  "t.to_dept, t.handler, t.result, t.rating, t.escalated, t.resets, t.filed_at, t.updated_at, t.approval_chain, " \
  LINKCTL_STAGE_COLS("a")                                                                                          \
  ", " LINKCTL_STAGE_COLS("f") ", " LINKCTL_STAGE_COLS("r")                                                            \
  " FROM tickets t LEFT JOIN stages a ON a.id = t.approval_stage LEFT JOIN stages f ON f.id = t.feedback_stage "       \
  "LEFT JOIN stages r ON r.id = t.review_stage"
constexpr const char* kSelectTicket = LINKCTL_SELECT_TICKET;
constexpr const char* kSelectTicketById = LINKCTL_SELECT_TICKET " WHERE t.id = ?";
constexpr const char* kSelectTicketByRef = LINKCTL_SELECT_TICKET " WHERE t.ref = ?";
constexpr const char* kSelectStages =
    "SELECT " LINKCTL_STAGE_COLS("s") " FROM stages s WHERE s.ticket_id = ? ORDER BY s.id";
constexpr const char* kSelectOpenTicketsOf =
    "SELECT id FROM tickets WHERE (from_dept = ? OR to_dept = ?) AND state IN "
    "('pending', 'routed', 'assigned', 'handled', 'answered') ORDER BY id LIMIT ?";

// What a ticket digest covers: every column of schema v1, named, so that a later
// migration adding a column does not change the digests of existing tickets. The
// columns of schema 5 come last and count only when set (see ticket_digest()), so
// tickets without an approval chain keep their digests.
constexpr const char* kDigestTicket =
    "SELECT id, ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, handler, result, "
    "rating, escalated, resets, filed_at, updated_at, approval_stage, feedback_stage, review_stage, approval_chain "
    "FROM tickets WHERE id = ?";
constexpr const char* kDigestStages =
    "SELECT id, ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, escalated_due, "
    "finished_at, finished_on, outcome, explained_at, explanation, level FROM stages WHERE ticket_id = ? ORDER BY id";

// Each ticket must be explained by its events: filed by one, and exactly as its last event left it.
constexpr const char* kTicketsWithLastEvent =
    "SELECT t.id, t.state, e.id, e.state_after, e.ticket_digest FROM tickets t LEFT JOIN events e ON e.id = "
    "(SELECT max(x.id) FROM events x WHERE x.ticket_id = t.id) ORDER BY t.id";
constexpr const char* kOrphanStage =
    "SELECT s.id, s.ticket_id FROM stages s WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = s.ticket_id) LIMIT "
    "1";
constexpr const char* kSelectFrozenReports =
    "SELECT month, frozen_at, frozen_by, policy_version, calendar_sha256, report FROM frozen_reports ORDER BY month";
constexpr const char* kSelectSpotchecks =
    "SELECT id, ticket_id, finding, dept, at, on_date, by_person, note FROM spotchecks ORDER BY id";
constexpr const char* kSelectAnnouncedLapses =
    "SELECT l.stage_id, s.ticket_id, s.kind, l.due, l.recipient, l.announced_at FROM announced_lapses l "
    "LEFT JOIN stages s ON s.id = l.stage_id ORDER BY l.stage_id, l.due, l.recipient";

constexpr const char* kSelectMonthSpotchecks =
    "SELECT ticket_id, on_date, dept, finding FROM spotchecks WHERE on_date BETWEEN ? AND ? ORDER BY id";
constexpr const char* kInsertSpotcheck =
    "INSERT INTO spotchecks (ticket_id, finding, dept, at, on_date, by_person, note) VALUES (?,?,?,?,?,?,?)";
constexpr const char* kSelectRatedTickets =
    "SELECT DISTINCT s.ticket_id FROM stages s JOIN tickets t ON t.id = s.ticket_id "
    "WHERE s.kind = 'review' AND s.finished_on BETWEEN ? AND ? "
    "AND s.outcome IN ('satisfied', 'fair', 'unsatisfied') AND t.state = 'done' ORDER BY s.ticket_id";
constexpr const char* kSelectLapseAnnounced =
    "SELECT 1 FROM announced_lapses WHERE stage_id = ? AND due = ? AND recipient IN ('', ?)";
constexpr const char* kInsertAnnouncedLapse =
    "INSERT INTO announced_lapses (stage_id, due, recipient, announced_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING";
constexpr const char* kSelectFrozenReport =
    "SELECT month, frozen_at, frozen_by, policy_version, calendar_sha256, report FROM frozen_reports WHERE month = ?";
constexpr const char* kInsertFrozenReport =
    "INSERT INTO frozen_reports (month, frozen_at, frozen_by, policy_version, calendar_sha256, report) VALUES "
    "(?,?,?,?,?,?)";

// Overdue prefilter for one stage alias: a superset of Stage::overdue (hour-based
// deadlines are judged in C++ afterwards). Takes `today` three times.
std::string overdue_sql(const char* a) {
  return fmt::format(
      "({0}.id IS NOT NULL AND (({0}.finished_on IS NULL AND ? >= {0}.due) OR {0}.finished_on >= {0}.due OR "
      "({0}.escalated_due IS NOT NULL AND (({0}.finished_on IS NULL AND ? > {0}.escalated_due) OR "
      "{0}.finished_on > {0}.escalated_due))))",
      a);
}
constexpr int kOverdueSqlParams = 2;

// Parameters of a statement built at run time, in the order their `?` appear.
class Params {
 public:
  /// Adds a value and returns its placeholder.
  const char* add(Value v) {
    values_.push_back(std::move(v));
    return "?";
  }
  /// "?, ?, ?" for each value.
  std::string list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + std::string(add(v));
    return out;
  }
  void bind(db::Statement& st) const {
    for (std::size_t i = 0; i < values_.size(); ++i) st.bind(static_cast<int>(i + 1), values_[i]);
  }

 private:
  std::vector<Value> values_;
};

// The id an INSERT ... RETURNING gave its row.
std::int64_t inserted_id(db::Statement& st) {
  if (!st.step()) throw Error(ErrorKind::internal, _("an insert returned no id"));
  auto id = st.integer(0);
  st.exec();  // to the end of the statement
  return id;
}

// ---- reading rows -------------------------------------------------------------

[[noreturn]] void corrupt(std::string_view what, std::string_view value) {
  throw Error(ErrorKind::database,
              trf("the database holds an unreadable {} '{}'; it was changed outside linkctl (run linkctl audit verify)",
                  what, value));
}

Instant instant_col(const db::Statement& st, int c) {
  auto s = st.text(c);
  if (auto t = parse_utc_instant(s)) return *t;
  corrupt("time", s);
}
std::optional<Instant> opt_instant_col(const db::Statement& st, int c) {
  if (st.is_null(c)) return std::nullopt;
  return instant_col(st, c);
}
Date date_col(const db::Statement& st, int c) {
  auto s = st.text(c);
  if (auto d = parse_date(s)) return *d;
  corrupt("date", s);
}
std::optional<Date> opt_date_col(const db::Statement& st, int c) {
  if (st.is_null(c)) return std::nullopt;
  return date_col(st, c);
}

std::optional<Stage> read_stage(const db::Statement& st, int at) {
  if (st.is_null(at)) return std::nullopt;
  Stage s;
  s.id = st.integer(at);
  auto kind = st.text(at + 1);
  if (auto k = parse_stage_kind(kind))
    s.kind = *k;
  else
    corrupt("stage kind", kind);
  auto rule = st.text(at + 2);
  if (auto r = parse_stage_rule(rule))
    s.rule = *r;
  else
    corrupt("stage rule", rule);
  s.dept = st.text(at + 3);
  s.started_at = instant_col(st, at + 4);
  s.start_date = date_col(st, at + 5);
  s.due = date_col(st, at + 6);
  s.due_at = opt_instant_col(st, at + 7);
  s.escalated_at = opt_instant_col(st, at + 8);
  s.escalated_due = opt_date_col(st, at + 9);
  s.finished_at = opt_instant_col(st, at + 10);
  s.finished_on = opt_date_col(st, at + 11);
  s.outcome = st.optional_text(at + 12).value_or("");
  s.explained_at = opt_instant_col(st, at + 13);
  s.explanation = st.optional_text(at + 14).value_or("");
  if (!st.is_null(at + 15)) s.level = static_cast<int>(st.integer(at + 15));
  return s;
}

Ticket read_ticket(const db::Statement& st) {
  Ticket t;
  t.id = st.integer(0);
  t.ref = st.optional_text(1);
  t.ref_digest = st.optional_text(2);
  auto state = st.text(3);
  if (auto s = parse_state(state))
    t.state = *s;
  else
    corrupt("state", state);
  t.title = st.text(4);
  t.body = st.text(5);
  t.category = st.text(6);
  auto sev = st.text(7);
  if (auto s = parse_severity(sev))
    t.severity = *s;
  else
    corrupt("severity", sev);
  t.filer = st.text(8);
  t.from_dept = st.text(9);
  t.to_dept = st.text(10);
  t.handler = st.optional_text(11);
  t.result = st.optional_text(12);
  if (auto r = st.optional_text(13)) {
    if (auto rating = parse_rating(*r))
      t.rating = *rating;
    else
      corrupt("rating", *r);
  }
  t.escalated = st.integer(14) != 0;
  t.resets = static_cast<int>(st.integer(15));
  t.filed_at = instant_col(st, 16);
  t.updated_at = instant_col(st, 17);
  if (auto chain = st.optional_text(18)) {
    t.chain = chain_from_text(*chain);
    if (!t.chain) corrupt("approval chain", *chain);
  }
  t.approval = read_stage(st, kTicketColumnCount);
  t.feedback = read_stage(st, kTicketColumnCount + kStageColumnCount);
  t.review = read_stage(st, kTicketColumnCount + 2 * kStageColumnCount);
  return t;
}

// An event's 16 columns from column `at` on.
Event read_event(const db::Statement& st, int at = 0) {
  Event e;
  e.id = st.integer(at);
  if (!st.is_null(at + 1)) e.ticket_id = st.integer(at + 1);
  e.verb = st.text(at + 2);
  e.actor = st.text(at + 3);
  e.via = st.optional_text(at + 4);
  // Times are kept as stored text for hashing; a malformed one fails the chain check, not the read.
  e.at = parse_utc_instant(st.text(at + 5)).value_or(Instant{});
  e.recorded_at = parse_utc_instant(st.text(at + 6)).value_or(Instant{});
  e.clock_override = st.integer(at + 7) != 0;
  e.state_before = st.optional_text(at + 8);
  e.state_after = st.optional_text(at + 9);
  e.changes_json = st.text(at + 10);
  e.changes = nlohmann::ordered_json::parse(e.changes_json, nullptr, false);
  if (e.changes.is_discarded()) e.changes = nlohmann::ordered_json::object();
  e.note = st.optional_text(at + 11);
  e.ticket_digest = st.optional_text(at + 12);
  e.policy_version = st.integer(at + 13);
  e.prev_hash = st.text(at + 14);
  e.hash = st.text(at + 15);
  return e;
}

PolicyVersion read_policy(const db::Statement& st) {
  return {st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.optional_text(6)};
}

std::vector<Event> read_events(db::Statement& st) {
  std::vector<Event> out;
  while (st.step()) out.push_back(read_event(st));
  return out;
}

// ---- rows as values -----------------------------------------------------------

template <typename T, typename F>
Value value_of(const std::optional<T>& v, F format) {
  return v ? Value(format(*v)) : Value();
}
Value value_of(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value text_or_null(const std::string& v) { return v.empty() ? Value() : Value(v); }
Value stage_id(const std::optional<Stage>& s) { return s ? Value(s->id) : Value(); }
Value text(std::string_view v) { return Value(std::string(v)); }

}  // namespace

// ---- the store and its connection ---------------------------------------------

Store::Store(std::unique_ptr<db::Connection> db) : db_(std::move(db)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& where, int busy_timeout_ms) {
  if (postgres::is_uri(where)) return Store(postgres::open(where, busy_timeout_ms));
  return Store(sqlite::open(where, busy_timeout_ms));
}

void Store::create(const std::string& where, const std::function<void(Store&)>& build) {
  auto run = [&](std::unique_ptr<db::Connection> c) {
    Store s(std::move(c));
    build(s);
    return std::move(s.db_);
  };
  if (postgres::is_uri(where))
    postgres::create(where, run);
  else
    sqlite::create(where, run);
}

std::vector<db::Finding> Store::diagnose(const std::string& where, int busy_timeout_ms) {
  std::unique_ptr<db::Connection> c;
  try {
    c = postgres::is_uri(where) ? postgres::open(where, busy_timeout_ms) : sqlite::open(where, busy_timeout_ms);
  } catch (const Error& e) {
    return {{"open", db::Finding::Status::problem, e.what()}};
  }
  return c->diagnose();
}

void Store::require_absent(const std::string& where) {
  if (postgres::is_uri(where))
    postgres::require_absent(where);
  else
    sqlite::require_absent(where);
}

Store Store::memory() { return Store(sqlite::memory()); }

int Store::latest_schema_version() { return sqlite::latest_schema_version(); }

int Store::schema_version() { return db_->schema_version(); }

const std::string& Store::name() const { return db_->name(); }

namespace {

// Diagnostics of the write transaction, read once, ignored in a setgid installation:
//   LINKCTL_TRACE_LOCK=1          how long each write transaction held the lock, on stderr
//                                 after its COMMIT or ROLLBACK (bench/run.sh measures with it);
//   LINKCTL_TEST_STOP_IN_WRITE=1  the process stops itself (SIGSTOP) as soon as it holds the
//                                 write lock: tests/reliability/stall.sh, a stalled writer on cue.
struct WriteDiagnostics {
  bool trace_lock = false;
  bool stop_in_write = false;
};
const WriteDiagnostics& write_diagnostics() {
  static const WriteDiagnostics d = [] {
    auto on = [](const char* name) {
      const char* v = std::getenv(name);
      return v && *v && std::string_view(v) != "0";
    };
    if (elevated()) return WriteDiagnostics{};
    return WriteDiagnostics{on("LINKCTL_TRACE_LOCK"), on("LINKCTL_TEST_STOP_IN_WRITE")};
  }();
  return d;
}

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void trace_lock_held(std::int64_t began_ns, const char* end) {
  // After COMMIT or ROLLBACK: the lock is already released when this is written.
  std::fprintf(stderr, "linkctl: trace: write lock held %lld us (%s)\n",  // LINKCTL_TRACE_LOCK, asked for
               static_cast<long long>((steady_ns() - began_ns) / 1000), end);
}

}  // namespace

Store::WriteTx::WriteTx(db::Connection& db) : db_(db) {
  const auto& diag = write_diagnostics();  // read before the lock is taken
  db_.begin_write();
  if (diag.trace_lock || diag.stop_in_write) db_.flush();  // the lock held from here, not from the next statement
  if (diag.trace_lock) began_ns_ = steady_ns();
  if (diag.stop_in_write) std::raise(SIGSTOP);
}

Store::WriteTx::~WriteTx() {
  if (done_) return;
  db_.rollback();
  if (write_diagnostics().trace_lock) trace_lock_held(began_ns_, "rollback");
}

void Store::WriteTx::commit() {
  db_.commit();
  db_.note_commit();
  done_ = true;
  if (write_diagnostics().trace_lock) trace_lock_held(began_ns_, "commit");
}

Store::WriteTx Store::begin_write() { return WriteTx(*db_); }

// ---- policies ----------------------------------------------------------------

std::optional<PolicyVersion> Store::current_policy() {
  auto& st = db_->prepared(kSelectCurrentPolicy);
  std::optional<PolicyVersion> v;
  if (st.step()) v = read_policy(st);
  st.reset();
  return v;
}

std::vector<PolicyVersion> Store::policy_history() {
  auto st = db_->prepare(kSelectPolicies);
  std::vector<PolicyVersion> out;
  while (st->step()) out.push_back(read_policy(*st));
  return out;
}

std::int64_t Store::add_policy_version(const PolicyVersion& v) {
  auto& st = db_->prepared(kInsertPolicy);
  st.bind(1, v.applied_at);
  st.bind(2, v.applied_by);
  st.bind(3, v.source);
  st.bind(4, v.sha256);
  st.bind(5, v.text);
  st.bind(6, v.compiled);
  return inserted_id(st);
}

std::optional<Store::SealedPolicy> Store::sealed_policy() {
  auto& policy = db_->prepared(kSelectCurrentPolicy);
  policy.send();
  auto& st = db_->prepared(kSelectCurrentPolicySeal);
  st.send();  // both read in one round trip where a statement costs one
  std::optional<SealedPolicy> out;
  if (policy.step()) out.emplace(SealedPolicy{read_policy(policy), std::nullopt});
  policy.reset();
  std::int64_t sealed_version = 0;
  if (st.step()) {
    PolicySeal seal;
    seal.event = st.integer(0);
    seal.changes = nlohmann::ordered_json::parse(st.text(1), nullptr, false);
    seal.last_event_policy_version = st.is_null(2) ? 0 : st.integer(2);
    sealed_version = st.integer(3);
    if (out) out->seal = std::move(seal);
  }
  st.reset();
  // (Outside a snapshot a policy applied between the two reads could part them: asked again.)
  if (out && (!out->seal || sealed_version != out->policy.version)) out->seal = policy_seal(out->policy.version);
  return out;
}

std::optional<Store::PolicySeal> Store::policy_seal(std::int64_t version) {
  auto& st = db_->prepared(kSelectPolicySeal);
  st.bind(1, version);
  std::optional<PolicySeal> seal;
  if (st.step()) {
    seal.emplace();
    seal->event = st.integer(0);
    seal->changes = nlohmann::ordered_json::parse(st.text(1), nullptr, false);
    seal->last_event_policy_version = st.is_null(2) ? 0 : st.integer(2);
  }
  st.reset();  // a statement left stepping would hold its read transaction open
  return seal;
}

// ---- events ------------------------------------------------------------------

std::int64_t Store::append_event(const EventDraft& draft, std::int64_t policy_version) {
  // The head goes with the ticket's rows for its digest: one round trip where a statement costs one.
  auto& st = db_->prepared(kSelectLastEvent);
  st.send();
  std::optional<std::string> digest = draft.ticket_digest;
  if (draft.ticket_id && !digest) digest = ticket_digest(*draft.ticket_id);
  Anchor last{0, kGenesisHash};
  if (st.step()) last = {st.integer(0), st.text(1)};
  st.reset();
  if (digest == draft.ticket_digest) return append_event(draft, policy_version, last);
  EventDraft with_digest = draft;
  with_digest.ticket_digest = std::move(digest);
  return append_event(with_digest, policy_version, last);
}

namespace {

// The event `draft` becomes after `last`: its id, the hash of its predecessor and its own.
Event chained(const EventDraft& draft, std::int64_t policy_version, const Anchor& last) {
  Event e;
  static_cast<EventDraft&>(e) = draft;
  e.policy_version = policy_version;
  e.changes_json = changes_text(draft.changes);
  e.id = last.event + 1;
  e.prev_hash = last.hash;
  return e;
}

// An event's row, in the order of LINKCTL_EVENT_COLUMNS, appended to `out`.
void event_values(const Event& e, std::vector<Value>& out) {
  auto optional = [](const auto& v) { return v ? Value(*v) : Value(); };
  out.emplace_back(e.id);
  out.push_back(optional(e.ticket_id));
  out.emplace_back(e.verb);
  out.emplace_back(e.actor);
  out.push_back(optional(e.via));
  out.emplace_back(format_instant(e.at));
  out.emplace_back(format_instant(e.recorded_at));
  out.emplace_back(std::int64_t{e.clock_override ? 1 : 0});
  out.push_back(optional(e.state_before));
  out.push_back(optional(e.state_after));
  out.emplace_back(e.changes_json);
  out.push_back(optional(e.note));
  out.push_back(optional(e.ticket_digest));
  out.emplace_back(e.policy_version);
  out.emplace_back(e.prev_hash);
  out.emplace_back(e.hash);
}

}  // namespace

std::int64_t Store::append_event(const EventDraft& draft, std::int64_t policy_version, Anchor& last) {
  Event e = chained(draft, policy_version, last);
  if (e.ticket_id && !e.ticket_digest) e.ticket_digest = ticket_digest(*e.ticket_id);
  e.hash = event_hash(e, e.prev_hash);
  std::vector<Value> row;
  row.reserve(kEventCount);
  event_values(e, row);
  auto& st = db_->prepared(kInsertEvent);
  for (int i = 0; i < kEventCount; ++i) st.bind(i + 1, row[static_cast<std::size_t>(i)]);
  st.exec();
  last = {e.id, std::move(e.hash)};
  return last.event;
}

std::vector<Event> Store::events_since(std::int64_t since, std::int64_t limit) {
  auto st = db_->prepare(limit > 0 ? kSelectEventsSinceLimited : kSelectEventsSince);
  st->bind(1, since);
  if (limit > 0) st->bind(2, limit);
  return read_events(*st);
}

std::vector<Event> Store::ticket_events(std::int64_t ticket_id) {
  auto st = db_->prepare(kSelectTicketEvents);
  st->bind(1, ticket_id);
  return read_events(*st);
}

AuditResult Store::verify_audit(const std::vector<Anchor>& anchors) {
  AuditResult r;
  std::map<std::int64_t, std::string> expected;
  for (const auto& a : anchors) expected[a.event] = a.hash;
  auto st = db_->prepare(kSelectAllEvents);
  std::string prev = kGenesisHash;
  std::int64_t expected_id = 1;
  while (st->step()) {
    Event e = read_event(*st);
    ++r.events_checked;
    if (e.id != expected_id) {
      r.fail(expected_id, trf("event {} is missing (the next event is {}); rows were removed", expected_id, e.id));
      return r;
    }
    if (e.prev_hash != prev) {
      r.fail(e.id, trf("event {} does not follow event {} (previous hash differs); events were removed or reordered",
                       e.id, e.id - 1));
      return r;
    }
    if (stored_event_hash(e, prev, st->text(5), st->text(6)) != e.hash) {
      r.fail(e.id, trf("event {} was altered after it was written (its hash does not match its content)", e.id));
      return r;
    }
    if (auto anchor = expected.find(e.id); anchor != expected.end() && anchor->second != e.hash) {
      r.fail(e.id,
             trf("event {} has hash {} but the anchor kept outside says {}; the chain was rewritten from event {} on "
                 "(or the anchor is from another database)",
                 e.id, e.hash, anchor->second, e.id));
      return r;
    }
    prev = e.hash;
    r.head_hash = e.hash;
    r.head_event = e.id;
    ++expected_id;
    if (writes_rows(e.verb)) r.row_events.push_back(std::move(e));
  }
  if (!expected.empty() && expected.rbegin()->first > r.head_event) {
    auto n = expected.rbegin()->first;
    r.fail(n, trf("the chain ends at event {} but an anchor kept outside names event {}; events were removed",
                  r.head_event, n));
    return r;
  }
  auto tickets = db_->prepare(kTicketsWithLastEvent);
  while (tickets->step()) {
    ++r.tickets_checked;
    auto id = tickets->integer(0);
    auto state = tickets->text(1);
    if (tickets->is_null(2)) {
      r.fail(std::nullopt, trf("ticket {} has no events; it was inserted outside linkctl", id));
      return r;
    }
    auto last = tickets->integer(2);
    auto after = tickets->optional_text(3).value_or("");
    if (after != state) {
      r.fail(last, trf("ticket {} is '{}' but its last event {} left it '{}'; the ticket row or its events "
                       "were changed outside linkctl",
                       id, state, last, after));
      return r;
    }
    if (tickets->optional_text(4) != ticket_digest(id)) {
      r.fail(last, trf("ticket {} or one of its stages differs from what its last event {} recorded; it was "
                       "changed outside linkctl (or that ticket's later events were removed)",
                       id, last));
      return r;
    }
  }
  // Stages of no ticket are in no digest, so none may exist.
  auto& orphans = db_->prepared(kOrphanStage);
  if (orphans.step()) {
    r.fail(std::nullopt, trf("stage {} belongs to ticket {}, which does not exist; it was inserted outside linkctl",
                             orphans.integer(0), orphans.integer(1)));
    orphans.reset();
    return r;
  }
  return r;
}

AuditRows Store::audit_rows() {
  AuditRows rows;
  rows.policies = policy_history();
  auto fr = db_->prepare(kSelectFrozenReports);
  while (fr->step())
    rows.frozen.push_back({fr->text(0), fr->text(1), fr->text(2), fr->integer(3), fr->text(4), fr->text(5)});
  auto sc = db_->prepare(kSelectSpotchecks);
  while (sc->step())
    rows.spotchecks.push_back({sc->integer(0), sc->integer(1), sc->text(2), sc->text(3), sc->text(4), sc->text(5),
                               sc->text(6), sc->optional_text(7)});
  auto la = db_->prepare(kSelectAnnouncedLapses);
  while (la->step()) {
    LapseRow l;
    l.stage_id = la->integer(0);
    if (!la->is_null(1)) l.ticket_id = la->integer(1);
    l.kind = la->optional_text(2).value_or("");
    l.due = la->text(3);
    l.recipient = la->text(4);
    l.announced_at = la->text(5);
    rows.lapses.push_back(std::move(l));
  }
  return rows;
}

std::optional<std::string> Store::event_hash_of(std::int64_t id) {
  auto& st = db_->prepared(kSelectEventHash);
  st.bind(1, id);
  std::optional<std::string> hash;
  if (st.step()) hash = st.text(0);
  st.reset();
  return hash;
}

Anchor Store::head() {
  auto& last = db_->prepared(kSelectLastEvent);
  Anchor a{0, kGenesisHash};
  if (last.step()) a = {last.integer(0), last.text(1)};
  last.reset();
  return a;
}

// ---- tickets -----------------------------------------------------------------

// GCC 12 sees std::variant's storage in a Row appended to after its initializer
// list as maybe uninitialized; it is not (a known false positive).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// A row as the store writes it: kDigestTicket's and kDigestStages's columns, in their
// order. update_changed() compares two by position; digests hash them.
Row Store::ticket_row(const Ticket& t) {
  Row row{{"id", std::int64_t{t.id}},
          {"ref", value_of(t.ref)},
          {"ref_digest", value_of(t.ref_digest)},
          {"state", text(to_string(t.state))},
          {"title", t.title},
          {"body", t.body},
          {"category", t.category},
          {"severity", text(to_string(t.severity))},
          {"filer", t.filer},
          {"from_dept", t.from_dept},
          {"to_dept", t.to_dept},
          {"handler", value_of(t.handler)},
          {"result", value_of(t.result)},
          {"rating", t.rating ? text(to_string(*t.rating)) : Value()},
          {"escalated", std::int64_t{t.escalated ? 1 : 0}},
          {"resets", std::int64_t{t.resets}},
          {"filed_at", format_instant(t.filed_at)},
          {"updated_at", format_instant(t.updated_at)},
          {"approval_stage", stage_id(t.approval)},
          {"feedback_stage", stage_id(t.feedback)},
          {"review_stage", stage_id(t.review)}};
  if (t.chain) row.push_back({"approval_chain", chain_to_text(*t.chain)});
  return row;
}

Row Store::stage_row(std::int64_t ticket_id, const Stage& s) {
  Row row{{"id", std::int64_t{s.id}},
          {"ticket_id", ticket_id},
          {"kind", text(to_string(s.kind))},
          {"rule", text(to_string(s.rule))},
          {"dept", s.dept},
          {"started_at", format_instant(s.started_at)},
          {"start_date", format_date(s.start_date)},
          {"due", format_date(s.due)},
          {"due_at", value_of(s.due_at, format_instant)},
          {"escalated_at", value_of(s.escalated_at, format_instant)},
          {"escalated_due", value_of(s.escalated_due, format_date)},
          {"finished_at", value_of(s.finished_at, format_instant)},
          {"finished_on", value_of(s.finished_on, format_date)},
          {"outcome", text_or_null(s.outcome)},
          {"explained_at", value_of(s.explained_at, format_instant)},
          {"explanation", text_or_null(s.explanation)}};
  if (s.level) row.push_back({"level", std::int64_t{*s.level}});
  return row;
}
#pragma GCC diagnostic pop

void Store::write_stage(std::int64_t ticket_id, Stage& s, const std::optional<Stage>& before) {
  if (s.id != 0) {
    if (before && *before == s) return;
    // A stage written again without its previous state (a retired one) is written whole.
    update_changed("stages", s.id, before ? stage_row(ticket_id, *before) : Row{}, stage_row(ticket_id, s));
    return;
  }
  // The insert binds the row's columns after id, in order.
  Row row = stage_row(ticket_id, s);
  auto& st = db_->prepared(s.level ? kInsertLevelStage : kInsertStage);
  for (std::size_t i = 1; i < row.size(); ++i) st.bind(static_cast<int>(i), row[i].value);
  s.id = inserted_id(st);
}

std::string Store::digest_of_new(const Ticket& t) {
  // From memory: a new ticket's current stages are all it has (checked against ticket_digest() in tests).
  RowDigest d;
  d.add(ticket_row(t));
  for (const auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s) d.add(stage_row(t.id, **s));
  return d.hex();
}

namespace {

// Sets the stage links of tickets inserted without them: `links` holds approval, feedback
// and review stage and the ticket's id, for each ticket; `per` tickets a statement. Where a
// statement costs a round trip, many tickets at once (UPDATE ... FROM VALUES; the first row's casts type the columns,
// which may all be NULL).
void link_stages(db::Connection& c, const std::vector<Value>& links, std::size_t per) {
  constexpr std::size_t kWidth = 4;
  const std::size_t rows = links.size() / kWidth;
  per = std::max<std::size_t>(1, per);
  for (std::size_t first = 0; first < rows; first += per) {
    std::size_t n = std::min(per, rows - first);
    if (n == 1) {
      auto& link = c.prepared(kLinkStages);
      for (std::size_t i = 0; i < kWidth; ++i) link.bind(static_cast<int>(i + 1), links[first * kWidth + i]);
      link.exec();
      continue;
    }
    std::string sql =
        "UPDATE tickets SET approval_stage = v.column1, feedback_stage = v.column2, review_stage = v.column3 FROM "
        "(VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))";
    sql.reserve(sql.size() + n * 12 + 64);
    for (std::size_t i = 1; i < n; ++i) sql += ", (?,?,?,?)";
    sql += ") AS v WHERE tickets.id = v.column4";
    auto& st = c.prepared(sql);
    for (std::size_t i = 0; i < n * kWidth; ++i) st.bind(static_cast<int>(i + 1), links[first * kWidth + i]);
    st.exec();
  }
}

}  // namespace

Store::Batch::Batch(Store& store, Anchor& head, std::int64_t policy_version, std::size_t rows)
    : store_(store),
      head_(head),
      policy_version_(policy_version),
      size_(std::max<std::size_t>(1, rows ? rows : store.db_->batch_rows())) {}

void Store::Batch::insert_ticket(Ticket& t) {
  if (size_ == 1) {
    // Where a statement costs no round trip (SQLite): written at once, as ever.
    store_.insert_ticket(t);
    if (first_ticket_ == 0) first_ticket_ = t.id;
    for (auto* s : {&t.approval, &t.feedback, &t.review})
      if (*s && first_stage_ == 0) first_stage_ = (*s)->id;
    return;
  }
  if (queued_ >= size_) flush();
  auto& db = *store_.db_;
  if (next_ticket_ == 0) first_ticket_ = next_ticket_ = db.next_id("tickets", "id");
  t.id = next_ticket_++;
  for (auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s) {
      if (next_stage_ == 0) first_stage_ = next_stage_ = db.next_id("stages", "id");
      (*s)->id = next_stage_++;
    }
  // ticket_row() ends with the stage links and, for a chain's ticket, the chain.
  Row row = ticket_row(t);
  for (std::size_t i = 0; i < kTicketInsertCount - 1; ++i) tickets_.push_back(std::move(row[i].value));
  tickets_.push_back(t.chain ? std::move(row.back().value) : Value());
  for (auto* s : {&t.approval, &t.feedback, &t.review}) {
    if (!*s) continue;
    Row stage = stage_row(t.id, **s);  // ends with the level, when the stage has one
    for (std::size_t i = 0; i < kStageInsertCount - 1; ++i) stages_.push_back(std::move(stage[i].value));
    stages_.push_back(stage.size() >= kStageInsertCount ? std::move(stage.back().value) : Value());
  }
  if (t.approval || t.feedback || t.review) {
    links_.push_back(stage_id(t.approval));
    links_.push_back(stage_id(t.feedback));
    links_.push_back(stage_id(t.review));
    links_.emplace_back(t.id);
  }
  ++queued_;
}

std::int64_t Store::Batch::append_event(const EventDraft& draft) {
  if (size_ == 1) return store_.append_event(draft, policy_version_, head_);
  if (draft.ticket_id && !draft.ticket_digest)
    throw Error(ErrorKind::internal, "a batched ticket event needs its ticket's digest");
  Event e = chained(draft, policy_version_, head_);
  e.hash = event_hash(e, e.prev_hash);
  event_values(e, events_);
  head_ = {e.id, std::move(e.hash)};
  return head_.event;
}

void Store::Batch::flush() {
  auto& db = *store_.db_;
  // Parents first: a stage names its ticket, an event its ticket, a ticket its stages.
  db.insert_rows("tickets", LINKCTL_TICKET_INSERT_COLUMNS, kTicketInsertCount, tickets_);
  db.insert_rows("stages", LINKCTL_STAGE_INSERT_COLUMNS, kStageInsertCount, stages_);
  link_stages(db, links_, size_);
  db.insert_rows("events", LINKCTL_EVENT_COLUMNS, kEventCount, events_);
  if (queued_ > 0) {
    db.follow_ids("tickets", "id");
    if (next_stage_ != 0) db.follow_ids("stages", "id");
  }
  tickets_.clear();
  stages_.clear();
  links_.clear();
  events_.clear();
  queued_ = 0;
}

void Store::Batch::rewind_ids() {
  auto& db = *store_.db_;
  if (first_stage_ != 0) db.restart_ids("stages", "id", first_stage_);
  if (first_ticket_ != 0) db.restart_ids("tickets", "id", first_ticket_);
}

void Store::insert_ticket(Ticket& t) {
  // The insert binds the row's columns from ref to updated_at, in order.
  Row row = ticket_row(t);
  auto& st = db_->prepared(t.chain ? kInsertChainTicket : kInsertTicket);
  for (int i = 1; i <= 17; ++i) st.bind(i, row[static_cast<std::size_t>(i)].value);
  if (t.chain) st.bind(18, row.back().value);
  t.id = inserted_id(st);
  // The ticket and its stages point at each other: the stages go in after the
  // ticket, then the ticket gets their ids. (Deferring the foreign keys instead
  // makes SQLite scan tickets for each new stage: tickets.approval_stage has no index.)
  for (auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s) write_stage(t.id, **s, std::nullopt);
  auto& link = db_->prepared(kLinkStages);
  link.bind(1, stage_id(t.approval));
  link.bind(2, stage_id(t.feedback));
  link.bind(3, stage_id(t.review));
  link.bind(4, t.id);
  link.exec();
}

void Store::update_ticket(const Ticket& before, Ticket& after) {
  if (after.approval) write_stage(after.id, *after.approval, before.approval);
  if (after.feedback) write_stage(after.id, *after.feedback, before.feedback);
  if (after.review) write_stage(after.id, *after.review, before.review);
  update_changed("tickets", after.id, ticket_row(before), ticket_row(after));
}

void Store::update_changed(const char* table, std::int64_t id, const Row& before, const Row& after) {
  std::string sql = fmt::format("UPDATE {} SET ", table);
  std::vector<const Column*> set;
  for (std::size_t i = 0; i < after.size(); ++i) {
    // A row's identity never changes; naming the key (or a stage's ticket and kind) in
    // SET would make SQLite check every foreign key pointing at it, scanning tickets.
    std::string_view name = after[i].name;
    if (name == "id" || name == "ticket_id" || name == "kind") continue;
    if (i < before.size() && before[i].value == after[i].value) continue;
    sql += fmt::format("{}{} = ?", set.empty() ? "" : ", ", after[i].name);
    set.push_back(&after[i]);
  }
  if (set.empty()) return;
  sql += " WHERE id = ?";
  auto& st = db_->prepared(sql);
  int n = 0;
  for (const auto* c : set) st.bind(++n, c->value);
  st.bind(n + 1, id);
  st.exec();
}

std::vector<Ticket> Store::query_tickets(const std::string& sql, const std::function<void(db::Statement&)>& bind) {
  auto st = db_->prepare(sql);
  bind(*st);
  std::vector<Ticket> out;
  while (st->step()) out.push_back(read_ticket(*st));
  return out;
}

std::optional<Ticket> Store::load_ticket(std::int64_t id) {
  auto& st = db_->prepared(kSelectTicketById);
  st.bind(1, id);
  std::optional<Ticket> t;
  if (st.step()) t = read_ticket(st);
  st.reset();
  return t;
}

std::optional<Ticket> Store::find_by_ref(const std::string& ref) {
  auto& st = db_->prepared(kSelectTicketByRef);
  st.bind(1, ref);
  std::optional<Ticket> t;
  if (st.step()) t = read_ticket(st);
  st.reset();
  return t;
}

std::vector<std::int64_t> Store::open_tickets_of(const std::string& dept, int limit) {
  auto& st = db_->prepared(kSelectOpenTicketsOf);
  st.bind(1, dept);
  st.bind(2, dept);
  st.bind(3, limit);
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.integer(0));
  return out;
}

std::vector<Ticket> Store::list_tickets(const TicketFilter& f) {
  std::vector<Ticket> out;
  each_ticket(f, [&](Ticket&& t) { out.push_back(std::move(t)); });
  return out;
}

void Store::each_ticket(const TicketFilter& f, const std::function<void(Ticket&&)>& visit) {
  std::vector<std::string> conds;
  Params p;
  if (!f.states.empty()) {
    std::vector<std::string> names;
    for (auto s : f.states) names.emplace_back(to_string(s));
    conds.push_back(fmt::format("t.state IN ({})", p.list(names)));
  }
  if (f.dept) {
    p.add(*f.dept);
    p.add(*f.dept);
    conds.push_back("(t.from_dept = ? OR t.to_dept = ?)");
  }
  if (f.from_dept) conds.push_back(fmt::format("t.from_dept = {}", p.add(*f.from_dept)));
  if (f.to_dept) conds.push_back(fmt::format("t.to_dept = {}", p.add(*f.to_dept)));
  if (f.severity) conds.push_back(fmt::format("t.severity = {}", p.add(text(to_string(*f.severity)))));
  if (f.category) conds.push_back(fmt::format("t.category = {}", p.add(*f.category)));
  if (f.escalated) conds.push_back(*f.escalated ? "t.escalated = 1" : "t.escalated = 0");
  if (f.filed_from) conds.push_back(fmt::format("t.filed_at >= {}", p.add(format_instant(*f.filed_from))));
  if (f.filed_before) conds.push_back(fmt::format("t.filed_at < {}", p.add(format_instant(*f.filed_before))));
  if (f.after_id) conds.push_back(fmt::format("t.id > {}", p.add(*f.after_id)));
  if (f.overdue_only) {
    std::string today = format_date(f.overdue_today.value_or(Date{}));
    std::vector<std::string> any;
    for (const char* alias : {"a", "f", "r"}) {
      for (int i = 0; i < kOverdueSqlParams; ++i) p.add(today);
      any.push_back(overdue_sql(alias));
    }
    conds.push_back(fmt::format("({})", fmt::join(any, " OR ")));
  }
  if (f.visible_depts) {
    std::vector<std::string> any;
    if (!f.visible_depts->empty()) {
      std::string from = p.list(*f.visible_depts);
      std::string to = p.list(*f.visible_depts);
      any.push_back(fmt::format("t.from_dept IN ({}) OR t.to_dept IN ({})", from, to));
    }
    // LIKE is case-insensitive on SQLite, sensitive on PostgreSQL: a superset either way.
    for (const auto& approver : f.approvers)
      any.push_back(fmt::format("t.approval_chain LIKE {}", p.add("%" + chain_text_naming(approver) + "%")));
    conds.push_back(any.empty() ? std::string("1 = 0") : fmt::format("({})", fmt::join(any, " OR ")));
  }
  std::string sql = kSelectTicket;
  if (!conds.empty()) sql += fmt::format(" WHERE {}", fmt::join(conds, " AND "));
  sql += " ORDER BY t.id";
  if (f.limit && !f.keep) sql += fmt::format(" LIMIT {}", p.add(*f.limit));
  auto st = db_->prepare(sql);
  p.bind(*st);
  std::int64_t kept = 0;
  while ((!f.limit || kept < *f.limit) && st->step()) {
    Ticket t = read_ticket(*st);
    if (f.keep && !f.keep(t)) continue;
    ++kept;
    visit(std::move(t));
  }
}

std::vector<OpenStage> Store::open_stages(const OpenStageQuery& q) {
  Params p;
  std::string sql = fmt::format(
      "SELECT " LINKCTL_STAGE_COLS("s") ", t.id, t.severity, t.state, t.escalated, t.title, t.approval_chain "
      "FROM stages s JOIN tickets t ON t.id = s.ticket_id "
      "WHERE s.finished_at IS NULL AND s.current_due <= {} "
      "AND s.id IN (t.approval_stage, t.feedback_stage, t.review_stage)",
      p.add(format_date(q.due_by)));
  if (q.dept) sql += fmt::format(" AND s.dept = {}", p.add(*q.dept));
  if (q.severity) sql += fmt::format(" AND t.severity = {}", p.add(text(to_string(*q.severity))));
  if (q.visible_depts) {
    std::vector<std::string> any;
    if (!q.visible_depts->empty()) {
      std::string from = p.list(*q.visible_depts);
      std::string to = p.list(*q.visible_depts);
      any.push_back(fmt::format("t.from_dept IN ({}) OR t.to_dept IN ({})", from, to));
    }
    for (const auto& approver : q.approvers)  // as in for_each_ticket: a superset
      any.push_back(fmt::format("t.approval_chain LIKE {}", p.add("%" + chain_text_naming(approver) + "%")));
    sql += any.empty() ? std::string(" AND 1 = 0") : fmt::format(" AND ({})", fmt::join(any, " OR "));
  }
  auto st = db_->prepare(sql + " ORDER BY s.id");
  p.bind(*st);
  std::vector<OpenStage> out;
  while (st->step()) {
    OpenStage o;
    o.stage = *read_stage(*st, 0);
    o.ticket = st->integer(kStageColumnCount);
    if (auto v = parse_severity(st->text(kStageColumnCount + 1))) o.severity = *v;
    if (auto v = parse_state(st->text(kStageColumnCount + 2))) o.state = *v;
    o.escalated = st->integer(kStageColumnCount + 3) != 0;
    o.title = st->text(kStageColumnCount + 4);
    if (auto text = st->optional_text(kStageColumnCount + 5))
      if (auto chain = chain_from_text(*text)) {
        o.levels = static_cast<int>(chain->levels.size());
        o.chained = true;
      }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Ticket> Store::inbox(const InboxQuery& q) {
  std::vector<std::string> conds;
  Params p;
  conds.push_back(fmt::format("(t.state = 'assigned' AND t.handler = {})", p.add(q.person)));
  for (const auto& dept : q.lead_of) {
    conds.push_back(fmt::format("(t.from_dept = {} AND t.state IN ('pending', 'answered'))", p.add(dept)));
    conds.push_back(fmt::format("(t.to_dept = {} AND t.state IN ('routed', 'handled'))", p.add(dept)));
  }
  if (q.chained_pending) conds.push_back("(t.state = 'pending' AND t.approval_chain IS NOT NULL)");
  if (q.supervisor) {
    // Overdue and not yet escalated: what the supervising office should press.
    for (int i = 0; i < kOverdueSqlParams; ++i) p.add(format_date(q.today));
    conds.push_back("(t.state IN ('routed', 'assigned', 'handled') AND t.escalated = 0 AND " + overdue_sql("f") + ")");
  }
  return query_tickets(fmt::format("{} WHERE {} ORDER BY t.id", kSelectTicket, fmt::join(conds, " OR ")),
                       [&](db::Statement& st) { p.bind(st); });
}

std::string Store::ticket_digest(std::int64_t ticket_id) {
  // Every column, as stored: read by kind so that any change outside linkctl shows.
  RowDigest d;
  auto row = [&](db::Statement& st) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(st.column_count()));
    for (int i = 0; i < st.column_count(); ++i) values.push_back(st.value(i));
    // Schema 5's column (approval_chain, level) counts only when set, as ticket_row() and stage_row() leave it out.
    if (st.is_null(st.column_count() - 1)) values.pop_back();
    d.add(values);
  };
  auto& t = db_->prepared(kDigestTicket);
  t.bind(1, ticket_id);
  t.send();  // both read in one round trip where a statement costs one
  auto& s = db_->prepared(kDigestStages);
  s.bind(1, ticket_id);
  s.send();
  while (t.step()) row(t);
  while (s.step()) row(s);
  return d.hex();
}

std::vector<Stage> Store::ticket_stages(std::int64_t ticket_id) {
  auto& st = db_->prepared(kSelectStages);
  st.bind(1, ticket_id);
  std::vector<Stage> out;
  while (st.step())
    if (auto s = read_stage(st, 0)) out.push_back(*s);
  return out;
}

// ---- scoring, spot checks, announcements, frozen reports ----------------------

MonthFacts Store::month_facts(Date first, Date last, Instant from, Instant to, MonthScope scope) {
  MonthFacts facts;
  const std::string f = format_date(first), l = format_date(last), a = format_instant(from), b = format_instant(to);
  // Every term is a range on an indexed column, so SQLite reads only the month.
  const char* where =
      scope == MonthScope::everything
          ? "s.due BETWEEN ? AND ? OR s.escalated_due BETWEEN ? AND ? OR s.finished_on BETWEEN ? AND ? "
            "OR s.start_date BETWEEN ? AND ? OR (s.escalated_at >= ? AND s.escalated_at < ?)"
          // What can carry a penalty (SPEC section 6; scoring.cpp decides): late against a
          // due date in the month, rated fair or unsatisfied, reset after rating, escalated.
          // The partial indexes of schema 3 repeat these conditions word for word.
          : "(s.due BETWEEN ? AND ? AND (s.finished_on IS NULL OR s.finished_on > s.due OR s.due_at IS NOT NULL)) "
            "OR s.escalated_due BETWEEN ? AND ? "
            "OR (s.finished_on BETWEEN ? AND ? AND s.outcome IN ('fair', 'unsatisfied')) "
            "OR (s.start_date BETWEEN ? AND ? AND s.rule = 'reset-after-rating') "
            "OR (s.escalated_at >= ? AND s.escalated_at < ?)";
  Params p;
  for (int i = 0; i < 4; ++i) p.add(f), p.add(l);  // four date ranges, then the instants
  p.add(a);
  p.add(b);
  auto st = db_->prepare(fmt::format(
      "SELECT " LINKCTL_STAGE_COLS(
          "s") ", s.ticket_id, t.from_dept, "
               "(SELECT f.dept FROM stages f WHERE f.ticket_id = s.ticket_id AND f.kind = 'feedback' AND f.id < s.id "
               " ORDER BY f.id DESC LIMIT 1) "
               "FROM stages s JOIN tickets t ON t.id = s.ticket_id WHERE {} ORDER BY s.id",
      where));
  p.bind(*st);
  while (st->step()) {
    StageFact fact;
    fact.stage = *read_stage(*st, 0);
    fact.ticket_id = st->integer(kStageColumnCount);
    fact.from_dept = st->text(kStageColumnCount + 1);
    fact.answering_dept = st->optional_text(kStageColumnCount + 2).value_or("");
    facts.stages.push_back(std::move(fact));
  }
  auto& sc = db_->prepared(kSelectMonthSpotchecks);
  sc.bind(1, f);
  sc.bind(2, l);
  while (sc.step()) facts.spotchecks.push_back({sc.integer(0), date_col(sc, 1), sc.text(2), sc.text(3) == "fake"});
  return facts;
}

void Store::add_spotcheck(std::int64_t ticket_id, bool fake, const std::string& dept, Instant at, Date on,
                          const std::string& by, const std::optional<std::string>& note) {
  auto& st = db_->prepared(kInsertSpotcheck);
  st.bind(1, ticket_id);
  st.bind(2, fake ? "fake" : "ok");
  st.bind(3, dept);
  st.bind(4, format_instant(at));
  st.bind(5, format_date(on));
  st.bind(6, by);
  st.bind(7, note);
  st.exec();
}

std::vector<std::int64_t> Store::rated_tickets(Date first, Date last) {
  auto& st = db_->prepared(kSelectRatedTickets);
  st.bind(1, format_date(first));
  st.bind(2, format_date(last));
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.integer(0));
  return out;
}

bool Store::lapse_announced(std::int64_t stage_id, Date due, const std::string& recipient) {
  auto& st = db_->prepared(kSelectLapseAnnounced);
  st.bind(1, stage_id);
  st.bind(2, format_date(due));
  st.bind(3, recipient);
  bool found = st.step();
  st.reset();
  return found;
}

void Store::announce_lapse(std::int64_t stage_id, Date due, const std::string& recipient, Instant at) {
  auto& st = db_->prepared(kInsertAnnouncedLapse);
  st.bind(1, stage_id);
  st.bind(2, format_date(due));
  st.bind(3, recipient);
  st.bind(4, format_instant(at));
  st.exec();
}

std::optional<Event> Store::freeze_event(const std::string& month) {
  auto st = db_->prepare(kSelectFreezeEvents);
  while (st->step()) {
    Event e = read_event(*st);
    if (e.changes.is_object() && e.changes.value("month", "") == month) return e;
  }
  return std::nullopt;
}

std::optional<FrozenReport> Store::frozen_report(const std::string& month) {
  auto& st = db_->prepared(kSelectFrozenReport);
  st.bind(1, month);
  std::optional<FrozenReport> r;
  if (st.step()) r = FrozenReport{st.text(0), st.text(1), st.text(2), st.integer(3), st.text(4), st.text(5)};
  st.reset();
  return r;
}

void Store::freeze_report(const FrozenReport& r) {
  auto& st = db_->prepared(kInsertFrozenReport);
  st.bind(1, r.month);
  st.bind(2, r.frozen_at);
  st.bind(3, r.frozen_by);
  st.bind(4, r.policy_version);
  st.bind(5, r.calendar_sha256);
  st.bind(6, r.report);
  st.exec();
}

}  // namespace linkctl

// ---- copy between databases ---------------------------------------------------

namespace linkctl {
namespace {

/// The tables copy moves, parents first, with every stored column (not the generated
/// stages.current_due). Tickets go in without their stage links, which point at stages
/// not yet copied; link_stages() sets them afterwards.
struct CopiedTable {
  const char* name;
  const char* columns;
  int count;
  const char* order;
  const char* generated_id;  ///< the column a PostgreSQL identity generates, if any
};
constexpr CopiedTable kCopiedTables[] = {
    {"policy_versions", "version, applied_at, applied_by, source, sha256, text, compiled", 7, "version", "version"},
    {"tickets", LINKCTL_TICKET_INSERT_COLUMNS, kTicketInsertCount, "id", "id"},
    {"stages", LINKCTL_STAGE_INSERT_COLUMNS, kStageInsertCount, "id", "id"},
    {"events", LINKCTL_EVENT_COLUMNS, kEventCount, "id", nullptr},
    {"spotchecks", "id, ticket_id, finding, dept, at, on_date, by_person, note", 8, "id", "id"},
    {"announced_lapses", "stage_id, due, announced_at, recipient", 4, "stage_id, due, recipient", nullptr},
    {"frozen_reports", "month, frozen_at, frozen_by, policy_version, calendar_sha256, report", 6, "month", nullptr},
};

// Rows read before they are written: one COPY (or UPDATE) each on PostgreSQL; memory stays small.
constexpr std::size_t kCopyRows = 2000;

}  // namespace

std::int64_t Store::copy_into(Store& target) {
  struct EndSnapshot {
    db::Connection& c;
    ~EndSnapshot() { c.end_snapshot(); }
  } end{*db_};
  db_->begin_snapshot();
  std::int64_t rows = 0;
  std::vector<Value> values;
  for (const auto& t : kCopiedTables) {
    auto width = static_cast<std::size_t>(t.count);
    values.clear();
    values.reserve(kCopyRows * width);
    auto read = db_->prepare(fmt::format("SELECT {} FROM {} ORDER BY {}", t.columns, t.name, t.order));
    while (read->step()) {
      for (int i = 0; i < t.count; ++i) values.push_back(read->value(i));
      ++rows;
      if (values.size() >= kCopyRows * width) {
        target.db_->insert_rows(t.name, t.columns, t.count, values);
        values.clear();
      }
    }
    target.db_->insert_rows(t.name, t.columns, t.count, values);
    if (t.generated_id) target.db_->follow_ids(t.name, t.generated_id);
  }
  auto links = db_->prepare(
      "SELECT approval_stage, feedback_stage, review_stage, id FROM tickets WHERE approval_stage IS NOT NULL OR "
      "feedback_stage IS NOT NULL OR review_stage IS NOT NULL ORDER BY id");
  values.clear();
  while (links->step()) {
    for (int i = 0; i < 4; ++i) values.push_back(links->value(i));
    if (values.size() >= kCopyRows * 4) {
      link_stages(*target.db_, values, target.db_->batch_rows());
      values.clear();
    }
  }
  link_stages(*target.db_, values, target.db_->batch_rows());
  target.db_->refresh_statistics();
  return rows;
}

}  // namespace linkctl
