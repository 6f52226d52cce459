// SPDX-License-Identifier: MIT
// The SQLite engine: the only code that knows SQLite. One file, WAL mode, a busy
// timeout, migrations by PRAGMA user_version, files recognised by application_id.
#include "sqlite_database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "migrations.hpp"
#include "user_file.hpp"

namespace linkctl::sqlite {
namespace {

using db::DatabaseError;
using db::Failure;

// PRAGMA application_id of every linkctl database from schema 4 on ("LKCT"), so
// that another application's SQLite file is never taken for one of ours.
constexpr int kApplicationId = 0x4C4B4354;
// The tables every schema version has; before schema 4 they are how a linkctl file is recognised.
constexpr const char* kCountLinkctlTables =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('policy_versions', 'tickets', 'stages', "
    "'events', 'spotchecks', 'announced_lapses', 'frozen_reports')";
constexpr int kLinkctlTables = 7;

// A connection is used by one thread: no per-connection mutex. Without memory
// statistics SQLite takes no global mutex on each allocation either. Together a
// tenth of a short command's instructions.
constexpr int kOpenFlags = SQLITE_OPEN_NOMUTEX;
const bool kSqliteConfigured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // refused (harmlessly) if SQLite was already initialised
  return true;
}();

Failure classify(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Failure::locked;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return Failure::read_only;
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return Failure::full;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Failure::corrupt;
    default:
      return Failure::other;
  }
}

[[noreturn]] void fail(const SQLite::Exception& e, const std::string& where) {
  auto failure = classify(e.getErrorCode());
  throw DatabaseError(failure, db::failure_message(failure, where, e.what()));
}

// LINKCTL_TRACE_SQL=1: every statement, with its parameters, on stderr as it starts
// (to see what a command asks of SQLite, or replay it in the sqlite3 CLI; bench/run.sh does).
int trace_statement(unsigned, void*, void* stmt, void*) {
  if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt))) {
    std::fprintf(stderr, "%s;\n", sql);  // LINKCTL_TRACE_SQL, asked for
    sqlite3_free(sql);
  }
  return 0;
}

// An insert of one row ending in this returns the new row's id. SQLite runs RETURNING through
// a temporary table of its own, opened and zeroed for each statement (a fifth of the
// instructions of a bulk import); such an insert (of one VALUES row, no upsert: no other
// row could be meant) is run without it, and the rowid read.
constexpr std::string_view kReturningId = " RETURNING id";

bool returns_rowid(std::string_view sql) {
  return sql.rfind("INSERT INTO ", 0) == 0 && sql.size() > kReturningId.size() &&
         sql.substr(sql.size() - kReturningId.size()) == kReturningId && sql.find(" ON CONFLICT ") == sql.npos && sql.find("SELECT ") == sql.npos && sql.find("),(") == sql.npos;
}

std::string without_returning(const std::string& sql) {
  return returns_rowid(sql) ? sql.substr(0, sql.size() - kReturningId.size()) : sql;
}

class SqliteStatement final : public db::Statement {
 public:
  SqliteStatement(SQLite::Database& db, const std::string& sql, const std::string& where) try
      : db_(db), st_(db, without_returning(sql)), where_(where), returns_rowid_(returns_rowid(sql)) {
  } catch (const SQLite::Exception& e) {
    fail(e, where);
  }

  void bind(int index, std::int64_t value) override {
    try {
      st_.bind(index, value);
    } catch (const SQLite::Exception& e) {
      fail(e, where_);
    }
  }
  void bind(int index, const std::string& value) override {
    try {
      st_.bind(index, value);
    } catch (const SQLite::Exception& e) {
      fail(e, where_);
    }
  }
  void bind_null(int index) override {
    try {
      st_.bind(index);
    } catch (const SQLite::Exception& e) {
      fail(e, where_);
    }
  }
  using db::Statement::bind;

  bool step() override {
    try {
      if (!returns_rowid_) return st_.executeStep();
      // The one row of "RETURNING id": the rowid after the insert, then the end.
      if (rowid_) {
        rowid_.reset();
        return false;
      }
      while (st_.executeStep()) {
      }
      rowid_ = db_.getLastInsertRowid();
      return true;
    } catch (const SQLite::Exception& e) {
      fail(e, where_);
    }
  }
  void reset() override {
    st_.tryReset();
    st_.clearBindings();
    rowid_.reset();
  }

  int column_count() const override { return returns_rowid_ ? 1 : st_.getColumnCount(); }
  bool is_null(int column) const override { return rowid_ ? false : st_.getColumn(column).isNull(); }
  std::int64_t integer(int column) const override { return rowid_ ? *rowid_ : st_.getColumn(column).getInt64(); }
  std::string text(int column) const override {
    return rowid_ ? std::to_string(*rowid_) : st_.getColumn(column).getString();
  }
  Value value(int column) const override {
    if (rowid_) return Value(*rowid_);
    auto c = st_.getColumn(column);
    if (c.isNull()) return Value();
    if (c.isInteger()) return Value(c.getInt64());
    return Value(c.getString());
  }

