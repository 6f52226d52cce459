// SPDX-License-Identifier: MIT
#include "env.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "error.hpp"
#include "i18n.hpp"
#include "policy_snapshot.hpp"
#include "policy_view.hpp"
#include "user_file.hpp"

namespace linkctl::cli {

void Output::configure(const std::string& format_option, bool no_header) {
  bool tty = ::isatty(STDOUT_FILENO) == 1;
  if (format_option.empty()) {
    format_ = tty ? Format::table : Format::tsv;
  } else if (format_option == "xlsx" || format_option == "html") {
    document_ = format_option == "xlsx" ? Document::xlsx : Document::html;
    format_ = Format::tsv;
  } else if (auto f = parse_format(format_option)) {
    format_ = *f;
  } else {
    throw Error(
        ErrorKind::usage,
        trf("--format {} is not known; use table, tsv, csv or json (or xlsx, html: report, stats)", format_option));
  }
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  colour_ = tty && format_ == Format::table && !(no_colour && *no_colour) && !(term && std::string(term) == "dumb");
  no_header_ = no_header;
  // COLUMNS first, so that a script (or a test) gets the same table on any terminal.
  const char* columns = std::getenv("COLUMNS");
  char* end = nullptr;
  long from_env = columns && *columns ? std::strtol(columns, &end, 10) : 0;
  struct winsize ws {};
  if (from_env > 0 && end && *end == '\0')
    width_ = static_cast<std::size_t>(from_env);
  else if (tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    width_ = ws.ws_col;
}

void Output::print(const std::string& text) { std::cout << text << std::flush; }
void Output::rows(const Rows& r) { print(render(r, format_, options())); }

void Output::rows(const std::vector<std::string>& columns, const std::function<void(const RowSink&)>& each) {
  if (format_ == Format::table) {
    Rows all{columns, {}};
    each([&](nlohmann::ordered_json&& row) { all.rows.push_back(std::move(row)); });
    return rows(all);
  }
  RowWriter writer(format_, columns, options(), std::cout);
  each([&](nlohmann::ordered_json&& row) { writer.write(row); });
  writer.finish();
}
void Output::record(const Rows& one) { print(render_record(one, format_, options())); }
void Output::show(const View& view) { show(view, ""); }

void Output::show(const View& view, const std::string& output) {
  std::string text = render(view, format_, options());
  if (bom_) text.insert(0, "\xEF\xBB\xBF");
  emit(text, false, output);
}

void Output::emit(const std::string& bytes, bool binary, const std::string& output) {
  if (!output.empty()) return write_user_file(output, bytes, "--output");
  if (binary && ::isatty(STDOUT_FILENO) == 1)
    throw Error(ErrorKind::usage,
                _("a workbook is not for a terminal; write it to a file with --output FILE (e.g. --output "
                  "2026-10.xlsx) or redirect standard output"));
  print(bytes);
}

namespace {

// libxlsxwriter writes to a named file: a private temporary one, read back whole.
std::string workbook_bytes(const std::vector<Sheet>& sheets, const std::optional<ChartSpec>& chart) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/linkctl-workbook.XXXXXX";
  int fd = ::mkstemp(path.data());
  if (fd < 0)
    throw Error(ErrorKind::internal,
                trf("cannot create a temporary file in {} for the workbook ({}); set TMPDIR to a writable "
                    "directory",
                    tmpdir && *tmpdir ? tmpdir : "/tmp", std::strerror(errno)));
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { ::unlink(path.c_str()); }
  } remove{path};
  write_workbook(path, sheets, chart);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw Error(ErrorKind::internal, _("cannot read back the temporary workbook"));
  return bytes;
}

}  // namespace

void Output::publish(const MonthDocument& month, const std::string& output) {
  if (document_ == Document::html) return emit(month_html(month), false, output);
  emit(workbook_bytes(month_sheets(month), month_chart(month)), true, output);
}

void Output::publish(const PeriodDocument& period, const std::string& output) {
  if (document_ == Document::html) return emit(period_html(period), false, output);
  emit(workbook_bytes(period_sheets(period), period_chart(period)), true, output);
}

void Output::publish(const Sheet& sheet, const std::string& output) {
  emit(workbook_bytes({sheet}, std::nullopt), true, output);
}

void Output::bom(bool wanted) { bom_ = wanted && format_ == Format::csv; }

Format Output::file_format(const std::string& format_option) const {
  return format_ == Format::table || format_option.empty() ? Format::csv : format_;
}

void Output::note(const std::string& message) { std::cerr << "linkctl: " << message << "\n"; }

void Output::warn(const std::string& message) {
  if (warned_.insert(message).second) std::cerr << trf("linkctl: warning: {}", message) << "\n";
}

