// SPDX-License-Identifier: MIT
#include "store.hpp"

#include <SQLiteCpp/Statement.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <map>
#include <variant>

#include "embedded.hpp"
#include "error.hpp"
#include "canonical.hpp"
#include "hash.hpp"

namespace linkctl {
namespace {


// ---- SQL -------------------------------------------------------------------

constexpr const char* kSelectLastEvent = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertEvent =
    "INSERT INTO events (id, ticket_id, verb, actor, via, at, recorded_at, clock_override, state_before, "
    "state_after, changes, note, ticket_digest, policy_version, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kEventColumns =
    "id, ticket_id, verb, actor, via, at, recorded_at, clock_override, state_before, state_after, changes, note, "
    "ticket_digest, policy_version, prev_hash, hash";

// Uses the events_admin index (schema 4): its WHERE is repeated here.
constexpr const char* kSelectPolicyEvent =
    "SELECT id, ticket_id, verb, actor, via, at, recorded_at, clock_override, state_before, state_after, changes, note, "
    "ticket_digest, policy_version, prev_hash, hash FROM events "
    "WHERE ticket_id IS NULL AND verb IN ('init', 'policy.apply') AND policy_version = ? ORDER BY id LIMIT 1";
constexpr const char* kSelectPolicy =
    "SELECT version, applied_at, applied_by, source, sha256, text, compiled FROM policy_versions";
constexpr const char* kInsertPolicy =
    "INSERT INTO policy_versions (applied_at, applied_by, source, sha256, text, compiled) VALUES (?,?,?,?,?,?)";

constexpr const char* kInsertTicket =
    "INSERT INTO tickets (ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, "
    "handler, result, rating, escalated, resets, filed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
// After an insert only the stage links change; naming no indexed column keeps
// SQLite from rewriting the ticket's index entries.
constexpr const char* kLinkStages = "UPDATE tickets SET approval_stage = ?, feedback_stage = ?, review_stage = ? WHERE id = ?";
constexpr const char* kInsertStage =
    "INSERT INTO stages (ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, "
    "escalated_due, finished_at, finished_on, outcome, explained_at, explanation, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

#define LINKCTL_STAGE_COLS(a)                                                                                    \
  a ".id, " a ".kind, " a ".rule, " a ".dept, " a ".started_at, " a ".start_date, " a ".due, " a ".due_at, " a \
  ".escalated_at, " a ".escalated_due, " a ".finished_at, " a ".finished_on, " a ".outcome, " a              \
  ".explained_at, " a ".explanation"
constexpr int kStageColumnCount = 15;
constexpr int kTicketColumnCount = 18;
constexpr const char* kSelectTicket =
    "SELECT t.id, t.ref, t.ref_digest, t.state, t.title, t.body, t.category, t.severity, t.filer, t.from_dept, "
    "t.to_dept, t.handler, t.result, t.rating, t.escalated, t.resets, t.filed_at, t.updated_at, " LINKCTL_STAGE_COLS(
        "a") ", " LINKCTL_STAGE_COLS("f") ", " LINKCTL_STAGE_COLS("r")
    " FROM tickets t LEFT JOIN stages a ON a.id = t.approval_stage LEFT JOIN stages f ON f.id = t.feedback_stage "
    "LEFT JOIN stages r ON r.id = t.review_stage";
constexpr const char* kSelectStages = "SELECT " LINKCTL_STAGE_COLS("s") " FROM stages s WHERE s.ticket_id = ? ORDER BY s.id";
#define LINKCTL_STAGE_SELECT LINKCTL_STAGE_COLS("s")

// What a ticket digest covers: every column of schema v1, named, so that a later
// migration adding a column does not change the digests of existing tickets.
constexpr const char* kDigestTicket =
    "SELECT id, ref, ref_digest, state, title, body, category, severity, filer, from_dept, to_dept, handler, result, "
    "rating, escalated, resets, filed_at, updated_at, approval_stage, feedback_stage, review_stage FROM tickets WHERE id = ?";
constexpr const char* kDigestStages =
    "SELECT id, ticket_id, kind, rule, dept, started_at, start_date, due, due_at, escalated_at, escalated_due, "
    "finished_at, finished_on, outcome, explained_at, explanation FROM stages WHERE ticket_id = ? ORDER BY id";

// Overdue prefilter for one stage alias: a superset of Stage::overdue (hour-based
// deadlines are judged in C++ afterwards).
std::string overdue_sql(const char* a) {
  return fmt::format(
      "({0}.id IS NOT NULL AND (({0}.finished_on IS NULL AND :today >= {0}.due) OR {0}.finished_on >= {0}.due OR "
      "({0}.escalated_due IS NOT NULL AND (({0}.finished_on IS NULL AND :today > {0}.escalated_due) OR "
      "{0}.finished_on > {0}.escalated_due))))",
      a);
}

// ---- binding helpers -------------------------------------------------------

void bind_opt(SQLite::Statement& st, int i, const std::optional<std::string>& v) {
  if (v) st.bind(i, *v);
  else st.bind(i);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<Instant>& v) {
  if (v) st.bind(i, format_instant(*v));
  else st.bind(i);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<Date>& v) {
  if (v) st.bind(i, format_date(*v));
  else st.bind(i);
}
void bind_opt(SQLite::Statement& st, int i, const std::optional<std::int64_t>& v) {
  if (v) st.bind(i, static_cast<std::int64_t>(*v));
  else st.bind(i);
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

[[noreturn]] void corrupt(std::string_view what, std::string_view value) {
  throw Error(ErrorKind::database,
              fmt::format("the database holds an unreadable {} '{}'; it was changed outside linkctl (run linkctl audit verify)", what, value));
}

Instant instant_col(const SQLite::Column& c) {
  auto s = c.getString();
  if (auto t = parse_utc_instant(s)) return *t;
  corrupt("time", s);
}
std::optional<Instant> opt_instant_col(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return instant_col(c);
}
Date date_col(const SQLite::Column& c) {
  auto s = c.getString();
  if (auto d = parse_date(s)) return *d;
  corrupt("date", s);
}
std::optional<Date> opt_date_col(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return date_col(c);
}

std::optional<Stage> read_stage(SQLite::Statement& st, int at) {
  if (st.getColumn(at).isNull()) return std::nullopt;
  Stage s;
  s.id = st.getColumn(at).getInt64();
  auto kind = st.getColumn(at + 1).getString();
  if (kind == "approval") s.kind = StageKind::approval;
  else if (kind == "feedback") s.kind = StageKind::feedback;
  else if (kind == "review") s.kind = StageKind::review;
  else corrupt("stage kind", kind);
  s.rule = st.getColumn(at + 2).getString();
  s.dept = st.getColumn(at + 3).getString();
  s.started_at = instant_col(st.getColumn(at + 4));
  s.start_date = date_col(st.getColumn(at + 5));
  s.due = date_col(st.getColumn(at + 6));
  s.due_at = opt_instant_col(st.getColumn(at + 7));
  s.escalated_at = opt_instant_col(st.getColumn(at + 8));
  s.escalated_due = opt_date_col(st.getColumn(at + 9));
  s.finished_at = opt_instant_col(st.getColumn(at + 10));
  s.finished_on = opt_date_col(st.getColumn(at + 11));
  s.outcome = opt_text(st.getColumn(at + 12)).value_or("");
  s.explained_at = opt_instant_col(st.getColumn(at + 13));
  s.explanation = opt_text(st.getColumn(at + 14)).value_or("");
  return s;
}

Ticket read_ticket(SQLite::Statement& st) {
  Ticket t;
  t.id = st.getColumn(0).getInt64();
  t.ref = opt_text(st.getColumn(1));
  t.ref_digest = opt_text(st.getColumn(2));
  auto state = st.getColumn(3).getString();
  if (auto s = parse_state(state)) t.state = *s;
  else corrupt("state", state);
  t.title = st.getColumn(4).getString();
  t.body = st.getColumn(5).getString();
  t.category = st.getColumn(6).getString();
  auto sev = st.getColumn(7).getString();
  if (auto s = parse_severity(sev)) t.severity = *s;
  else corrupt("severity", sev);
  t.filer = st.getColumn(8).getString();
  t.from_dept = st.getColumn(9).getString();
  t.to_dept = st.getColumn(10).getString();
  t.handler = opt_text(st.getColumn(11));
  t.result = opt_text(st.getColumn(12));
  if (auto r = opt_text(st.getColumn(13))) {
    if (auto rating = parse_rating(*r)) t.rating = *rating;
    else corrupt("rating", *r);
  }
  t.escalated = st.getColumn(14).getInt() != 0;
  t.resets = st.getColumn(15).getInt();
  t.filed_at = instant_col(st.getColumn(16));
  t.updated_at = instant_col(st.getColumn(17));
  t.approval = read_stage(st, kTicketColumnCount);
  t.feedback = read_stage(st, kTicketColumnCount + kStageColumnCount);
  t.review = read_stage(st, kTicketColumnCount + 2 * kStageColumnCount);
  return t;
}

Event read_event(SQLite::Statement& st) {
  Event e;
  e.id = st.getColumn(0).getInt64();
  if (!st.getColumn(1).isNull()) e.ticket_id = st.getColumn(1).getInt64();
  e.verb = st.getColumn(2).getString();
  e.actor = st.getColumn(3).getString();
  e.via = opt_text(st.getColumn(4));
  // Times are kept as stored text for hashing; a malformed one fails the chain check, not the read.
  e.at = parse_utc_instant(st.getColumn(5).getString()).value_or(Instant{});
  e.recorded_at = parse_utc_instant(st.getColumn(6).getString()).value_or(Instant{});
  e.clock_override = st.getColumn(7).getInt() != 0;
  e.state_before = opt_text(st.getColumn(8));
  e.state_after = opt_text(st.getColumn(9));
  e.changes_json = st.getColumn(10).getString();
  e.changes = nlohmann::ordered_json::parse(e.changes_json, nullptr, false);
  if (e.changes.is_discarded()) e.changes = nlohmann::ordered_json::object();
  e.note = opt_text(st.getColumn(11));
  e.ticket_digest = opt_text(st.getColumn(12));
  e.policy_version = st.getColumn(13).getInt64();
  e.prev_hash = st.getColumn(14).getString();
  e.hash = st.getColumn(15).getString();
  return e;
}

// The exact text hashed for an event; times as stored (format_instant is canonical).
std::string event_canonical(const Event& e, const std::string& at, const std::string& recorded_at) {
  CanonicalArray j;
  j.num(e.id).num_or_null(e.ticket_id).str(e.verb).str(e.actor).str_or_null(e.via).str(at).str(recorded_at);
  j.boolean(e.clock_override).str_or_null(e.state_before).str_or_null(e.state_after).str(e.changes_json);
  j.str_or_null(e.note).str_or_null(e.ticket_digest).num(e.policy_version);
  return j.text();
}

}  // namespace

std::string event_hash(const Event& e, const std::string& prev_hash) {
  return sha256_hex(prev_hash + "\n" + event_canonical(e, format_instant(e.at), format_instant(e.recorded_at)));
}

Error database_error(const SQLite::Exception& e, const std::string& path) {
  int code = e.getErrorCode();
  std::string what = e.what();
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error(ErrorKind::database, fmt::format("{} is locked by another process ({}); try again", path, what));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return Error(ErrorKind::database,
                   fmt::format("{} cannot be written by you ({}); the file and its directory must be writable "
                               "(see SECURITY in linkctl(1) for a shared installation)", path, what));
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return Error(ErrorKind::database,
                   fmt::format("cannot write {} ({}: the disk is full or failing); nothing was changed, free space and try again", path, what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error(ErrorKind::database, fmt::format("{} is damaged or not a database ({}); restore it from a backup", path, what));
    default:
      return Error(ErrorKind::database, fmt::format("database {}: {}", path, what));
  }
}

// ---- lifecycle of the connection --------------------------------------------

namespace {
// PRAGMA application_id of every linkctl database from schema 4 on ("LKCT"), so
// that another application's SQLite file is never taken for one of ours.
constexpr int kApplicationId = 0x4C4B4354;
// A Store's connection is used by one thread: no per-connection mutex. Without
// memory statistics SQLite takes no global mutex on each allocation either.
// Together a tenth of a short command's instructions.
constexpr int kOpenFlags = SQLITE_OPEN_NOMUTEX;
const bool kSqliteConfigured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // refused (harmlessly) if SQLite was already initialised
  return true;
}();
}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path, int busy_timeout_ms)
    : db_(std::move(db)), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::latest_schema_version() { return static_cast<int>(embedded::migrations().size()); }

int Store::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

namespace {
// LINKCTL_TRACE_SQL=1: every statement, with its parameters, on stderr as it starts
// (to see what a command asks of SQLite, or replay it in the sqlite3 CLI; bench/run.sh does).
int trace_statement(unsigned, void*, void* stmt, void*) {
  if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt))) {
    std::fprintf(stderr, "%s;\n", sql);
    sqlite3_free(sql);
  }
  return 0;
}
}  // namespace

