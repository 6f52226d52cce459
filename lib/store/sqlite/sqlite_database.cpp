// SPDX-License-Identifier: MIT
// The SQLite engine: the only code that knows SQLite. One file, WAL mode, a busy
// timeout, migrations by PRAGMA user_version, files recognised by application_id.
#include "sqlite_database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "i18n.hpp"
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

// ---- doctor -------------------------------------------------------------------
// In WAL mode SQLite's locks are POSIX byte locks on the -shm file: the writer holds
// byte 120 exclusively, each reader one of bytes 123-127 shared (sqlite3.c, WALINDEX_LOCK_OFFSET).
constexpr std::uint64_t kShmWriteLock = 120;
constexpr std::uint64_t kShmFirstReadLock = 123, kShmLastReadLock = 127;
// SQLite's default wal_autocheckpoint: a commit past this many WAL frames checkpoints.
constexpr std::uint32_t kAutoCheckpointFrames = 1000;

struct HeldLock {
  long pid = 0;
  bool write = false;
  std::uint64_t start = 0, end = 0;
};

// The POSIX locks held on the file with `inode`, as /proc/locks lists them (waiters left
// out). Read there rather than with fcntl(F_GETLK): closing a descriptor of the -shm file
// would drop this process's own SQLite locks on it.
std::vector<HeldLock> locks_on(ino_t inode) {
  std::vector<HeldLock> held;
  std::ifstream in("/proc/locks");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string number, kind, mode, access, device, start, end;
    long pid = 0;
    if (!(fields >> number >> kind) || kind == "->") continue;
    if (!(fields >> mode >> access >> pid >> device >> start >> end)) continue;
    auto colon = device.rfind(':');
    if (colon == std::string::npos || std::strtoull(device.c_str() + colon + 1, nullptr, 10) != inode) continue;
    held.push_back({pid, access == "WRITE", std::strtoull(start.c_str(), nullptr, 10),
                    end == "EOF" ? UINT64_MAX : std::strtoull(end.c_str(), nullptr, 10)});
  }
  return held;
}

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// "process 4242 (linkctl, user li.na, stopped)": what an administrator needs to decide.
std::string describe_process(long pid) {
  std::string proc = fmt::format("/proc/{}", pid);
  std::string comm = first_line(proc + "/comm");
  std::string stat = first_line(proc + "/stat");
  auto paren = stat.rfind(')');
  char state = paren != std::string::npos && paren + 2 < stat.size() ? stat[paren + 2] : '?';
  std::string user = "?";
  std::ifstream status(proc + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Uid:", 0) == 0) {
      long uid = std::strtol(line.c_str() + 4, nullptr, 10);
      const passwd* pw = ::getpwuid(static_cast<uid_t>(uid));
      user = pw ? pw->pw_name : std::to_string(uid);
      break;
    }
  return trf("process {} ({}, user {}{})", pid, comm.empty() ? "?" : comm, user,
             state == 'T' || state == 't' ? _(", stopped") : "");
}

// The processes other than this one holding a lock on `path` over [first, last].
std::vector<long> holders(const std::string& path, std::uint64_t first, std::uint64_t last, bool write) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  std::set<long> pids;
  for (const auto& l : locks_on(st.st_ino))
    if (l.write == write && l.start <= last && l.end >= first && l.pid != ::getpid() && l.pid > 0) pids.insert(l.pid);
  return {pids.begin(), pids.end()};
}

std::string describe_all(const std::vector<long>& pids) {
  std::string text;
  for (long pid : pids) text += (text.empty() ? "" : ", ") + describe_process(pid);
  return text;
}

// The WAL index header through SQLite's own mapping of the -shm file: how many frames the
// WAL holds (mxFrame) and how many of them a checkpoint has copied back (nBackfill).
struct WalIndex {
  bool mapped = false;
  std::uint32_t frames = 0, backfilled = 0;
};
WalIndex wal_index(sqlite3* handle) {
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(handle, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods ||
      file->pMethods->iVersion < 2 || !file->pMethods->xShmMap)
    return {};
  volatile void* region = nullptr;
  if (file->pMethods->xShmMap(file, 0, 32 * 1024, 0, &region) != SQLITE_OK || !region) return {};
  const auto* bytes = static_cast<const volatile unsigned char*>(region);
  auto u32 = [&](int at) {
    unsigned char b[4];
    for (int i = 0; i < 4; ++i) b[i] = bytes[at + i];
    std::uint32_t v = 0;
    std::memcpy(&v, b, sizeof v);  // the WAL index is in the machine's byte order
    return v;
  };
  return {true, u32(16), u32(96)};  // WalIndexHdr.mxFrame, WalCkptInfo.nBackfill
}

