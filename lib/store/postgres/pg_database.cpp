// SPDX-License-Identifier: MIT
// The PostgreSQL engine: the only code that knows PostgreSQL. libpq is loaded with
// dlopen on first use (it cannot be linked statically, and its two dozen shared
// libraries would cost every SQLite command ~11 ms to load). No server-side prepared
// statements and no session settings outlive a transaction, so a pooler in transaction
// mode (pgbouncer) works. Statements go out in libpq's pipeline: those whose results
// are not needed yet (BEGIN, the write lock, INSERT and UPDATE without RETURNING) travel
// with the next one that returns rows, or with the COMMIT, so that a verb costs a few
// round trips instead of one per statement (issue 12).
#include "pg_database.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <vector>

#include "i18n.hpp"
#include "migrations.hpp"
#include "text.hpp"
#include "user_file.hpp"

namespace linkctl::postgres {
namespace {

using db::DatabaseError;
using db::Failure;

// ---- libpq, loaded when a PostgreSQL database is first opened ------------------------

struct Libpq {
  decltype(&PQconnectdb) connectdb;
  decltype(&PQfinish) finish;
  decltype(&PQstatus) status;
  decltype(&PQerrorMessage) error_message;
  decltype(&PQexec) exec;
  decltype(&PQexecParams) exec_params;
  decltype(&PQresultStatus) result_status;
  decltype(&PQresultErrorField) result_error_field;
  decltype(&PQresultErrorMessage) result_error_message;
  decltype(&PQntuples) ntuples;
  decltype(&PQnfields) nfields;
  decltype(&PQftype) ftype;
  decltype(&PQgetvalue) getvalue;
  decltype(&PQgetlength) getlength;
  decltype(&PQgetisnull) getisnull;
  decltype(&PQclear) clear;
  decltype(&PQsetNoticeProcessor) set_notice_processor;
  decltype(&PQputCopyData) put_copy_data;
  decltype(&PQputCopyEnd) put_copy_end;
  decltype(&PQgetResult) get_result;
  decltype(&PQcmdStatus) cmd_status;
  decltype(&PQsendQueryParams) send_query_params;
  decltype(&PQenterPipelineMode) enter_pipeline_mode;
  decltype(&PQexitPipelineMode) exit_pipeline_mode;
  decltype(&PQpipelineSync) pipeline_sync;
};

template <typename F>
void load(void* handle, F& into, const char* name) {
  into = reinterpret_cast<F>(::dlsym(handle, name));
  if (!into)
    throw DatabaseError(Failure::unreachable, trf("the installed libpq lacks {}; install Debian's libpq5", name));
}

const Libpq& pq() {
  static const Libpq lib = [] {
    // Lazily bound, as a program linked with libpq is: binding every symbol of libpq and its
    // two dozen libraries (Kerberos, LDAP, OpenSSL) at once cost 0.7 ms of CPU per command.
    // The functions used are checked here all the same (dlsym below).
    void* handle = ::dlopen("libpq.so.5", RTLD_LAZY | RTLD_LOCAL);
    if (!handle)
      throw DatabaseError(
          Failure::unreachable,
          _("PostgreSQL databases need libpq, which is not installed here; install it (apt-get install libpq5)"));
    Libpq l{};
    load(handle, l.connectdb, "PQconnectdb");
    load(handle, l.finish, "PQfinish");
    load(handle, l.status, "PQstatus");
    load(handle, l.error_message, "PQerrorMessage");
    load(handle, l.exec, "PQexec");
    load(handle, l.exec_params, "PQexecParams");
    load(handle, l.result_status, "PQresultStatus");
    load(handle, l.result_error_field, "PQresultErrorField");
    load(handle, l.result_error_message, "PQresultErrorMessage");
    load(handle, l.ntuples, "PQntuples");
    load(handle, l.nfields, "PQnfields");
    load(handle, l.ftype, "PQftype");
    load(handle, l.getvalue, "PQgetvalue");
    load(handle, l.getlength, "PQgetlength");
    load(handle, l.getisnull, "PQgetisnull");
    load(handle, l.clear, "PQclear");
    load(handle, l.set_notice_processor, "PQsetNoticeProcessor");
    load(handle, l.put_copy_data, "PQputCopyData");
    load(handle, l.put_copy_end, "PQputCopyEnd");
    load(handle, l.get_result, "PQgetResult");
    load(handle, l.cmd_status, "PQcmdStatus");
    load(handle, l.send_query_params, "PQsendQueryParams");
    load(handle, l.enter_pipeline_mode, "PQenterPipelineMode");
    load(handle, l.exit_pipeline_mode, "PQexitPipelineMode");
    load(handle, l.pipeline_sync, "PQpipelineSync");
    return l;
  }();
  return lib;
}

// Type OIDs of the integer types (pg_type): the columns digests hash as numbers.
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25;

// ---- errors ----------------------------------------------------------------------

Failure classify(std::string_view sqlstate) {
  auto is = [&](std::string_view code) { return sqlstate == code; };
  auto cls = [&](std::string_view prefix) { return sqlstate.substr(0, prefix.size()) == prefix; };
  if (cls("08") || cls("28") || is("3D000") || cls("57P") || is("25P03")) return Failure::unreachable;
  if (is("40001") || is("40P01")) return Failure::retry;
  if (is("55P03") || is("57014")) return Failure::locked;
  if (is("42501") || is("25006")) return Failure::read_only;
  if (cls("53")) return Failure::full;
  if (is("XX001") || is("XX002")) return Failure::corrupt;
  return Failure::other;
}

std::string first_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s;
}

// `?` placeholders (the store's SQL) as $1, $2, ... (PostgreSQL's), outside quoted text.
std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += fmt::format("${}", ++n);
    } else {
      out += c;
    }
  }
  return out;
}