void Store::configure() {
  // Not in a setgid installation: the statements' parameters would show users what they cannot read.
  const char* trace = getegid() == getgid() && geteuid() == getuid() ? std::getenv("LINKCTL_TRACE_SQL") : nullptr;
  if (trace && *trace && std::string_view(trace) != "0")
    sqlite3_trace_v2(db_->getHandle(), SQLITE_TRACE_STMT, trace_statement, nullptr);
  db_->setBusyTimeout(busy_timeout_ms_);
  db_->exec("PRAGMA foreign_keys = ON");
  if (path_ != ":memory:") {
    auto mode = db_->execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
      throw Error(ErrorKind::database, fmt::format("{}: cannot switch the database to WAL mode (got '{}'); check the file system supports shared memory", path_, mode));
  }
  // Durable commits: an acknowledged verb survives power loss.
  db_->exec("PRAGMA synchronous = FULL");
}

void Store::migrate() {
  int have = schema_version();
  int want = latest_schema_version();
  if (have > want)
    throw Error(ErrorKind::database,
                fmt::format("{} has schema version {}, newer than this linkctl understands ({}); upgrade linkctl", path_, have, want));
  if (have == want) return;
  WriteTx tx(*db_, busy_timeout_ms_);
  have = schema_version();  // another process may have migrated while we waited for the lock
  auto migrations = embedded::migrations();
  for (int v = have; v < want; ++v) db_->exec(std::string(migrations[static_cast<std::size_t>(v)].sql));
  db_->exec(fmt::format("PRAGMA user_version = {}", want));
  db_->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  tx.commit();
}

