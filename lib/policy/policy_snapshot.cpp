// SPDX-License-Identifier: MIT
// The snapshot is text: a magic line, then integers written as "123 " and strings
// as "<bytes>:<text>" (a netstring without the trailing comma), in a fixed order.
// Loading it costs a few tens of thousands of instructions; the JSON it replaced
// cost three million, most of a short command (bench/RESULTS.md).
#include "policy_snapshot.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

namespace linkctl {
namespace {

// Bump when the layout below changes: older snapshots are then parsed from the text.
constexpr std::string_view kMagic = "linkctl-policy-snapshot 3\n";

class Writer {
 public:
  void num(long long v) {
    out_ += std::to_string(v);
    out_ += ' ';
  }
  void str(std::string_view s) {
    out_ += std::to_string(s.size());
    out_ += ':';
    out_ += s;
  }
  void strs(const std::vector<std::string>& v) {
    num(static_cast<long long>(v.size()));
    for (const auto& s : v) str(s);
  }
  void dates(const std::set<Date>& v) {
    num(static_cast<long long>(v.size()));
    for (auto d : v) num(d.time_since_epoch().count());
  }
  void deadline(const Deadline& d) {
    for (int a : d.amount) num(a);
    num(static_cast<int>(d.unit));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_{kMagic};
};

struct Malformed : std::runtime_error {
  Malformed() : std::runtime_error("malformed policy snapshot") {}
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  long long num(char end = ' ') {
    long long v = 0;
    auto [p, ec] = std::from_chars(in_.data(), in_.data() + in_.size(), v);
    if (ec != std::errc{} || p == in_.data() + in_.size() || *p != end) throw Malformed();
    in_.remove_prefix(static_cast<std::size_t>(p - in_.data()) + 1);
    return v;
  }
  int small(long long lo, long long hi) {
    auto v = num();
    if (v < lo || v > hi) throw Malformed();
    return static_cast<int>(v);
  }
  /// Any int: the values the policy validator accepted, whatever their range.
  int integer() { return small(std::numeric_limits<int>::min(), std::numeric_limits<int>::max()); }
  std::size_t count() { return static_cast<std::size_t>(small(0, 1'000'000)); }
  std::string str() {
    auto n = static_cast<std::size_t>(num(':'));
    if (n > in_.size()) throw Malformed();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count());
    for (auto& s : v) s = str();
    return v;
  }
  std::set<Date> dates() {
    std::set<Date> v;
    for (auto n = count(); n > 0; --n) v.insert(v.end(), Date{std::chrono::days{small(-1'000'000, 1'000'000)}});
    return v;
  }
  Deadline deadline() {
    Deadline d;
    for (int& a : d.amount) a = integer();
    d.unit = static_cast<DueUnit>(small(static_cast<int>(DueUnit::working_days), static_cast<int>(DueUnit::hours)));
    return d;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

template <typename Enum>
Enum enum_of(Reader& r, Enum last) {
  return static_cast<Enum>(r.small(0, static_cast<int>(last)));
}

int* scoring_fields(Scoring& s, std::size_t i) {
  int* fields[] = {&s.approval_overdue,  &s.feedback_overdue,
                   &s.review_overdue,    &s.rated_fair,
                   &s.rated_unsatisfied, &s.fake_handling,
                   &s.supervisor_reset,  &s.bonus_threshold,
                   &s.bonus_penalty,     &s.escalated_overdue_bonus_penalty};
  return i < std::size(fields) ? fields[i] : nullptr;
}

}  // namespace

std::string compile_policy(const Policy& p) {
  Writer w;
  const auto& o = p.organization;
  w.str(o.name);
  w.str(o.timezone.name());
  w.num(o.base_score);
  w.num(o.allow_clock_override);
  w.num(static_cast<int>(o.identity));
  const auto& c = p.calendar;
  w.num(static_cast<long long>(c.covered_years.size()));
  for (int y : c.covered_years) w.num(y);
  for (bool b : c.weekend) w.num(b);
  w.dates(c.holidays);
  w.dates(c.workdays);
  for (const auto* d :
       {&p.deadlines.approval, &p.deadlines.feedback, &p.deadlines.review, &p.deadlines.escalated, &p.deadlines.reset})
    w.deadline(*d);
  auto scoring = p.scoring;
  for (std::size_t i = 0; int* f = scoring_fields(scoring, i); ++i) w.num(*f);
  w.num(static_cast<long long>(p.departments.size()));
  for (const auto& d : p.departments) {
    w.str(d.code);
    w.str(d.name);
    w.num(static_cast<int>(d.kind));
    w.strs(d.leads);
    w.num(d.parent.has_value());
    if (d.parent) w.str(*d.parent);
  }
  w.num(static_cast<long long>(p.people.size()));
  for (const auto& x : p.people) {
    w.str(x.id);
    w.str(x.name);
    w.str(x.department);
    w.str(x.login);
    w.strs(x.roles);
  }
  w.num(static_cast<long long>(p.categories.size()));
  for (const auto& x : p.categories) {
    w.str(x.code);
    w.str(x.name);
    w.num(static_cast<int>(x.severity));
    w.strs(x.filers);
    w.str(x.to);
    for (const auto& f : x.feedback) w.num(f ? *f : -1);
    w.num(x.chain.has_value());
    if (x.chain) w.str(*x.chain);
  }
  w.num(static_cast<long long>(p.approval_chains.size()));
  for (const auto& c : p.approval_chains) {
    w.str(c.code);
    w.str(c.name);
    w.num(static_cast<long long>(c.levels.size()));
    for (const auto& l : c.levels) {
      w.str(l.name);
      w.num(static_cast<int>(l.approver));
      w.str(l.approver_id);
      w.num(l.deadline.has_value());
      if (l.deadline) w.deadline(*l.deadline);
    }
  }
  return w.take();
}

std::shared_ptr<const Policy> load_compiled_policy(std::string_view compiled, std::string text, std::string sha256) {
  if (compiled.substr(0, kMagic.size()) != kMagic) return nullptr;
  compiled.remove_prefix(kMagic.size());
  try {
    Reader r(compiled);
    auto p = std::make_shared<Policy>();
    auto& o = p->organization;
    o.name = r.str();
    auto tz = TimeZone::find(r.str());
    if (!tz) return nullptr;
    o.timezone = *tz;
    o.base_score = r.integer();
    o.allow_clock_override = r.small(0, 1) == 1;
    o.identity = enum_of(r, IdentityMode::database);
    auto& c = p->calendar;
    for (auto n = r.count(); n > 0; --n) c.covered_years.insert(r.small(1, 9999));
    for (bool& b : c.weekend) b = r.small(0, 1) == 1;
    c.holidays = r.dates();
    c.workdays = r.dates();
    for (auto* d : {&p->deadlines.approval, &p->deadlines.feedback, &p->deadlines.review, &p->deadlines.escalated,
                    &p->deadlines.reset})
      *d = r.deadline();
    for (std::size_t i = 0; int* f = scoring_fields(p->scoring, i); ++i) *f = r.integer();
    p->departments.resize(r.count());
    for (auto& d : p->departments) {
      d.code = r.str();
      d.name = r.str();
      d.kind = enum_of(r, DeptKind::office);
      d.leads = r.strs();
      if (r.small(0, 1)) d.parent = r.str();
    }
    p->people.resize(r.count());
    for (auto& x : p->people) {
      x.id = r.str();
      x.name = r.str();
      x.department = r.str();
      x.login = r.str();
      for (auto& role : r.strs())
        if (!x.add_role(std::move(role))) return nullptr;
    }
    p->categories.resize(r.count());
    for (auto& x : p->categories) {
      x.code = r.str();
      x.name = r.str();
      x.severity = enum_of(r, Severity::normal);
      x.filers = r.strs();
      x.to = r.str();
      for (auto& f : x.feedback)
        if (int v = r.integer(); v >= 0) f = v;
      if (r.small(0, 1)) x.chain = r.str();
    }
    p->approval_chains.resize(r.count());
    for (auto& c : p->approval_chains) {
      c.code = r.str();
      c.name = r.str();
      c.levels.resize(r.count());
      for (auto& l : c.levels) {
        l.name = r.str();
        l.approver = enum_of(r, ApproverKind::person);
        l.approver_id = r.str();
        if (r.small(0, 1)) l.deadline = r.deadline();
      }
    }
    if (!r.done()) return nullptr;
    p->text = std::move(text);
    p->sha256 = std::move(sha256);
    return p;
  } catch (const Malformed&) {
    return nullptr;
  }
}

}  // namespace linkctl