// An insert of one row ending in this returns the new row's id. SQLite runs RETURNING through
// a temporary table of its own, opened and zeroed for each statement (a fifth of the
// instructions of a bulk import); such an insert (of one VALUES row, no upsert: no other
// row could be meant) is run without it, and the rowid read.
constexpr std::string_view kReturningId = " RETURNING id";

bool returns_rowid(std::string_view sql) {
  return sql.rfind("INSERT INTO ", 0) == 0 && sql.size() > kReturningId.size() &&
         sql.substr(sql.size() - kReturningId.size()) == kReturningId && sql.find(" ON CONFLICT ") == sql.npos &&
         sql.find("SELECT ") == sql.npos && sql.find("),(") == sql.npos;
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
            trf("the database stayed locked by another process for {} ms; try again ('linkctl doctor' names "
                "the process that holds it; LINKCTL_BUSY_TIMEOUT sets the wait)",
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

  std::vector<db::Finding> diagnose() override;

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
  // SQLite seeds its random numbers from /dev/urandom on first use, which would be inside
  // the first write transaction (the salt of a new WAL header): seed them now instead.
  unsigned char seed = 0;
  sqlite3_randomness(1, &seed);
  try {
    db_->setBusyTimeout(busy_timeout_ms_);
    db_->exec("PRAGMA foreign_keys = ON");
    if (wal) {
      auto mode = db_->execAndGet("PRAGMA journal_mode = WAL").getString();
      if (mode != "wal")
        throw DatabaseError(Failure::other,
                            trf("{}: cannot switch the database to WAL mode (got '{}'); check the file system "
                                "supports shared memory",
                                name_, mode));
    }
    // Durable commits: an acknowledged verb survives power loss.
    db_->exec("PRAGMA synchronous = FULL");
  } catch (const SQLite::Exception& e) {
    fail(e, name_);
  }
}

std::vector<db::Finding> SqliteConnection::diagnose() {
  using Status = db::Finding::Status;
  std::vector<db::Finding> found;
  sqlite3* handle = db_->getHandle();
  // Leave the WAL as it was found: no checkpoint when this connection closes.
  sqlite3_db_config(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  found.push_back(
      {"schema", Status::ok,
       trf("linkctl schema version {} (this linkctl writes {})", schema_version(), latest_schema_version())});

  std::string shm = name_ + "-shm";
  try {
    begin_write();
    rollback();
    found.push_back({"write_lock", Status::ok,
                     trf("free: taken and given back at once (writers wait up to {} ms)", busy_timeout_ms_)});
  } catch (const DatabaseError& e) {
    if (e.failure() == Failure::read_only) {
      found.push_back({"write_lock", Status::skipped, e.what()});
    } else if (e.failure() != Failure::locked) {
      found.push_back({"write_lock", Status::problem, e.what()});
    } else {
      auto pids = holders(shm, kShmWriteLock, kShmWriteLock, true);
      auto on_file = holders(name_, 0, UINT64_MAX, true);  // rollback-journal mode, recovery
      pids.insert(pids.end(), on_file.begin(), on_file.end());
      std::string who = pids.empty()
                            ? trf("a process /proc/locks does not show (another machine, or another PID namespace); "
                                  "'fuser -v {0} {0}-wal {0}-shm' lists who has the database open",
                                  name_)
                            : describe_all(pids);
      std::string pid = pids.empty() ? "PID" : std::to_string(pids.front());
      found.push_back({"write_lock", Status::problem,
                       trf("held for more than {} ms by {}; every other writer fails with exit 7 until it "
                           "lets go. 'kill -CONT {}' lets a stopped process finish; 'kill {}' ends it, and "
                           "it loses only its own uncommitted change (the database stays whole)",
                           busy_timeout_ms_, who, pid, pid)});
    }
  }

  std::string mode = "?";
  try {
    mode = db_->execAndGet("PRAGMA journal_mode").getString();
  } catch (const SQLite::Exception&) {
  }
  if (mode != "wal") {
    found.push_back({"wal", Status::skipped, trf("not in WAL mode (journal_mode {})", mode)});
  } else {
    std::error_code ec;
    auto bytes = std::filesystem::file_size(name_ + "-wal", ec);
    if (ec) bytes = 0;
    auto index = wal_index(handle);
    found.push_back({"wal", Status::ok,
                     index.mapped ? trf("{} KiB on disk; {} frames since it was last reset, {} of them "
                                        "checkpointed into the database",
                                        (bytes + 1023) / 1024, index.frames, index.backfilled)
                                  : trf("{} KiB on disk", (bytes + 1023) / 1024)});
    auto readers = holders(shm, kShmFirstReadLock, kShmLastReadLock, false);
    std::uint32_t waiting = index.frames - std::min(index.backfilled, index.frames);
    std::string pinned = readers.empty()
                             ? std::string(_("no other process is reading now, so the next commit checkpoints it"))
                             : trf("readers pin it: {} (a long export, or a stopped reader); it is copied "
                                   "back once they finish",
                                   describe_all(readers));
    if (!index.mapped)
      found.push_back({"checkpoint", Status::skipped, _("the WAL index could not be read")});
    else if (waiting > kAutoCheckpointFrames)
      found.push_back({"checkpoint", Status::warning,
                       trf("starved: {} frames wait to be copied into the database (SQLite checkpoints "
                           "after {}); {}",
                           waiting, kAutoCheckpointFrames, pinned)});
    else
      found.push_back({"checkpoint", Status::ok,
                       trf("{} frames wait to be copied into the database (SQLite checkpoints after {})", waiting,
                           kAutoCheckpointFrames)});
  }

  // Every page of every table and index: what audit verify, reading only the rows it
  // needs, does not look at (free-space accounting, unused cells, b-tree structure).
  try {
    SQLite::Statement check(*db_, "PRAGMA quick_check(10)");
    std::vector<std::string> problems;
    while (check.executeStep()) {
      // A row may hold several lines, the first naming the schema ("*** in database main ***").
      std::istringstream lines(check.getColumn(0).getString());
      for (std::string line; std::getline(lines, line);)
        if (!line.empty() && !line.starts_with("*** ")) problems.push_back(line);
    }
    if (problems == std::vector<std::string>{"ok"})
      found.push_back({"integrity", Status::ok, _("PRAGMA quick_check: ok")});
    else
      found.push_back({"integrity", Status::problem,
                       trf("PRAGMA quick_check: {}; the file is damaged: restore it from a backup (and "
                           "run 'linkctl audit verify' on the restored copy)",
                           fmt::join(problems, "; "))});
  } catch (const SQLite::Exception& e) {
    found.push_back({"integrity", Status::problem,
                     trf("PRAGMA quick_check failed ({}); restore the file from a backup", e.what())});
  }
  return found;
}

void SqliteConnection::require_linkctl_file() {
  auto not_ours = [&](const std::string& why) {
    return DatabaseError(
        Failure::corrupt,
        trf("{} is not a linkctl database ({}); create one with 'linkctl init --db NEW-FILE'", name_, why));
  };
  int version = schema_version();
  if (version == 0) throw not_ours("it has no linkctl schema");
  if (version < 0) throw not_ours(trf("its schema version {} is impossible; the file is damaged", version));
  int app = integer_pragma("PRAGMA application_id");
  if (app == kApplicationId) return;
  if (app != 0) throw not_ours(trf("it belongs to another application, id 0x{:08x}", static_cast<unsigned>(app)));
  if (integer_pragma(kCountLinkctlTables) != kLinkctlTables) throw not_ours("it lacks linkctl's tables");
}

void SqliteConnection::migrate() {
  int have = schema_version();
  int want = latest_schema_version();
  if (have > want)
    throw DatabaseError(
        Failure::other,
        trf("{} has schema version {}, newer than this linkctl understands ({}); upgrade linkctl", name_, have, want));
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
                        trf("{} has schema version {} and must be migrated, which needs write access to it "
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
        trf("no database at {}; create one with 'linkctl init' or point --db / LINKCTL_DB at it", path));
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
    throw Error(ErrorKind::conflict, trf("{} already exists; linkctl init never overwrites a database (use "
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
    throw DatabaseError(Failure::read_only, trf("cannot create {} ({}); the directory must exist and be writable", path,
                                                std::strerror(errno)));
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
      throw DatabaseError(Failure::other, trf("cannot create {} ({})", path, std::strerror(errno)));
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