// LINKCTL_TRACE_SQL=1: each statement on stderr as it runs, its parameters written in,
// as the SQLite engine prints them (not in a setgid installation).
bool tracing() {
  static const bool on = [] {
    const char* v = elevated() ? nullptr : std::getenv("LINKCTL_TRACE_SQL");
    return v && *v && std::string_view(v) != "0";
  }();
  return on;
}

void trace(const std::string& sql, const std::vector<std::optional<std::string>>& values,
           const std::vector<Oid>& types) {
  std::string out;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t j = i + 1;
      while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
      auto n = static_cast<std::size_t>(std::stoul(sql.substr(i + 1, j - i - 1)));
      if (n >= 1 && n <= values.size()) {
        const auto& v = values[n - 1];
        if (!v)
          out += "NULL";
        else if (types[n - 1] == kInt8)
          out += *v;
        else {
          out += '\'';
          for (char c : *v) out += c == '\'' ? std::string("''") : std::string(1, c);
          out += '\'';
        }
        i = j - 1;
        continue;
      }
    }
    out += sql[i];
  }
  std::fprintf(stderr, "%s;\n", out.c_str());  // LINKCTL_TRACE_SQL, asked for
}

// A result, cleared when it goes.
struct Result {
  PGresult* res = nullptr;
  explicit Result(PGresult* r = nullptr) : res(r) {}
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& o) noexcept : res(o.res) { o.res = nullptr; }
  Result& operator=(Result&& o) noexcept {
    std::swap(res, o.res);
    return *this;
  }
  ~Result() {
    if (res) pq().clear(res);
  }
};

class PgConnection;

class PgStatement final : public db::Statement {
 public:
  PgStatement(PgConnection& c, const std::string& sql, bool streaming)
      : c_(c), sql_(numbered_placeholders(sql)), streaming_(streaming) {}
  ~PgStatement() override;

  void bind(int index, std::int64_t value) override { set(index, std::to_string(value), kInt8); }
  void bind(int index, const std::string& value) override { set(index, value, kText); }
  void bind_null(int index) override { set(index, std::nullopt, 0); }
  using db::Statement::bind;

  bool step() override;
  void exec() override;
  void send() override;
  void reset() override;

  int column_count() const override { return result_.res ? pq().nfields(result_.res) : 0; }
  bool is_null(int column) const override { return pq().getisnull(result_.res, row_, column) != 0; }
  std::int64_t integer(int column) const override {
    return std::strtoll(pq().getvalue(result_.res, row_, column), nullptr, 10);
  }
  std::string text(int column) const override {
    return std::string(pq().getvalue(result_.res, row_, column),
                       static_cast<std::size_t>(pq().getlength(result_.res, row_, column)));
  }
  Value value(int column) const override {
    if (is_null(column)) return Value();
    Oid type = pq().ftype(result_.res, column);
    if (type == kInt8 || type == kInt4 || type == kInt2) return Value(integer(column));
    return Value(text(column));
  }

  /// Its rows, arrived with the pipeline's results (after send()).
  void receive(Result r) {
    result_ = std::move(r);
    awaiting_ = false;
  }