namespace {
// The tables every schema version has; before schema 4 they are how a linkctl file is recognised.
constexpr const char* kCountLinkctlTables =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('policy_versions', 'tickets', 'stages', "
    "'events', 'spotchecks', 'announced_lapses', 'frozen_reports')";
constexpr int kLinkctlTables = 7;

bool read_only_failure(const SQLite::Exception& e) {
  int code = e.getErrorCode();
  return code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM;
}

// A path as a file: URI (RFC 3986 percent-encoding of everything but unreserved characters and '/').
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') uri += static_cast<char>(c);
    else uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

}  // namespace

void Store::require_linkctl_file() {
  auto not_ours = [&](const std::string& why) {
    return Error(ErrorKind::database, fmt::format("{} is not a linkctl database ({}); create one with 'linkctl init --db NEW-FILE'", path_, why));
  };
  int version = schema_version();
  if (version == 0) throw not_ours("it has no linkctl schema");
  if (version < 0) throw not_ours(fmt::format("its schema version {} is impossible; the file is damaged", version));
  int app = db_->execAndGet("PRAGMA application_id").getInt();
  if (app == kApplicationId) return;
  if (app != 0) throw not_ours(fmt::format("it belongs to another application, id 0x{:08x}", static_cast<unsigned>(app)));
  if (db_->execAndGet(kCountLinkctlTables).getInt() != kLinkctlTables) throw not_ours("it lacks linkctl's tables");
}

Store Store::open(const std::string& path, int busy_timeout_ms) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorKind::database, fmt::format("no database at {}; create one with 'linkctl init' or point --db / LINKCTL_DB at it", path));
  try {
    Store s(std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | kOpenFlags), path, busy_timeout_ms);
    // Recognised before anything is changed: switching to WAL writes the file's header.
    s.db_->setBusyTimeout(busy_timeout_ms);
    s.require_linkctl_file();
    s.configure();
    s.migrate();
    return s;
  } catch (const SQLite::Exception& e) {
    // A database in a directory we cannot write, with no -wal to read: SQLite cannot create the
    // -shm it needs for WAL mode there, but everything committed is in the file itself.
    if (read_only_failure(e) && !std::filesystem::exists(path + "-wal", ec)) {
      try {
        return open_immutable(path, busy_timeout_ms);
      } catch (const SQLite::Exception&) {
      }
    }
    throw database_error(e, path);
  }
}

Store Store::open_immutable(const std::string& path, int busy_timeout_ms) {
  Store s(std::make_unique<SQLite::Database>(file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLITE_OPEN_URI | kOpenFlags),
          path, busy_timeout_ms);
  s.db_->exec("PRAGMA foreign_keys = ON");
  s.require_linkctl_file();
  if (s.schema_version() < latest_schema_version())
    throw Error(ErrorKind::database, fmt::format("{} has schema version {} and must be migrated, which needs write access to it and its "
                                                 "directory; open it once as its owner", path, s.schema_version()));
  if (s.schema_version() > latest_schema_version()) s.migrate();  // refuses a newer schema
  return s;
}

void Store::require_absent(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0)
    throw Error(ErrorKind::conflict, fmt::format("{} already exists; linkctl init never overwrites a database (use 'linkctl policy apply' to change its policy)", path));
}

void Store::create(const std::string& path, const std::function<void(Store&)>& build) {
  namespace fs = std::filesystem;
  require_absent(path);
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".init-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw Error(ErrorKind::database, fmt::format("cannot create {} ({}); the directory must exist and be writable", path, std::strerror(errno)));
  ::close(fd);
  struct RemoveUnlessPublished {
    std::string temp;
    bool published = false;
    ~RemoveUnlessPublished() {
      if (published) return;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((temp + suffix).c_str());
    }
  } cleanup{temp};
  // SQLite creates files 0644 minus the umask; like any Unix tool, start from 0666 so that
  // "umask 007" gives a group-writable database (and -wal/-shm, which copy its mode).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temp.c_str(), 0666 & ~mask);
  try {
    {
      Store s(std::make_unique<SQLite::Database>(temp, SQLite::OPEN_READWRITE | kOpenFlags), path);
      s.configure();
      s.migrate();
      build(s);
    }  // the last connection closed: the WAL is checkpointed into the file and removed
  } catch (const SQLite::Exception& e) {
    throw database_error(e, path);
  }
  // Into place without replacing anything: another init may have won the race.
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
    int err = errno;
    std::error_code ec;
    bool empty_file = err == EEXIST && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0;
    if (err == EEXIST && !empty_file) require_absent(path);
    // An empty file someone made for us (mktemp) is replaced; a file system without
    // RENAME_NOREPLACE gets a hard link, which never replaces either.
    bool placed = empty_file ? ::rename(temp.c_str(), path.c_str()) == 0
                             : (err == EINVAL || err == ENOSYS) && ::link(temp.c_str(), path.c_str()) == 0 && ::unlink(temp.c_str()) == 0;
    if (!placed) {
      if (errno == EEXIST) require_absent(path);
      throw Error(ErrorKind::database, fmt::format("cannot create {} ({})", path, std::strerror(errno)));
    }
  }
  cleanup.published = true;
  // The new name must survive a crash too.
  if (int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); d >= 0) {
    ::fsync(d);
    ::close(d);
  }
}

Store Store::memory() {
  Store s(std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOpenFlags), ":memory:");
  s.configure();
  s.migrate();
  return s;
}