int Env::busy_timeout_ms() const {
  int timeout = Store::kDefaultBusyTimeoutMs;
  if (const char* env = std::getenv("LINKCTL_BUSY_TIMEOUT"); env && *env) {
    char* end = nullptr;
    long ms = std::strtol(env, &end, 10);
    if (*end != '\0' || ms < 0 || ms > 3'600'000)
      throw Error(ErrorKind::usage, trf("LINKCTL_BUSY_TIMEOUT={} is not a number of milliseconds (0 to 3600000)", env));
    timeout = static_cast<int>(ms);
  }
  return timeout;
}

Store& Env::store() {
  if (store_) return *store_;
  store_.emplace(Store::open(opts.db, busy_timeout_ms()));
  return *store_;
}

const Policy& Env::policy() {
  if (policy_) return *policy_;
  auto in_force = policy_in_force(store());
  policy_ = in_force.policy;
  policy_version_ = in_force.version;
  return *policy_;
}

std::int64_t Env::policy_version() {
  policy();
  return policy_version_;
}

const Clock& Env::clock_for(const Policy& p) {
  if (clock_) return *clock_;
  if (!opts.now.empty() && !opts.today.empty()) throw Error(ErrorKind::usage, _("give --now or --today, not both"));
  std::string wanted = !opts.now.empty() ? opts.now : opts.today;
  if (wanted.empty()) {
    clock_ = std::make_unique<SystemClock>();
    return *clock_;
  }
  if (!p.organization.allow_clock_override)
    throw Error(ErrorKind::permission,
                _("--now/--today/LINKCTL_NOW is not allowed by this policy; set [organization] allow_clock_override = "
                  "true (tests, demos, back-filling) or unset LINKCTL_NOW"));
  std::optional<Instant> at;
  if (!opts.today.empty()) {
    if (auto d = parse_date(opts.today)) at = p.organization.timezone.from_local(*d, std::chrono::hours(9));
    if (!at)
      throw Error(ErrorKind::usage,
                  trf("--today {} is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30", opts.today));
  } else {
    at = p.organization.timezone.parse_iso(opts.now);
    if (!at)
      throw Error(ErrorKind::usage, trf("--now/LINKCTL_NOW '{}' is not a valid time; write ISO-8601, e.g. "
                                        "2026-09-30T09:30 (local) or 2026-09-30T01:30:00Z",
                                        opts.now));
  }
  clock_ = std::make_unique<FixedClock>(*at);
  return *clock_;
}

OsUser Env::os_user() const {
  OsUser u;
  uid_t uid = ::getuid();
  u.root = uid == 0;
  u.elevated = elevated();
  if (const passwd* pw = ::getpwuid(uid))
    u.login = pw->pw_name;
  else
    u.login = std::to_string(uid);
  return u;
}

Requester Env::os_requester() const {
  Requester r;
  r.os = os_user();
  if (!opts.as.empty()) r.declared = opts.as;
  return r;
}

Requester Env::requester() {
  Requester r;
  if (policy().organization.identity == IdentityMode::database)
    r.os = session_user_of(store());
  else
    r.os = os_user();
  if (!opts.as.empty()) r.declared = opts.as;
  return r;
}

Actor Env::actor() {
  auto r = requester();
  return resolve_actor(policy(), r.os, r.declared);
}

std::string Env::read_policy_file(const std::string& path) {
  auto text = read_user_file(path, kMaxPolicyBytes, _("policy file"));
  if (text.size() > kMaxPolicyBytes)
    throw Error(ErrorKind::invalid,
                trf("{}:1: the file is over {} bytes, the most a policy may be", path, kMaxPolicyBytes));
  return text;
}

std::shared_ptr<const Policy> Env::load_checked(const std::string& text, const std::string& source) {
  // The coverage warning is judged against the real date unless the clock is overridden.
  Date today = std::chrono::floor<std::chrono::days>(SystemClock().now());
  auto load = load_policy(text, source, today);
  for (const auto& d : load.diagnostics) std::cerr << d.str() << "\n";
  if (!load.ok()) {
    throw Error(ErrorKind::invalid,
                trf("{} has {} error{}; nothing was changed (check it with 'linkctl policy check {}')", source,
                    load.error_count(), load.error_count() == 1 ? "" : "s", source));
  }
  return load.policy;
}

Session Env::session() { return Session{store(), policy(), policy_version(), clock(), actor()}; }

void Env::warn_uncovered(const std::set<int>& years) {
  for (int y : years)
    out_.warn(trf(
        "the policy's calendar does not cover {}; only weekends count as days off there (add [calendar.cn-{}])", y, y));
}

}  // namespace linkctl::cli