 private:
  void set(int index, std::optional<std::string> value, Oid type) {
    auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) values_.resize(i + 1), types_.resize(i + 1, 0);
    values_[i] = std::move(value);
    types_[i] = type;
  }
  void execute();
  void fetch();
  void close_cursor();

  PgConnection& c_;
  std::string sql_;
  bool streaming_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  Result result_;
  std::string cursor_;
  bool executed_ = false, exhausted_ = false;
  bool awaiting_ = false;  ///< sent, its result not read yet
  int row_ = -1;
};

class PgConnection final : public db::Connection {
 public:
  PgConnection(PGconn* conn, std::string name, int busy_timeout_ms)
      : conn_(conn), name_(std::move(name)), busy_ms_(busy_timeout_ms) {
    // Server notices (e.g. "relation already exists, skipping") are not ours to print.
    pq().set_notice_processor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PgConnection() override {
    constants_.clear();
    built_.clear();
    rollback();  // a read transaction, or a write never committed
    pq().finish(conn_);
  }

  db::Statement& prepared(const char* sql) override {
    auto& slot = constants_[sql];
    if (!slot) slot = std::make_unique<PgStatement>(*this, sql, false);
    slot->reset();
    return *slot;
  }
  db::Statement& prepared(const std::string& sql) override {
    auto& slot = built_[sql];
    if (!slot) slot = std::make_unique<PgStatement>(*this, sql, false);
    slot->reset();
    return *slot;
  }
  std::unique_ptr<db::Statement> prepare(const std::string& sql) override {
    return std::make_unique<PgStatement>(*this, sql, true);
  }
  void execute(const std::string& sql) override {
    in_transaction();
    run_script(sql);
  }

  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  void flush() override { sync(); }
  void begin_snapshot() override { in_transaction(); }
  void end_snapshot() noexcept override {
    if (tx_ == Tx::read) rollback();
  }
  void follow_ids(const std::string& table, const std::string& column) override {
    run(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', '{1}'), coalesce(max({1}), 0) + 1, false) FROM {0}",
                    table, column));
  }

  void restart_ids(const std::string& table, const std::string& column, std::int64_t next) override {
    run(fmt::format("SELECT setval(pg_get_serial_sequence('{}', '{}'), {}, false)", table, column, next));
  }

  std::int64_t next_id(const std::string& table, const std::string& column) override {
    auto r = run(fmt::format("SELECT nextval(pg_get_serial_sequence('{}', '{}'))", table, column));
    return std::strtoll(pq().getvalue(r.res, 0, 0), nullptr, 10);
  }
  void insert_rows(const char* table, const char* columns, int count, const std::vector<Value>& values) override;
  void refresh_statistics() override { run("ANALYZE"); }
  // Enough rows per COPY (or multi-row UPDATE) that the round trip and the statement's
  // start no longer count, few enough that memory stays small.
  std::size_t batch_rows() const override { return 1000; }

  int schema_version() override;
  void migrate() override { migrate_from(schema_version()); }
  /// migrate() from version `have`, just read by schema_version().
  void migrate_from(int have);
  int latest_schema_version() const override { return static_cast<int>(postgres_migrations().size()); }
  const std::string& name() const override { return name_; }
  std::optional<db::DatabaseUser> database_user() override;
  std::vector<db::Finding> diagnose() override;

  /// Sends one statement (with parameters, text values typed by `types`) down the pipeline
  /// without waiting for it. Its result is read at the next sync(): into `into` when it is
  /// wanted, else only checked. `lock`: it takes the write lock (its timeout has its own message).
  void send(const std::string& sql, const std::vector<std::optional<std::string>>& values,
            const std::vector<Oid>& types, PgStatement* into = nullptr, bool lock = false);
  void send(const std::string& sql, bool lock = false) { send(sql, {}, {}, nullptr, lock); }
  /// Reads the results of everything sent: one round trip when anything was. The first
  /// failure among them is thrown (the ones after it were skipped by the server, and the
  /// transaction is lost as a whole); it is thrown again by anything else tried in the
  /// same transaction, until rollback().
  void sync();
  /// A statement sent but not read is reset or destroyed: its result goes nowhere.
  void forget(const PgStatement* statement) noexcept {
    for (auto& q : queued_)
      if (q.into == statement) q.into = nullptr;
  }