Store::WriteTx::WriteTx(SQLite::Database& db, int busy_timeout_ms) : db_(db) {
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY)
      throw Error(ErrorKind::database,
                  fmt::format("the database stayed locked by another process for {} ms; try again (is a long import running? "
                              "LINKCTL_BUSY_TIMEOUT sets the wait)", busy_timeout_ms));
    throw;
  }
}

Store::WriteTx::~WriteTx() {
  if (!done_) db_.tryExec("ROLLBACK");
}

void Store::WriteTx::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

Store::WriteTx Store::begin_write() { return WriteTx(*db_, busy_timeout_ms_); }

SQLite::Statement& Store::cached(const std::string& sql) {
  auto& slot = built_statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  slot->reset();
  slot->clearBindings();
  return *slot;
}

SQLite::Statement& Store::cached(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<SQLite::Statement>(*db_, sql);
  slot->reset();
  slot->clearBindings();
  return *slot;
}

// ---- policies ----------------------------------------------------------------

namespace {
PolicyVersion read_policy(SQLite::Statement& st) {
  return {st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
          st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
          opt_text(st.getColumn(6))};
}
}  // namespace

std::optional<PolicyVersion> Store::current_policy() {
  SQLite::Statement st(*db_, std::string(kSelectPolicy) + " ORDER BY version DESC LIMIT 1");
  if (!st.executeStep()) return std::nullopt;
  return read_policy(st);
}

std::vector<PolicyVersion> Store::policy_history() {
  SQLite::Statement st(*db_, std::string(kSelectPolicy) + " ORDER BY version");
  std::vector<PolicyVersion> out;
  while (st.executeStep()) out.push_back(read_policy(st));
  return out;
}

std::int64_t Store::add_policy_version(const PolicyVersion& v) {
  auto& st = cached(kInsertPolicy);
  st.bind(1, v.applied_at);
  st.bind(2, v.applied_by);
  st.bind(3, v.source);
  st.bind(4, v.sha256);
  st.bind(5, v.text);
  bind_opt(st, 6, v.compiled);
  st.exec();
  return db_->getLastInsertRowid();
}

std::optional<Event> Store::policy_event(std::int64_t version) {
  auto& st = cached(kSelectPolicyEvent);
  st.bind(1, version);
  std::optional<Event> e;
  if (st.executeStep()) e = read_event(st);
  st.reset();  // a statement left stepping would hold its read transaction open
  return e;
}

std::int64_t Store::last_event_policy_version() {
  auto& st = cached("SELECT policy_version FROM events ORDER BY id DESC LIMIT 1");
  std::int64_t v = st.executeStep() ? st.getColumn(0).getInt64() : 0;
  st.reset();
  return v;
}

// ---- events ------------------------------------------------------------------

std::int64_t Store::append_event(const EventDraft& draft, std::int64_t policy_version) {
  Event e;
  static_cast<EventDraft&>(e) = draft;
  e.policy_version = policy_version;
  e.changes_json = draft.changes.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  e.prev_hash = kGenesisHash;
  e.id = 1;
  {
    auto& last = cached(kSelectLastEvent);
    if (last.executeStep()) {
      e.id = last.getColumn(0).getInt64() + 1;
      e.prev_hash = last.getColumn(1).getString();
    }
    last.reset();
  }
  if (e.ticket_id && !e.ticket_digest) e.ticket_digest = ticket_digest(*e.ticket_id);
  e.hash = event_hash(e, e.prev_hash);
  auto& st = cached(kInsertEvent);
  st.bind(1, static_cast<std::int64_t>(e.id));
  bind_opt(st, 2, e.ticket_id);
  st.bind(3, e.verb);
  st.bind(4, e.actor);
  bind_opt(st, 5, e.via);
  st.bind(6, format_instant(e.at));
  st.bind(7, format_instant(e.recorded_at));
  st.bind(8, e.clock_override ? 1 : 0);
  bind_opt(st, 9, e.state_before);
  bind_opt(st, 10, e.state_after);
  st.bind(11, e.changes_json);
  bind_opt(st, 12, e.note);
  bind_opt(st, 13, e.ticket_digest);
  st.bind(14, static_cast<std::int64_t>(e.policy_version));
  st.bind(15, e.prev_hash);
  st.bind(16, e.hash);
  st.exec();
  return e.id;
}

std::vector<Event> Store::events_since(std::int64_t since, std::int64_t limit) {
  std::string sql = fmt::format("SELECT {} FROM events WHERE id > ? ORDER BY id", kEventColumns);
  if (limit > 0) sql += fmt::format(" LIMIT {}", limit);
  SQLite::Statement st(*db_, sql);
  st.bind(1, static_cast<std::int64_t>(since));
  std::vector<Event> out;
  while (st.executeStep()) out.push_back(read_event(st));
  return out;
}

std::vector<Event> Store::ticket_events(std::int64_t ticket_id) {
  SQLite::Statement st(*db_, fmt::format("SELECT {} FROM events WHERE ticket_id = ? ORDER BY id", kEventColumns));
  st.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<Event> out;
  while (st.executeStep()) out.push_back(read_event(st));
  return out;
}

namespace {
// Events that write a row of another table; audit_rows() holds those rows.
bool writes_rows(std::string_view verb) {
  return verb == "init" || verb == "policy.apply" || verb == "report.freeze" || verb == "spotcheck" || verb == "overdue.announce";
}
}  // namespace