 private:
  SQLite::Database& db_;
  mutable SQLite::Statement st_;
  std::string where_;
  bool returns_rowid_;
  std::optional<std::int64_t> rowid_;  ///< the row of "RETURNING id", while it is current
};

class SqliteConnection final : public db::Connection {
 public:
  SqliteConnection(std::unique_ptr<SQLite::Database> db, std::string name, int busy_timeout_ms)
      : db_(std::move(db)), name_(std::move(name)), busy_timeout_ms_(busy_timeout_ms) {}

  db::Statement& prepared(const char* sql) override {
    auto& slot = constants_[sql];
    if (!slot) slot = std::make_unique<SqliteStatement>(*db_, sql, name_);
    slot->reset();
    return *slot;
  }
  db::Statement& prepared(const std::string& sql) override {
    auto& slot = built_[sql];
    if (!slot) slot = std::make_unique<SqliteStatement>(*db_, sql, name_);
    slot->reset();
    return *slot;
  }
  std::unique_ptr<db::Statement> prepare(const std::string& sql) override {
    return std::make_unique<SqliteStatement>(*db_, sql, name_);
  }
  void execute(const std::string& sql) override {
    try {
      db_->exec(sql);
    } catch (const SQLite::Exception& e) {
      fail(e, name_);
    }
  }

  void begin_write() override {
    try {
      db_->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) == SQLITE_BUSY)
        throw DatabaseError(
            Failure::locked,
            fmt::format("the database stayed locked by another process for {} ms; try again (is a long import running? "
                        "LINKCTL_BUSY_TIMEOUT sets the wait)",
                        busy_timeout_ms_));
      fail(e, name_);
    }
  }
  void commit() override { execute("COMMIT"); }
  void rollback() noexcept override { db_->tryExec("ROLLBACK"); }
  void begin_snapshot() override { execute("BEGIN DEFERRED"); }
  void end_snapshot() noexcept override { db_->tryExec("COMMIT"); }

  int schema_version() override { return integer_pragma("PRAGMA user_version"); }
  int latest_schema_version() const override { return static_cast<int>(sqlite_migrations().size()); }
  void migrate() override;
  const std::string& name() const override { return name_; }

  /// WAL, foreign keys, durable commits, the busy timeout, and the trace when asked for.
  void configure(bool wal);
  /// Refuses a file that is not a linkctl database (another application's, or damaged).
  void require_linkctl_file();
  void set_busy_timeout(int ms) { db_->setBusyTimeout(ms); }

 private:
  int integer_pragma(const char* sql) {
    try {
      return db_->execAndGet(sql).getInt();
    } catch (const SQLite::Exception& e) {
      fail(e, name_);
    }
  }

  std::unique_ptr<SQLite::Database> db_;
  std::string name_;
  int busy_timeout_ms_;
  std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> constants_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> built_;
};

void SqliteConnection::configure(bool wal) {
  // Not in a setgid installation: the statements' parameters would show users what they cannot read.
  const char* trace = elevated() ? nullptr : std::getenv("LINKCTL_TRACE_SQL");
  if (trace && *trace && std::string_view(trace) != "0")
    sqlite3_trace_v2(db_->getHandle(), SQLITE_TRACE_STMT, trace_statement, nullptr);
  try {
    db_->setBusyTimeout(busy_timeout_ms_);
    db_->exec("PRAGMA foreign_keys = ON");
    if (wal) {
      auto mode = db_->execAndGet("PRAGMA journal_mode = WAL").getString();
      if (mode != "wal")
        throw DatabaseError(Failure::other,
                            fmt::format("{}: cannot switch the database to WAL mode (got '{}'); check the file system "
                                        "supports shared memory",
                                        name_, mode));
    }
    // Durable commits: an acknowledged verb survives power loss.
    db_->exec("PRAGMA synchronous = FULL");
  } catch (const SQLite::Exception& e) {
    fail(e, name_);
  }
}

void SqliteConnection::require_linkctl_file() {
  auto not_ours = [&](const std::string& why) {
    return DatabaseError(
        Failure::corrupt,
        fmt::format("{} is not a linkctl database ({}); create one with 'linkctl init --db NEW-FILE'", name_, why));
  };
  int version = schema_version();
  if (version == 0) throw not_ours("it has no linkctl schema");
  if (version < 0) throw not_ours(fmt::format("its schema version {} is impossible; the file is damaged", version));
  int app = integer_pragma("PRAGMA application_id");
  if (app == kApplicationId) return;
  if (app != 0)
    throw not_ours(fmt::format("it belongs to another application, id 0x{:08x}", static_cast<unsigned>(app)));
  if (integer_pragma(kCountLinkctlTables) != kLinkctlTables) throw not_ours("it lacks linkctl's tables");
}