  /// Runs one statement with parameters and returns its result, with whatever was sent before it.
  Result run(const std::string& sql, const std::vector<std::optional<std::string>>& values,
             const std::vector<Oid>& types) {
    Result out;
    send(sql, values, types);
    queued_.back().out = &out;
    sync();
    return out;
  }
  /// The same without parameters.
  Result run(const std::string& sql) { return run(sql, {}, {}); }
  /// Runs a script of one or more statements (schema migrations, tests), after what was sent.
  void run_script(const std::string& sql) {
    sync();
    if (aborted_) throw *aborted_;
    if (tracing()) trace(sql, {}, {});
    check(pq().exec(conn_, sql.c_str()));
  }
  /// Every statement runs in a transaction: a write transaction, or else a read-only
  /// snapshot opened on the first read (cursors need one; the reads of one command agree).
  /// The BEGIN goes with that first read.
  void in_transaction() {
    if (tx_ != Tx::none) return;
    send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    send_settings();
    tx_ = Tx::read;
  }
  std::string next_cursor() { return fmt::format("linkctl_cursor_{}", ++cursors_); }
  /// The one transaction of `create`: everything from the schema to the first event.
  void begin_outer() {
    send("BEGIN");
    send_settings();
    tx_ = Tx::outer;
  }
  void commit_outer() {
    tx_ = Tx::write;  // (commit() leaves the outer transaction alone)
    commit();
  }
  bool has_tables();
  /// Throws the failure that lost this transaction, if one did.
  void throw_if_aborted() const {
    if (aborted_) throw *aborted_;
  }
  /// Whether a write transaction is open and nothing in it failed.
  bool writing() const noexcept { return (tx_ == Tx::write || tx_ == Tx::outer) && !aborted_; }

 private:
  enum class Tx { none, read, write, outer };

  // A stopped client must not hold the office up: the server ends a transaction idle
  // for half the busy timeout, and a writer waits for the lock at most the busy timeout.
  // No JIT: a month's listing on a 1M-ticket store crosses jit_above_cost, and compiling
  // its plan on every call cost more than running it (bench/RESULTS.md).
  int idle_ms() const { return busy_ms_ > 0 ? std::max(1000, busy_ms_ / 2) : 5000; }
  void send_settings() {
    send(fmt::format("SET LOCAL idle_in_transaction_session_timeout = {}", idle_ms()));
    send(fmt::format("SET LOCAL lock_timeout = {}", busy_ms_ > 0 ? busy_ms_ : 0));
    send("SET LOCAL jit = off");
  }
  /// Throws the DatabaseError for a failed result (nullptr: the connection failed).
  [[noreturn]] void fail(PGresult* res, bool lock);
  Result check(PGresult* res) {
    Result r(res);
    auto status = res ? pq().result_status(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    r.res = nullptr;
    fail(res, false);
  }

  // A statement sent down the pipeline whose result has not been read.
  struct Queued {
    PgStatement* into = nullptr;  ///< a statement sent for its rows (send())
    Result* out = nullptr;        ///< run()'s result
    bool lock = false;            ///< the write lock
  };
  // More than this many unread results could fill the socket's buffers both ways (the
  // server waiting for its results to be read, libpq for its statements to be taken).
  static constexpr std::size_t kMaxQueued = 256;

  PGconn* conn_;
  std::string name_;
  int busy_ms_;
  Tx tx_ = Tx::none;
  int cursors_ = 0;
  std::vector<Queued> queued_;
  std::optional<DatabaseError> aborted_;  ///< the failure that lost this transaction
  std::string last_sqlstate_;             ///< of the last failure thrown
  std::unordered_map<const char*, std::unique_ptr<PgStatement>> constants_;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> built_;
};

// A value as COPY's text format writes it: \N for NULL; backslash, tab, newline and
// carriage return escaped (the only characters that format gives a meaning).
void copy_field(std::string& out, const Value& v) {
  if (const auto* number = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*number);
    return;
  }
  const auto* text = std::get_if<std::string>(&v);
  if (!text) {
    out += "\\N";
    return;
  }
  append_tab_escaped(out, *text);
}