AuditResult Store::verify_audit(const std::vector<Anchor>& anchors) {
  AuditResult r;
  std::map<std::int64_t, std::string> expected;
  for (const auto& a : anchors) expected[a.event] = a.hash;
  SQLite::Statement st(*db_, fmt::format("SELECT {} FROM events ORDER BY id", kEventColumns));
  std::string prev = kGenesisHash;
  std::int64_t expected_id = 1;
  while (st.executeStep()) {
    Event e = read_event(st);
    ++r.events_checked;
    std::string at = st.getColumn(5).getString(), recorded = st.getColumn(6).getString();
    if (e.id != expected_id) {
      r.fail(expected_id, fmt::format("event {} is missing (the next event is {}); rows were removed", expected_id, e.id));
      return r;
    }
    if (e.prev_hash != prev) {
      r.fail(e.id, fmt::format("event {} does not follow event {} (previous hash differs); events were removed or reordered", e.id, e.id - 1));
      return r;
    }
    if (sha256_hex(prev + "\n" + event_canonical(e, at, recorded)) != e.hash) {
      r.fail(e.id, fmt::format("event {} was altered after it was written (its hash does not match its content)", e.id));
      return r;
    }
    if (auto anchor = expected.find(e.id); anchor != expected.end() && anchor->second != e.hash) {
      r.fail(e.id, fmt::format("event {} has hash {} but the anchor kept outside says {}; the chain was rewritten from event {} on "
                               "(or the anchor is from another database)", e.id, e.hash, anchor->second, e.id));
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
    r.fail(n, fmt::format("the chain ends at event {} but an anchor kept outside names event {}; events were removed", r.head_event, n));
    return r;
  }
  // Each ticket must be explained by its events: filed by one, and exactly as its last event left it.
  SQLite::Statement tickets(*db_,
                            "SELECT t.id, t.state, e.id, e.state_after, e.ticket_digest FROM tickets t LEFT JOIN events e ON e.id = "
                            "(SELECT max(x.id) FROM events x WHERE x.ticket_id = t.id) ORDER BY t.id");
  while (tickets.executeStep()) {
    ++r.tickets_checked;
    auto id = tickets.getColumn(0).getInt64();
    auto state = tickets.getColumn(1).getString();
    if (tickets.getColumn(2).isNull()) {
      r.fail(std::nullopt, fmt::format("ticket {} has no events; it was inserted outside linkctl", id));
      return r;
    }
    auto last = tickets.getColumn(2).getInt64();
    auto after = opt_text(tickets.getColumn(3)).value_or("");
    if (after != state) {
      r.fail(last, fmt::format("ticket {} is '{}' but its last event {} left it '{}'; the ticket row or its events were changed outside linkctl", id, state, last, after));
      return r;
    }
    if (opt_text(tickets.getColumn(4)) != ticket_digest(id)) {
      r.fail(last, fmt::format("ticket {} or one of its stages differs from what its last event {} recorded; it was changed outside linkctl (or that ticket's later events were removed)", id, last));
      return r;
    }
  }
  // Stages of no ticket are in no digest, so none may exist.
  SQLite::Statement orphans(*db_, "SELECT s.id, s.ticket_id FROM stages s WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = s.ticket_id) LIMIT 1");
  if (orphans.executeStep()) {
    r.fail(std::nullopt, fmt::format("stage {} belongs to ticket {}, which does not exist; it was inserted outside linkctl",
                                     orphans.getColumn(0).getInt64(), orphans.getColumn(1).getInt64()));
    return r;
  }
  return r;
}

AuditRows Store::audit_rows() {
  AuditRows rows;
  rows.policies = policy_history();
  SQLite::Statement fr(*db_, "SELECT month, frozen_at, frozen_by, policy_version, calendar_sha256, report FROM frozen_reports ORDER BY month");
  while (fr.executeStep())
    rows.frozen.push_back({fr.getColumn(0).getString(), fr.getColumn(1).getString(), fr.getColumn(2).getString(),
                           fr.getColumn(3).getInt64(), fr.getColumn(4).getString(), fr.getColumn(5).getString()});
  SQLite::Statement sc(*db_, "SELECT id, ticket_id, finding, dept, at, on_date, by_person, note FROM spotchecks ORDER BY id");
  while (sc.executeStep())
    rows.spotchecks.push_back({sc.getColumn(0).getInt64(), sc.getColumn(1).getInt64(), sc.getColumn(2).getString(),
                               sc.getColumn(3).getString(), sc.getColumn(4).getString(), sc.getColumn(5).getString(),
                               sc.getColumn(6).getString(), opt_text(sc.getColumn(7))});
  SQLite::Statement la(*db_,
                       "SELECT l.stage_id, s.ticket_id, s.kind, l.due, l.recipient, l.announced_at FROM announced_lapses l "
                       "LEFT JOIN stages s ON s.id = l.stage_id ORDER BY l.stage_id, l.due, l.recipient");
  while (la.executeStep()) {
    LapseRow l;
    l.stage_id = la.getColumn(0).getInt64();
    if (!la.getColumn(1).isNull()) l.ticket_id = la.getColumn(1).getInt64();
    l.kind = opt_text(la.getColumn(2)).value_or("");
    l.due = la.getColumn(3).getString();
    l.recipient = la.getColumn(4).getString();
    l.announced_at = la.getColumn(5).getString();
    rows.lapses.push_back(std::move(l));
  }
  return rows;
}

std::optional<std::string> Store::event_hash_of(std::int64_t id) {
  SQLite::Statement st(*db_, "SELECT hash FROM events WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getString();
}

Anchor Store::head() {
  auto& last = cached(kSelectLastEvent);
  Anchor a{0, kGenesisHash};
  if (last.executeStep()) a = {last.getColumn(0).getInt64(), last.getColumn(1).getString()};
  last.reset();
  return a;
}

// ---- tickets -----------------------------------------------------------------

namespace {

using Value = std::variant<std::monostate, std::int64_t, std::string>;
template <typename T, typename F>
Value value_of(const std::optional<T>& v, F format) {
  return v ? Value(format(*v)) : Value();
}
Value value_of(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
Value text_or_null_value(const std::string& v) { return v.empty() ? Value() : Value(v); }
Value stage_id(const std::optional<Stage>& s) { return s ? Value(s->id) : Value(); }

}  // namespace

// A row as the store writes it: kDigestTicket's and kDigestStages's columns, in their
// order. update_changed() compares two by position; digests hash them.
std::vector<Store::Column> Store::ticket_row(const Ticket& t) {
  return {{"id", std::int64_t{t.id}},
          {"ref", value_of(t.ref)},
          {"ref_digest", value_of(t.ref_digest)},
          {"state", std::string(to_string(t.state))},
          {"title", t.title},
          {"body", t.body},
          {"category", t.category},
          {"severity", std::string(to_string(t.severity))},
          {"filer", t.filer},
          {"from_dept", t.from_dept},
          {"to_dept", t.to_dept},
          {"handler", value_of(t.handler)},
          {"result", value_of(t.result)},
          {"rating", t.rating ? Value(std::string(to_string(*t.rating))) : Value()},
          {"escalated", std::int64_t{t.escalated ? 1 : 0}},
          {"resets", std::int64_t{t.resets}},
          {"filed_at", format_instant(t.filed_at)},
          {"updated_at", format_instant(t.updated_at)},
          {"approval_stage", stage_id(t.approval)},
          {"feedback_stage", stage_id(t.feedback)},
          {"review_stage", stage_id(t.review)}};
}

std::vector<Store::Column> Store::stage_row(std::int64_t ticket_id, const Stage& s) {
  return {{"id", std::int64_t{s.id}},
          {"ticket_id", ticket_id},
          {"kind", std::string(to_string(s.kind))},
          {"rule", s.rule},
          {"dept", s.dept},
          {"started_at", format_instant(s.started_at)},
          {"start_date", format_date(s.start_date)},
          {"due", format_date(s.due)},
          {"due_at", value_of(s.due_at, format_instant)},
          {"escalated_at", value_of(s.escalated_at, format_instant)},
          {"escalated_due", value_of(s.escalated_due, format_date)},
          {"finished_at", value_of(s.finished_at, format_instant)},
          {"finished_on", value_of(s.finished_on, format_date)},
          {"outcome", text_or_null_value(s.outcome)},
          {"explained_at", value_of(s.explained_at, format_instant)},
          {"explanation", text_or_null_value(s.explanation)}};
}

void Store::write_stage(std::int64_t ticket_id, Stage& s, const std::optional<Stage>& before) {
  if (s.id != 0) {
    if (before && *before == s) return;
    // A stage written again without its previous state (a retired one) is written whole.
    update_changed("stages", s.id, before ? stage_row(ticket_id, *before) : std::vector<Column>{}, stage_row(ticket_id, s));
    return;
  }
  auto& st = cached(kInsertStage);
  st.bind(1, static_cast<std::int64_t>(ticket_id));
  st.bind(2, std::string(to_string(s.kind)));
  st.bind(3, s.rule);
  st.bind(4, s.dept);
  st.bind(5, format_instant(s.started_at));
  st.bind(6, format_date(s.start_date));
  st.bind(7, format_date(s.due));
  bind_opt(st, 8, s.due_at);
  bind_opt(st, 9, s.escalated_at);
  bind_opt(st, 10, s.escalated_due);
  bind_opt(st, 11, s.finished_at);
  bind_opt(st, 12, s.finished_on);
  bind_opt(st, 13, s.outcome.empty() ? std::nullopt : std::optional<std::string>(s.outcome));
  bind_opt(st, 14, s.explained_at);
  bind_opt(st, 15, s.explanation.empty() ? std::nullopt : std::optional<std::string>(s.explanation));
  bind_opt(st, 16, s.id ? std::optional<std::int64_t>(s.id) : std::nullopt);
  st.exec();
  s.id = db_->getLastInsertRowid();
}

namespace {

std::optional<std::int64_t> id_or_null(const std::optional<Stage>& s) { return s ? std::optional(s->id) : std::nullopt; }

// A row as canonical text: what ticket_digest() reads back from the same columns.
CanonicalArray canonical_row(const std::vector<Store::Column>& row) {
  CanonicalArray j;
  for (const auto& c : row) {
    if (const auto* text = std::get_if<std::string>(&c.value)) j.str(*text);
    else if (const auto* number = std::get_if<std::int64_t>(&c.value)) j.num(*number);
    else j.null();
  }
  return j;
}

}  // namespace

std::string Store::digest_of_new(const Ticket& t) {
  // From memory: a new ticket's current stages are all it has (checked against ticket_digest() in tests).
  CanonicalArray j;
  j.array(canonical_row(ticket_row(t)));
  for (const auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s) j.array(canonical_row(stage_row(t.id, **s)));
  return sha256_hex(j.text());
}

void Store::insert_ticket(Ticket& t) {
  auto& st = cached(kInsertTicket);
  bind_opt(st, 1, t.ref);
  bind_opt(st, 2, t.ref_digest);
  st.bind(3, std::string(to_string(t.state)));
  st.bind(4, t.title);
  st.bind(5, t.body);
  st.bind(6, t.category);
  st.bind(7, std::string(to_string(t.severity)));
  st.bind(8, t.filer);
  st.bind(9, t.from_dept);
  st.bind(10, t.to_dept);
  bind_opt(st, 11, t.handler);
  bind_opt(st, 12, t.result);
  bind_opt(st, 13, t.rating ? std::optional<std::string>(std::string(to_string(*t.rating))) : std::nullopt);
  st.bind(14, t.escalated ? 1 : 0);
  st.bind(15, t.resets);
  st.bind(16, format_instant(t.filed_at));
  st.bind(17, format_instant(t.updated_at));
  st.exec();
  t.id = db_->getLastInsertRowid();
  // The ticket and its stages point at each other: the stages go in after the
  // ticket, then the ticket gets their ids. (Deferring the foreign keys instead
  // makes SQLite scan tickets for each new stage: tickets.approval_stage has no index.)
  for (auto* s : {&t.approval, &t.feedback, &t.review})
    if (*s) write_stage(t.id, **s, std::nullopt);
  auto& link = cached(kLinkStages);
  bind_opt(link, 1, id_or_null(t.approval));
  bind_opt(link, 2, id_or_null(t.feedback));
  bind_opt(link, 3, id_or_null(t.review));
  link.bind(4, static_cast<std::int64_t>(t.id));
  link.exec();
}

void Store::update_ticket(const Ticket& before, Ticket& after) {
  if (after.approval) write_stage(after.id, *after.approval, before.approval);
  if (after.feedback) write_stage(after.id, *after.feedback, before.feedback);
  if (after.review) write_stage(after.id, *after.review, before.review);
  update_changed("tickets", after.id, ticket_row(before), ticket_row(after));
}

void Store::update_changed(const char* table, std::int64_t id, const std::vector<Column>& before, const std::vector<Column>& after) {
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
  auto& st = cached(sql);
  int n = 0;
  for (const auto* c : set) {
    ++n;
    if (const auto* text = std::get_if<std::string>(&c->value)) st.bind(n, *text);
    else if (const auto* number = std::get_if<std::int64_t>(&c->value)) st.bind(n, *number);
    else st.bind(n);
  }
  st.bind(n + 1, id);
  st.exec();
}

std::vector<Ticket> Store::query_tickets(const std::string& where, const std::function<void(SQLite::Statement&)>& bind) {
  SQLite::Statement st(*db_, std::string(kSelectTicket) + " " + where);
  bind(st);
  std::vector<Ticket> out;
  while (st.executeStep()) out.push_back(read_ticket(st));
  return out;
}

std::optional<Ticket> Store::load_ticket(std::int64_t id) {
  auto rows = query_tickets("WHERE t.id = ?", [&](SQLite::Statement& st) { st.bind(1, static_cast<std::int64_t>(id)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<Ticket> Store::find_by_ref(const std::string& ref) {
  auto rows = query_tickets("WHERE t.ref = ?", [&](SQLite::Statement& st) { st.bind(1, ref); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<std::int64_t> Store::open_tickets_of(const std::string& dept, int limit) {
  SQLite::Statement st(*db_,
                       "SELECT id FROM tickets WHERE (from_dept = ?1 OR to_dept = ?1) AND state IN "
                       "('pending', 'routed', 'assigned', 'handled', 'answered') ORDER BY id LIMIT ?2");
  st.bind(1, dept);
  st.bind(2, limit);
  std::vector<std::int64_t> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

std::vector<Ticket> Store::list_tickets(const TicketFilter& f) {
  std::vector<Ticket> out;
  each_ticket(f, [&](Ticket&& t) { out.push_back(std::move(t)); });
  return out;
}

void Store::each_ticket(const TicketFilter& f, const std::function<void(Ticket&&)>& visit) {
  std::vector<std::string> conds;
  std::vector<std::function<void(SQLite::Statement&)>> binds;
  auto text_param = [&](const std::string& name, const std::string& value) {
    binds.push_back([name, value](SQLite::Statement& st) { st.bind(name, value); });
  };
  if (!f.states.empty()) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < f.states.size(); ++i) {
      names.push_back(fmt::format(":state{}", i));
      text_param(names.back(), std::string(to_string(f.states[i])));
    }
    conds.push_back(fmt::format("t.state IN ({})", fmt::join(names, ", ")));
  }
  if (f.dept) conds.push_back("(t.from_dept = :dept OR t.to_dept = :dept)"), text_param(":dept", *f.dept);
  if (f.from_dept) conds.push_back("t.from_dept = :from_dept"), text_param(":from_dept", *f.from_dept);
  if (f.to_dept) conds.push_back("t.to_dept = :to_dept"), text_param(":to_dept", *f.to_dept);
  if (f.severity) conds.push_back("t.severity = :severity"), text_param(":severity", std::string(to_string(*f.severity)));
  if (f.category) conds.push_back("t.category = :category"), text_param(":category", *f.category);
  if (f.escalated) conds.push_back(*f.escalated ? "t.escalated = 1" : "t.escalated = 0");
  if (f.filed_from) conds.push_back("t.filed_at >= :filed_from"), text_param(":filed_from", format_instant(*f.filed_from));
  if (f.filed_before) conds.push_back("t.filed_at < :filed_before"), text_param(":filed_before", format_instant(*f.filed_before));
  if (f.after_id) {
    conds.push_back("t.id > :after_id");
    auto v = *f.after_id;
    binds.push_back([v](SQLite::Statement& st) { st.bind(":after_id", static_cast<std::int64_t>(v)); });
  }
  if (f.overdue_only) {
    conds.push_back("(" + overdue_sql("a") + " OR " + overdue_sql("f") + " OR " + overdue_sql("r") + ")");
    text_param(":today", format_date(f.overdue_today.value_or(Date{})));
  }
  if (f.visible_depts) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < f.visible_depts->size(); ++i) {
      names.push_back(fmt::format(":vis{}", i));
      text_param(names.back(), (*f.visible_depts)[i]);
    }
    if (names.empty()) conds.push_back("0");
    else conds.push_back(fmt::format("(t.from_dept IN ({0}) OR t.to_dept IN ({0}))", fmt::join(names, ", ")));
  }
  std::string where = conds.empty() ? "" : "WHERE " + fmt::format("{}", fmt::join(conds, " AND "));
  where += " ORDER BY t.id";
  if (f.limit) where += fmt::format(" LIMIT {}", *f.limit);
  SQLite::Statement st(*db_, std::string(kSelectTicket) + " " + where);
  for (auto& b : binds) b(st);
  while (st.executeStep()) visit(read_ticket(st));
}

std::vector<OpenStage> Store::open_stages(const OpenStageQuery& q) {
  std::string sql =
      "SELECT " LINKCTL_STAGE_SELECT ", t.id, t.severity, t.state, t.escalated, t.title "
      "FROM stages s JOIN tickets t ON t.id = s.ticket_id "
      "WHERE s.finished_at IS NULL AND s.current_due <= :due_by "
      "AND s.id IN (t.approval_stage, t.feedback_stage, t.review_stage)";
  if (q.dept) sql += " AND s.dept = :dept";
  if (q.severity) sql += " AND t.severity = :severity";
  if (q.visible_depts) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < q.visible_depts->size(); ++i) names.push_back(fmt::format(":vis{}", i));
    sql += names.empty() ? " AND 0" : fmt::format(" AND (t.from_dept IN ({0}) OR t.to_dept IN ({0}))", fmt::join(names, ", "));
  }
  SQLite::Statement st(*db_, sql + " ORDER BY s.id");
  st.bind(":due_by", format_date(q.due_by));
  if (q.dept) st.bind(":dept", *q.dept);
  if (q.severity) st.bind(":severity", std::string(to_string(*q.severity)));
  if (q.visible_depts)
    for (std::size_t i = 0; i < q.visible_depts->size(); ++i) st.bind(fmt::format(":vis{}", i), (*q.visible_depts)[i]);
  std::vector<OpenStage> out;
  while (st.executeStep()) {
    OpenStage o;
    o.stage = *read_stage(st, 0);
    o.ticket = st.getColumn(kStageColumnCount).getInt64();
    if (auto v = parse_severity(st.getColumn(kStageColumnCount + 1).getText())) o.severity = *v;
    if (auto v = parse_state(st.getColumn(kStageColumnCount + 2).getText())) o.state = *v;
    o.escalated = st.getColumn(kStageColumnCount + 3).getInt() != 0;
    o.title = st.getColumn(kStageColumnCount + 4).getString();
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<Ticket> Store::inbox(const InboxQuery& q) {
  std::vector<std::string> conds;
  std::vector<std::function<void(SQLite::Statement&)>> binds;
  conds.push_back("(t.state = 'assigned' AND t.handler = :person)");
  binds.push_back([p = q.person](SQLite::Statement& st) { st.bind(":person", p); });
  for (std::size_t i = 0; i < q.lead_of.size(); ++i) {
    auto name = fmt::format(":lead{}", i);
    conds.push_back(fmt::format("(t.from_dept = {0} AND t.state IN ('pending', 'answered'))", name));
    conds.push_back(fmt::format("(t.to_dept = {0} AND t.state IN ('routed', 'handled'))", name));
    binds.push_back([name, d = q.lead_of[i]](SQLite::Statement& st) { st.bind(name, d); });
  }
  if (q.supervisor) {
    // Overdue and not yet escalated: what the supervising office should press.
    conds.push_back("(t.state IN ('routed', 'assigned', 'handled') AND t.escalated = 0 AND " + overdue_sql("f") + ")");
    binds.push_back([today = format_date(q.today)](SQLite::Statement& st) { st.bind(":today", today); });
  }
  return query_tickets(fmt::format("WHERE {} ORDER BY t.id", fmt::join(conds, " OR ")), [&](SQLite::Statement& st) {
    for (auto& b : binds) b(st);
  });
}

std::string Store::ticket_digest(std::int64_t ticket_id) {
  // Every column, as stored: read raw so that any change outside linkctl shows.
  CanonicalArray j;
  auto row = [&](SQLite::Statement& st) {
    CanonicalArray cols;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      const auto& c = st.getColumn(i);
      if (c.isNull()) cols.null();
      else if (c.isInteger()) cols.num(c.getInt64());
      else cols.str(c.getString());
    }
    j.array(cols);
  };
  auto& t = cached(kDigestTicket);
  t.bind(1, ticket_id);
  while (t.executeStep()) row(t);
  auto& s = cached(kDigestStages);
  s.bind(1, ticket_id);
  while (s.executeStep()) row(s);
  return sha256_hex(j.text());
}

std::vector<Stage> Store::ticket_stages(std::int64_t ticket_id) {
  auto& st = cached(kSelectStages);
  st.bind(1, static_cast<std::int64_t>(ticket_id));
  std::vector<Stage> out;
  while (st.executeStep())
    if (auto s = read_stage(st, 0)) out.push_back(*s);
  return out;
}

}  // namespace linkctl

namespace linkctl {

// ---- scoring, spot checks, announcements, frozen reports ----------------------

MonthFacts Store::month_facts(Date first, Date last, Instant from, Instant to, MonthScope scope) {
  MonthFacts facts;
  // Every term is a range on an indexed column, so SQLite reads only the month.
  const char* where =
      scope == MonthScope::everything
          ? "s.due BETWEEN :first AND :last OR s.escalated_due BETWEEN :first AND :last "
            "OR s.finished_on BETWEEN :first AND :last OR s.start_date BETWEEN :first AND :last "
            "OR (s.escalated_at >= :from AND s.escalated_at < :to)"
          // What can carry a penalty (SPEC section 6; scoring.cpp decides): late against a
          // due date in the month, rated fair or unsatisfied, reset after rating, escalated.
          : "(s.due BETWEEN :first AND :last AND (s.finished_on IS NULL OR s.finished_on > s.due OR s.due_at IS NOT NULL)) "
            "OR s.escalated_due BETWEEN :first AND :last "
            "OR (s.finished_on BETWEEN :first AND :last AND s.outcome IN ('fair', 'unsatisfied')) "
            "OR (s.start_date BETWEEN :first AND :last AND s.rule = 'reset-after-rating') "
            "OR (s.escalated_at >= :from AND s.escalated_at < :to)";
  SQLite::Statement st(*db_, fmt::format("SELECT " LINKCTL_STAGE_SELECT ", s.ticket_id, t.from_dept, "
                                         "(SELECT f.dept FROM stages f WHERE f.ticket_id = s.ticket_id AND f.kind = 'feedback' AND f.id < s.id "
                                         " ORDER BY f.id DESC LIMIT 1) "
                                         "FROM stages s JOIN tickets t ON t.id = s.ticket_id WHERE {} ORDER BY s.id",
                                         where));
  st.bind(":first", format_date(first));
  st.bind(":last", format_date(last));
  st.bind(":from", format_instant(from));
  st.bind(":to", format_instant(to));
  while (st.executeStep()) {
    StageFact f;
    f.stage = *read_stage(st, 0);
    f.ticket_id = st.getColumn(kStageColumnCount).getInt64();
    f.from_dept = st.getColumn(kStageColumnCount + 1).getString();
    f.answering_dept = opt_text(st.getColumn(kStageColumnCount + 2)).value_or("");
    facts.stages.push_back(std::move(f));
  }
  SQLite::Statement sc(*db_, "SELECT ticket_id, on_date, dept, finding FROM spotchecks WHERE on_date BETWEEN ? AND ? ORDER BY id");
  sc.bind(1, format_date(first));
  sc.bind(2, format_date(last));
  while (sc.executeStep())
    facts.spotchecks.push_back({sc.getColumn(0).getInt64(), date_col(sc.getColumn(1)), sc.getColumn(2).getString(),
                                sc.getColumn(3).getString() == "fake"});
  return facts;
}

void Store::add_spotcheck(std::int64_t ticket_id, bool fake, const std::string& dept, Instant at, Date on,
                          const std::string& by, const std::optional<std::string>& note) {
  SQLite::Statement st(*db_, "INSERT INTO spotchecks (ticket_id, finding, dept, at, on_date, by_person, note) VALUES (?,?,?,?,?,?,?)");
  st.bind(1, ticket_id);
  st.bind(2, fake ? "fake" : "ok");
  st.bind(3, dept);
  st.bind(4, format_instant(at));
  st.bind(5, format_date(on));
  st.bind(6, by);
  bind_opt(st, 7, note);
  st.exec();
}

std::vector<std::int64_t> Store::rated_tickets(Date first, Date last) {
  SQLite::Statement st(*db_,
                       "SELECT DISTINCT s.ticket_id FROM stages s JOIN tickets t ON t.id = s.ticket_id "
                       "WHERE s.kind = 'review' AND s.finished_on BETWEEN ? AND ? "
                       "AND s.outcome IN ('satisfied', 'fair', 'unsatisfied') AND t.state = 'done' ORDER BY s.ticket_id");
  st.bind(1, format_date(first));
  st.bind(2, format_date(last));
  std::vector<std::int64_t> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

bool Store::lapse_announced(std::int64_t stage_id, Date due, const std::string& recipient) {
  auto& st = cached("SELECT 1 FROM announced_lapses WHERE stage_id = ? AND due = ? AND recipient IN ('', ?)");
  st.bind(1, stage_id);
  st.bind(2, format_date(due));
  st.bind(3, recipient);
  bool found = st.executeStep();
  st.reset();
  return found;
}

void Store::announce_lapse(std::int64_t stage_id, Date due, const std::string& recipient, Instant at) {
  auto& st = cached("INSERT INTO announced_lapses (stage_id, due, recipient, announced_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING");
  st.bind(1, stage_id);
  st.bind(2, format_date(due));
  st.bind(3, recipient);
  st.bind(4, format_instant(at));
  st.exec();
}

std::optional<Event> Store::freeze_event(const std::string& month) {
  SQLite::Statement st(*db_, fmt::format("SELECT {} FROM events WHERE ticket_id IS NULL AND verb = 'report.freeze' ORDER BY id", kEventColumns));
  while (st.executeStep()) {
    Event e = read_event(st);
    if (e.changes.is_object() && e.changes.value("month", "") == month) return e;
  }
  return std::nullopt;
}

std::optional<FrozenReport> Store::frozen_report(const std::string& month) {
  SQLite::Statement st(*db_, "SELECT month, frozen_at, frozen_by, policy_version, calendar_sha256, report FROM frozen_reports WHERE month = ?");
  st.bind(1, month);
  if (!st.executeStep()) return std::nullopt;
  return FrozenReport{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                      st.getColumn(3).getInt64(),  st.getColumn(4).getString(), st.getColumn(5).getString()};
}

void Store::freeze_report(const FrozenReport& r) {
  SQLite::Statement st(*db_, "INSERT INTO frozen_reports (month, frozen_at, frozen_by, policy_version, calendar_sha256, report) VALUES (?,?,?,?,?,?)");
  st.bind(1, r.month);
  st.bind(2, r.frozen_at);
  st.bind(3, r.frozen_by);
  st.bind(4, r.policy_version);
  st.bind(5, r.calendar_sha256);
  st.bind(6, r.report);
  st.exec();
}

}  // namespace linkctl