void SqliteConnection::migrate() {
  int have = schema_version();
  int want = latest_schema_version();
  if (have > want)
    throw DatabaseError(
        Failure::other,
        fmt::format("{} has schema version {}, newer than this linkctl understands ({}); upgrade linkctl", name_, have,
                    want));
  if (have == want) return;
  begin_write();
  try {
    have = schema_version();  // another process may have migrated while we waited for the lock
    auto migrations = sqlite_migrations();
    for (int v = have; v < want; ++v) execute(std::string(migrations[static_cast<std::size_t>(v)].sql));
    execute(fmt::format("PRAGMA user_version = {}", want));
    execute(fmt::format("PRAGMA application_id = {}", kApplicationId));
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

// A path as a file: URI (RFC 3986 percent-encoding of everything but unreserved characters and '/').
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      uri += static_cast<char>(c);
    else
      uri += fmt::format("%{:02X}", c);
  }
  return uri;
}

// A database in a directory we cannot write, with no -wal to read: SQLite cannot create the
// -shm it needs for WAL mode there, but everything committed is in the file itself.
std::unique_ptr<SqliteConnection> open_immutable(const std::string& path, int busy_timeout_ms) {
  auto c = std::make_unique<SqliteConnection>(
      std::make_unique<SQLite::Database>(file_uri(path) + "?immutable=1",
                                         SQLite::OPEN_READONLY | SQLITE_OPEN_URI | kOpenFlags),
      path, busy_timeout_ms);
  c->execute("PRAGMA foreign_keys = ON");
  c->require_linkctl_file();
  if (c->schema_version() < c->latest_schema_version())
    throw DatabaseError(Failure::read_only,
                        fmt::format("{} has schema version {} and must be migrated, which needs write access to it "
                                    "and its directory; open it once as its owner",
                                    path, c->schema_version()));
  c->migrate();  // refuses a newer schema
  return c;
}

}  // namespace

int latest_schema_version() { return static_cast<int>(sqlite_migrations().size()); }

std::unique_ptr<db::Connection> open(const std::string& path, int busy_timeout_ms) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw DatabaseError(
        Failure::other,
        fmt::format("no database at {}; create one with 'linkctl init' or point --db / LINKCTL_DB at it", path));
  auto attempt = [&]() -> std::unique_ptr<db::Connection> {
    try {
      auto c = std::make_unique<SqliteConnection>(
          std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | kOpenFlags), path, busy_timeout_ms);
      // Recognised before anything is changed: switching to WAL writes the file's header.
      c->set_busy_timeout(busy_timeout_ms);
      c->require_linkctl_file();
      c->configure(true);
      c->migrate();
      return c;
    } catch (const SQLite::Exception& e) {
      fail(e, path);
    }
  };
  try {
    return attempt();
  } catch (const DatabaseError& e) {
    if (e.failure() != Failure::read_only || std::filesystem::exists(path + "-wal", ec)) throw;
    try {
      return open_immutable(path, busy_timeout_ms);
    } catch (const SQLite::Exception&) {
    } catch (const DatabaseError&) {
    }
    throw;
  }
}

void require_absent(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0)
    throw Error(ErrorKind::conflict, fmt::format("{} already exists; linkctl init never overwrites a database (use "
                                                 "'linkctl policy apply' to change its policy)",
                                                 path));
}

void create(const std::string& path, const db::Build& build) {
  namespace fs = std::filesystem;
  require_absent(path);
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".init-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw DatabaseError(
        Failure::read_only,
        fmt::format("cannot create {} ({}); the directory must exist and be writable", path, std::strerror(errno)));
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
    auto c = std::make_unique<SqliteConnection>(
        std::make_unique<SQLite::Database>(temp, SQLite::OPEN_READWRITE | kOpenFlags), path, 0);
    c->configure(true);
    c->migrate();
    // Closing the last connection checkpoints the WAL into the file and removes it.
    build(std::move(c)).reset();
  } catch (const SQLite::Exception& e) {
    fail(e, path);
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
                             : (err == EINVAL || err == ENOSYS) && ::link(temp.c_str(), path.c_str()) == 0 &&
                                   ::unlink(temp.c_str()) == 0;
    if (!placed) {
      if (errno == EEXIST) require_absent(path);
      throw DatabaseError(Failure::other, fmt::format("cannot create {} ({})", path, std::strerror(errno)));
    }
  }
  cleanup.published = true;
  // The new name must survive a crash too.
  if (int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); d >= 0) {
    ::fsync(d);
    ::close(d);
  }
}

std::unique_ptr<db::Connection> memory() {
  try {
    auto c = std::make_unique<SqliteConnection>(
        std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOpenFlags),
        ":memory:", 0);
    c->configure(false);
    c->migrate();
    return c;
  } catch (const SQLite::Exception& e) {
    fail(e, ":memory:");
  }
}

}  // namespace linkctl::sqlite