void PgConnection::insert_rows(const char* table, const char* columns, int count, const std::vector<Value>& values) {
  if (values.empty() || count <= 0) return;
  in_transaction();
  auto width = static_cast<std::size_t>(count);
  // A client stopped inside a COPY (SIGSTOP, Ctrl-Z) leaves its server waiting for data,
  // where idle_in_transaction_session_timeout does not reach: it would hold the chain head
  // for ever. So the COPY gets the idle timeout as its statement timeout (a batch takes
  // milliseconds), and the rows are written out before it starts, to keep it short.
  std::string data;
  for (std::size_t i = 0; i < values.size(); ++i) {
    copy_field(data, values[i]);
    data += (i + 1) % width == 0 ? '\n' : '\t';
  }
  send(fmt::format("SET LOCAL statement_timeout = {}", idle_ms()));
  sync();  // (COPY is not allowed in a pipeline)
  if (aborted_) throw *aborted_;
  std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, columns);
  if (tracing())
    std::fprintf(stderr, "%s; -- %zu rows\n", sql.c_str(), values.size() / width);  // LINKCTL_TRACE_SQL, asked for
  Result start(pq().exec(conn_, sql.c_str()));
  if (!start.res || pq().result_status(start.res) != PGRES_COPY_IN) {
    PGresult* refused = start.res;
    start.res = nullptr;
    check(refused);  // throws: the COPY was refused
    throw DatabaseError(Failure::other, db::failure_message(Failure::other, name_, "COPY did not start"));
  }
  constexpr std::size_t kChunk = 1 << 18;
  bool sent = true;
  for (std::size_t at = 0; at < data.size() && sent; at += kChunk) {
    auto size = std::min(kChunk, data.size() - at);
    sent = pq().put_copy_data(conn_, data.data() + at, static_cast<int>(size)) == 1;
  }
  pq().put_copy_end(conn_, sent ? nullptr : "linkctl could not send the rows");
  // The COPY's own result, then nothing: the first failure is the one to report.
  std::optional<Result> failed;
  while (PGresult* r = pq().get_result(conn_)) {
    Result res(r);
    if (!failed && pq().result_status(r) != PGRES_COMMAND_OK) failed.emplace(std::move(res));
  }
  if (failed) {
    PGresult* r = failed->res;
    failed->res = nullptr;
    check(r);
  }
  if (!sent) check(nullptr);
  send("SET LOCAL statement_timeout TO DEFAULT");  // (goes with the next statement)
}

void PgConnection::send(const std::string& sql, const std::vector<std::optional<std::string>>& values,
                        const std::vector<Oid>& types, PgStatement* into, bool lock) {
  if (aborted_) throw *aborted_;
  if (queued_.size() >= kMaxQueued) sync();
  if (tracing()) trace(sql, values, types);
  if (queued_.empty() && pq().enter_pipeline_mode(conn_) != 1) fail(nullptr, false);
  std::vector<const char*> params;
  params.reserve(values.size());
  for (const auto& v : values) params.push_back(v ? v->c_str() : nullptr);
  // (Sent unnamed: nothing outlives the transaction, as a pooler in transaction mode needs.)
  if (pq().send_query_params(conn_, sql.c_str(), static_cast<int>(params.size()), types.data(), params.data(), nullptr,
                             nullptr, 0) != 1) {
    if (queued_.empty()) pq().exit_pipeline_mode(conn_);
    fail(nullptr, false);
  }
  queued_.push_back({into, nullptr, lock});
}

void PgConnection::sync() {
  if (queued_.empty()) return;
  std::vector<Queued> queued;
  queued.swap(queued_);
  bool connected = pq().pipeline_sync(conn_) == 1;
  // The results in the order sent: each is followed by a null; then the sync's own.
  std::optional<std::pair<Result, bool>> failed;
  for (const auto& q : queued) {
    Result r(connected ? pq().get_result(conn_) : nullptr);
    if (!r.res) {
      connected = false;
      continue;
    }
    while (PGresult* rest = pq().get_result(conn_)) pq().clear(rest);
    auto status = pq().result_status(r.res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (q.into) q.into->receive(std::move(r));
      if (q.out) *q.out = std::move(r);
    } else if (status != PGRES_PIPELINE_ABORTED && !failed) {
      // The first failure; the server skipped what came after it up to the sync.
      failed.emplace(std::move(r), q.lock);
    }
  }
  if (connected) {
    Result r(pq().get_result(conn_));
    connected = r.res && pq().result_status(r.res) == PGRES_PIPELINE_SYNC;
  }
  if (connected) pq().exit_pipeline_mode(conn_);
  if (failed) {
    PGresult* res = failed->first.res;
    failed->first.res = nullptr;
    fail(res, failed->second);
  }
  if (!connected) fail(nullptr, false);
}

