// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digest.hpp"
#include "error.hpp"

namespace linkctl::db {

/// What went wrong in the database, whichever engine said it.
enum class Failure {
  locked,       ///< another writer held the lock past the busy timeout
  read_only,    ///< the file or its directory cannot be written by this user
  full,         ///< disk full or I/O error
  corrupt,      ///< damaged, or not a database at all
  unreachable,  ///< the server cannot be reached, or refused the login
  retry,        ///< a serialization failure or deadlock: the transaction may be run again
  other,
};

/// Error(database) carrying the engine's classification; its message is one line
/// naming the database, the engine's reason and what to do.
class DatabaseError : public Error {
 public:
  DatabaseError(Failure failure, const std::string& message) : Error(ErrorKind::database, message), failure_(failure) {}
  Failure failure() const noexcept { return failure_; }

 private:
  Failure failure_;
};

/// The one-line message for `failure` on the database `where`, with the engine's `reason`.
std::string failure_message(Failure failure, const std::string& where, const std::string& reason);

/// A prepared statement: bind positional parameters (1-based, written `?` in the SQL),
/// step through the rows, read columns (0-based). Engines throw DatabaseError.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, const std::string& value) = 0;
  virtual void bind_null(int index) = 0;
  void bind(int index, const char* value) { bind(index, std::string(value)); }
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, const Value& value);
  void bind(int index, const std::optional<std::string>& value) { value ? bind(index, *value) : bind_null(index); }
  void bind(int index, const std::optional<std::int64_t>& value) { value ? bind(index, *value) : bind_null(index); }

  /// Advances to the next row; false when there is none (the statement is then done).
  virtual bool step() = 0;
  /// Runs a statement whose rows are not wanted (an INSERT or UPDATE without RETURNING).
  /// In a write transaction an engine may send it with the next statement that returns
  /// rows, or with the COMMIT, and report its failure there (PostgreSQL's pipeline): the
  /// transaction fails as a whole either way.
  virtual void exec() {
    while (step()) {
    }
  }
  /// Sends the statement now; its rows are read at the first step(). Statements sent one
  /// after another, then read, cost one round trip where a statement costs one (PostgreSQL);
  /// where it does not (SQLite), nothing happens until step().
  virtual void send() {}
  /// Forgets the current row and bindings, so the statement can run again (and holds no read snapshot).
  virtual void reset() = 0;

  virtual int column_count() const = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual std::string text(int column) const = 0;
  /// The column as stored: NULL, an integer or text (digests hash it by its kind).
  virtual Value value(int column) const = 0;
  std::optional<std::string> optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }
};

/// One finding of `linkctl doctor`: what was looked at, how it stands, and in words
/// what was seen and what to do.
struct Finding {
  enum class Status { ok, warning, problem, skipped };
  std::string check;  ///< schema, write_lock, wal, checkpoint, sessions, integrity
  Status status = Status::ok;
  std::string detail;
};

/// The role a database server authenticated, and whether it owns the database (a
/// superuser, or the owner: the database's "root").
struct DatabaseUser {
  std::string name;
  bool owner = false;
};

/// One connection to one database. Engines implement it; lib/store is the only user.
class Connection {
 public:
  virtual ~Connection() = default;
  /// A statement for `sql`, prepared once per connection and reset for each use:
  /// for statements run to completion (or reset) before the same SQL is needed again.
  /// The `const char*` form is for SQL constants and is keyed by their address.
  virtual Statement& prepared(const char* sql) = 0;
  virtual Statement& prepared(const std::string& sql) = 0;
  /// A statement of its own, for a query whose rows are read while other statements run.
  virtual std::unique_ptr<Statement> prepare(const std::string& sql) = 0;
  /// Runs one or more statements that return nothing (schema scripts, PRAGMAs, tests).
  virtual void execute(const std::string& sql) = 0;

  /// Starts the write transaction of one verb, waiting for other writers up to the busy
  /// timeout. An engine may ask for the lock with the verb's first statement (PostgreSQL):
  /// then that statement waits, and reports a lock not granted.
  virtual void begin_write() = 0;
  /// Sends whatever the engine holds back (exec()'s statements, the write lock) and waits
  /// for it, reporting its failure: for when the lock must be held now (diagnostics).
  virtual void flush() {}
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  /// The schema version of the database (0 for an empty one).
  virtual int schema_version() = 0;
  /// Brings the schema from schema_version() to the latest, in one transaction.
  virtual void migrate() = 0;
  /// The latest schema version this build writes.
  virtual int latest_schema_version() const = 0;
  /// The database's name in messages (its path, or its URI without a password).
  virtual const std::string& name() const = 0;
  /// The user the database server authenticated (identity = "database"); nullopt for a file.
  virtual std::optional<DatabaseUser> database_user() { return std::nullopt; }
  /// Until end_snapshot(), every read sees the database as it was at the first one
  /// (copy reads many tables that must agree while writers go on).
  virtual void begin_snapshot() = 0;
  virtual void end_snapshot() noexcept = 0;
  /// After rows were inserted with explicit ids: the next id `table` generates for
  /// `column` follows the largest one stored (a PostgreSQL identity's sequence does not
  /// follow explicit ids by itself; SQLite's rowid does).
  virtual void follow_ids(const std::string& /*table*/, const std::string& /*column*/) {}
  /// The next id `table` generates for `column` is `next`, even if the transaction rolls
  /// back (PostgreSQL's sequences are outside transactions; SQLite's rowids need nothing).
  virtual void restart_ids(const std::string& /*table*/, const std::string& /*column*/, std::int64_t /*next*/) {}
  /// The id the next row of `table` would get for `column`, taken now, for rows inserted
  /// with explicit ids from it on (under the write lock, which every inserting writer holds),
  /// then follow_ids(). SQLite: one more than the largest stored; PostgreSQL: the identity's
  /// sequence, whose next value it consumes.
  virtual std::int64_t next_id(const std::string& table, const std::string& column);
  /// Inserts rows into `table`: `columns` names `count` columns, `values` holds the rows one
  /// after the other (`count` values each). By default one prepared INSERT per row, which in
  /// process costs nothing more; PostgreSQL sends them all in one COPY, one round trip.
  /// `table` and `columns` are constants (the statement is kept by their address).
  virtual void insert_rows(const char* table, const char* columns, int count, const std::vector<Value>& values);
  /// After many rows were written at once (copy): the planner's statistics are brought up to
  /// date inside the transaction, so that the first queries after it (copy's audit of its
  /// target) are planned for the rows there are. PostgreSQL analyzes a table by itself only
  /// some time after the commit; without statistics it plans the audit's per-ticket lookups
  /// as scans (minutes for 10,000 tickets). SQLite's plans need nothing.
  virtual void refresh_statistics() {}
  /// How many rows the store gathers before writing them (insert_rows(), batched updates):
  /// 1 where a statement costs no round trip (SQLite), so nothing is held back in memory.
  virtual std::size_t batch_rows() const { return 1; }
  /// `linkctl doctor`, changing nothing: whether the write lock can be taken within the
  /// busy timeout (and if not, who holds it), the engine's own state (SQLite: the WAL and
  /// its checkpoint; PostgreSQL: sessions idle in a transaction or waiting for a lock) and
  /// the storage's consistency (SQLite: quick_check).
  virtual std::vector<Finding> diagnose() = 0;

  /// Whether a write transaction has committed on this connection (a failed command that
  /// committed nothing may be run again from the start).
  bool has_committed() const noexcept { return committed_; }
  void note_commit() noexcept { committed_ = true; }

 private:
  bool committed_ = false;
  std::unordered_map<const char*, std::string> insert_sql_;  ///< insert_rows()'s INSERT, by its columns
};

/// What `create` runs on a new database's connection, handing the connection back
/// when done so that the engine can make the database whole (commit, rename into place).
using Build = std::function<std::unique_ptr<Connection>(std::unique_ptr<Connection>)>;

}  // namespace linkctl::db