void PgConnection::fail(PGresult* res, bool lock) {
  Result r(res);
  std::string sqlstate =
      res ? (pq().result_error_field(res, PG_DIAG_SQLSTATE) ? pq().result_error_field(res, PG_DIAG_SQLSTATE) : "") : "";
  std::string message = res ? first_line(pq().result_error_message(res)) : first_line(pq().error_message(conn_));
  if (message.rfind("ERROR:  ", 0) == 0) message = message.substr(8);
  if (pq().status(conn_) != CONNECTION_OK && sqlstate.empty()) sqlstate = "08000";
  last_sqlstate_ = sqlstate;
  auto failure = classify(sqlstate);
  auto error = failure == Failure::locked && lock && tx_ == Tx::write
                   ? DatabaseError(failure, trf("the database stayed locked by another writer for {} ms; try again (is "
                                                "a long import running? LINKCTL_BUSY_TIMEOUT sets the wait)",
                                                busy_ms_))
                   : DatabaseError(failure, db::failure_message(failure, name_, message));
  if (tx_ != Tx::none) aborted_ = error;
  throw error;
}

PgStatement::~PgStatement() {
  if (awaiting_) c_.forget(this);
  close_cursor();
}

void PgStatement::reset() {
  if (awaiting_) c_.forget(this);
  close_cursor();
  result_ = Result();
  values_.clear();
  types_.clear();
  executed_ = exhausted_ = awaiting_ = false;
  row_ = -1;
}

void PgStatement::execute() {
  c_.in_transaction();
  executed_ = true;
  if (!streaming_) {
    result_ = c_.run(sql_, values_, types_);
    exhausted_ = true;
    return;
  }
  // A cursor, read in batches: memory stays flat however many rows, and other
  // statements may run while it is open (libpq runs one query at a time). It is
  // declared in the same round trip as its first batch is fetched.
  cursor_ = c_.next_cursor();
  c_.send(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", cursor_, sql_), values_, types_);
  fetch();
}

void PgStatement::send() {
  if (executed_ || streaming_) return;
  c_.in_transaction();
  executed_ = exhausted_ = true;
  c_.send(sql_, values_, types_, this);
  awaiting_ = true;
}

void PgStatement::exec() {
  if (executed_ || streaming_ || !c_.writing()) {
    while (step()) {
    }
    return;
  }
  // Its result is not needed: it goes with the next statement that returns rows (or the
  // COMMIT), which reports its failure.
  executed_ = exhausted_ = true;
  c_.send(sql_, values_, types_);
}

void PgStatement::fetch() {
  result_ = c_.run(fmt::format("FETCH 1000 FROM {}", cursor_));
  row_ = -1;
  if (pq().ntuples(result_.res) < 1000) {
    exhausted_ = true;
    // Closed with whatever is sent next: the transaction is alive, the cursor in it.
    c_.send("CLOSE " + cursor_);
    cursor_.clear();
  }
}

void PgStatement::close_cursor() {
  if (cursor_.empty()) return;
  std::string name = std::move(cursor_);
  cursor_.clear();
  try {
    c_.run("CLOSE " + name);
  } catch (const DatabaseError&) {
    // The transaction is gone already (an error, or a commit): the cursor went with it.
  }
}

bool PgStatement::step() {
  if (!executed_) execute();
  if (awaiting_) {
    c_.sync();
    if (awaiting_) c_.throw_if_aborted();  // its result never came: a statement before it failed
    awaiting_ = false;
  }
  if (!result_.res) return false;
  if (++row_ < pq().ntuples(result_.res)) return true;
  if (exhausted_) return false;
  fetch();
  return ++row_ < pq().ntuples(result_.res);
}

void PgConnection::begin_write() {
  if (tx_ == Tx::read) {
    send("COMMIT");
    tx_ = Tx::none;
  }
  if (tx_ == Tx::none) {
    send("BEGIN");
    send_settings();
    tx_ = Tx::write;
  } else if (tx_ == Tx::outer) {
    // init: the schema's transaction is the one transaction; the lock is taken in it.
  }
  // Writers queue on the chain's head row, so the event chain stays one line. The lock
  // goes with the verb's first read: it is granted before that read runs.
  send(busy_ms_ > 0 ? "SELECT id FROM chain_head WHERE id = 1 FOR UPDATE"
                    : "SELECT id FROM chain_head WHERE id = 1 FOR UPDATE NOWAIT",
       true);
}

void PgConnection::commit() {
  if (tx_ == Tx::outer) return;  // committed with the schema, by create()
  auto r = run("COMMIT");
  // A transaction that failed on the server commits as ROLLBACK: never taken for a commit.
  if (std::string_view(pq().cmd_status(r.res)) != "COMMIT")
    throw DatabaseError(Failure::other,
                        db::failure_message(Failure::other, name_, "the transaction was rolled back by the server"));
  tx_ = Tx::none;
}

void PgConnection::rollback() noexcept {
  // What was sent is read (its failures no longer matter), then the transaction ends.
  try {
    sync();
  } catch (...) {
  }
  if (tx_ != Tx::none && pq().status(conn_) == CONNECTION_OK) {
    if (tracing()) trace("ROLLBACK", {}, {});
    pq().clear(pq().exec(conn_, "ROLLBACK"));
  }
  tx_ = Tx::none;
  aborted_.reset();
}

bool PgConnection::has_tables() {
  in_transaction();
  auto r = run("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
  return std::strtoll(pq().getvalue(r.res, 0, 0), nullptr, 10) > 0;
}

int PgConnection::schema_version() {
  if (tx_ == Tx::none || tx_ == Tx::read) {
    // Every command asks first: one round trip, with the BEGIN of its read transaction. In a
    // database without linkctl's schema (init, copy's target) the table is missing, which
    // fails that transaction: it is rolled back, and the answer is 0.
    in_transaction();
    try {
      auto r = run("SELECT max(version) FROM linkctl_schema");
      return pq().getisnull(r.res, 0, 0) ? 0 : static_cast<int>(std::strtol(pq().getvalue(r.res, 0, 0), nullptr, 10));
    } catch (const DatabaseError&) {
      if (last_sqlstate_ != "42P01") throw;  // undefined_table
      rollback();
      return 0;
    }
  }
  // In a write transaction (a migration), where a failure would lose it: two questions.
  auto exists = run("SELECT to_regclass('linkctl_schema') IS NOT NULL");
  if (std::string_view(pq().getvalue(exists.res, 0, 0)) != "t") return 0;
  auto r = run("SELECT max(version) FROM linkctl_schema");
  return pq().getisnull(r.res, 0, 0) ? 0 : static_cast<int>(std::strtol(pq().getvalue(r.res, 0, 0), nullptr, 10));
}

std::optional<db::DatabaseUser> PgConnection::database_user() {
  in_transaction();
  // The owner: a superuser, or the role that owns the database (who ran init).
  auto r =
      run("SELECT session_user, r.rolsuper OR d.datdba = r.oid FROM pg_catalog.pg_roles r, pg_catalog.pg_database d "
          "WHERE r.rolname = session_user AND d.datname = current_database()");
  if (pq().ntuples(r.res) != 1) return db::DatabaseUser{std::string(), false};
  return db::DatabaseUser{pq().getvalue(r.res, 0, 0), std::string_view(pq().getvalue(r.res, 0, 1)) == "t"};
}

std::vector<db::Finding> PgConnection::diagnose() {
  using Status = db::Finding::Status;
  std::vector<db::Finding> found;
  found.push_back(
      {"schema", Status::ok,
       trf("linkctl schema version {} (this linkctl writes {})", schema_version(), latest_schema_version())});
  // Other sessions of this database in a transaction that holds things up: idle in it
  // (a stopped client), waiting for a lock, or open longer than the busy timeout.
  auto sessions = [&] {
    in_transaction();
    auto r = run(fmt::format(
        "SELECT pid, coalesce(usename, '?'), coalesce(state, '?'), coalesce(wait_event_type, ''), "
        "coalesce(floor(extract(epoch FROM now() - xact_start))::bigint, 0) FROM pg_catalog.pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND "
        "(state LIKE 'idle in transaction%' OR wait_event_type = 'Lock' OR now() - xact_start > interval '{} "
        "milliseconds') ORDER BY xact_start",
        busy_ms_));
    std::string text;
    for (int i = 0; i < pq().ntuples(r.res); ++i) {
      std::string waiting = pq().getvalue(r.res, i, 3);
      text += (text.empty() ? "" : ", ") +
              trf("session {} (user {}, {}{}, in its transaction for {} s)", pq().getvalue(r.res, i, 0),
                  pq().getvalue(r.res, i, 1), pq().getvalue(r.res, i, 2),
                  waiting == "Lock" ? _(", waiting for a lock") : "", pq().getvalue(r.res, i, 4));
    }
    rollback();
    return text;
  };
  try {
    begin_write();
    flush();  // (the lock is asked for now, not with a later statement)
    rollback();
    found.push_back({"write_lock", Status::ok,
                     trf("free: the chain's head taken and given back at once (writers wait up to {} ms)", busy_ms_)});
  } catch (const DatabaseError& e) {
    rollback();
    if (e.failure() != Failure::locked) {
      found.push_back({"write_lock", Status::problem, e.what()});
    } else {
      std::string who = sessions();
      found.push_back({"write_lock", Status::problem,
                       trf("held for more than {} ms by {}; the server ends a stalled linkctl's transaction "
                           "itself after half its busy timeout; another client's session ends with SELECT "
                           "pg_terminate_backend(PID) (its owner or a superuser), which rolls back only "
                           "that session's transaction",
                           busy_ms_, who.empty() ? _("a session you may not see") : who)});
    }
  }
  std::string busy = sessions();
  if (busy.empty())
    found.push_back({"sessions", Status::ok,
                     _("no other session of this database is idle in a transaction or waiting for a lock")});
  else
    found.push_back({"sessions", Status::warning,
                     trf("{}; the server ends a stalled linkctl's transaction after half its busy timeout", busy)});
  in_transaction();
  auto checksums = run("SHOW data_checksums");
  std::string on = pq().ntuples(checksums.res) == 1 ? pq().getvalue(checksums.res, 0, 0) : "?";
  rollback();
  found.push_back({"integrity", Status::skipped,
                   trf("pages are the server's to check (data_checksums = {}; amcheck for indexes)", on)});
  return found;
}

void PgConnection::migrate_from(int have) {
  int want = latest_schema_version();
  if (have > want)
    throw DatabaseError(
        Failure::other,
        trf("{} has schema version {}, newer than this linkctl understands ({}); upgrade linkctl", name_, have, want));
  if (have == want) return;
  bool outer = tx_ == Tx::outer;
  if (!outer) begin_write();
  try {
    if (have == 0) run("CREATE TABLE IF NOT EXISTS linkctl_schema (version INTEGER NOT NULL)");
    // Another process may have migrated while this one waited (the chain lock needs version 1's tables).
    have = schema_version();
    auto migrations = postgres_migrations();
    for (int v = have; v < want; ++v) run_script(std::string(migrations[static_cast<std::size_t>(v)].sql));
    run("DELETE FROM linkctl_schema");
    run(fmt::format("INSERT INTO linkctl_schema (version) VALUES ({})", want));
    if (!outer) commit();
  } catch (...) {
    if (!outer) rollback();
    throw;
  }
}

std::unique_ptr<PgConnection> connect(const std::string& uri, int busy_timeout_ms) {
  std::string name = display_name(uri);
  PGconn* conn = pq().connectdb(uri.c_str());
  if (!conn) throw DatabaseError(Failure::unreachable, trf("cannot reach the database {} (out of memory)", name));
  if (pq().status(conn) != CONNECTION_OK) {
    std::string why = first_line(pq().error_message(conn));
    pq().finish(conn);
    throw DatabaseError(Failure::unreachable, db::failure_message(Failure::unreachable, name, why));
  }
  return std::make_unique<PgConnection>(conn, name, busy_timeout_ms);
}

}  // namespace

bool is_uri(std::string_view where) {
  return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

std::string display_name(const std::string& where) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  auto scheme = where.find("://");
  auto at = where.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return where;
  auto colon = where.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return where;
  return where.substr(0, colon + 1) + "***" + where.substr(at);
}

int latest_schema_version() { return static_cast<int>(postgres_migrations().size()); }

std::unique_ptr<db::Connection> open(const std::string& uri, int busy_timeout_ms) {
  auto c = connect(uri, busy_timeout_ms);
  int version = c->schema_version();
  if (version == 0) {
    if (c->has_tables())
      throw DatabaseError(Failure::corrupt, trf("{} is not a linkctl database (it holds other tables); create one with "
                                                "'linkctl init' in an empty database",
                                                c->name()));
    throw DatabaseError(Failure::other, trf("no linkctl database at {}; create one with 'linkctl init' or point --db / "
                                            "LINKCTL_DB at it",
                                            c->name()));
  }
  c->migrate_from(version);
  return c;
}

void require_absent(const std::string& uri) {
  auto c = connect(uri, 0);
  if (c->schema_version() > 0 || c->has_tables())
    throw Error(ErrorKind::conflict,
                trf("{} is not empty; linkctl init and copy never write into a database that holds "
                    "tables (create an empty one: CREATE DATABASE ...)",
                    c->name()));
}

void create(const std::string& uri, const db::Build& build) {
  require_absent(uri);
  auto c = connect(uri, 0);
  c->begin_outer();
  c->migrate();
  auto back = build(std::move(c));
  // The build's commits happened inside the one transaction; this is the one that counts.
  static_cast<PgConnection&>(*back).commit_outer();
}

}  // namespace linkctl::postgres
