// SPDX-License-Identifier: MIT
// Permissions: every verb x every role x every state, against an oracle written by
// hand from SPEC section 3 (the lifecycle table: who may do what, in which state)
// and section 8 (visibility), plus visibility in list, export and the monthly report.
//
// The oracle below is NOT derived from the implementation. Where the code disagrees
// with it, the combination goes into `known_disagreements` (reported, not failed).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "identity.hpp"
#include "supervision.hpp"
#include "transfer.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

// kMiniPolicy (market: zhang.wei lead, li.na filer; logistics: wang.qiang lead,
// yang.fan handler; office: lin.xiuying supervisor, gao.feng admin) plus an
// unrelated third department "phone" (lead chen.jing, plain member xu.lei) and a
// second logistics handler (zhao.min) to reassign an assigned ticket to.
const std::string kPolicy = kMiniPolicy + R"(
[[departments]]
code = "phone"
name = "电访中心"
kind = "front"
leads = ["chen.jing"]

[[people]]
id = "chen.jing"
name = "陈静"
department = "phone"
roles = ["lead"]

[[people]]
id = "xu.lei"
name = "徐磊"
department = "phone"
roles = ["handler"]

[[people]]
id = "zhao.min"
name = "赵敏"
department = "logistics"
roles = ["handler"]
)";

// ---------------------------------------------------------------------------
// The dimensions.

enum class Verb { approve, reject, route_to, route_dept, close, confirm, explain, rate, reset, escalate, comment, spotcheck, show };
enum class Role { filer, sending_lead, receiving_lead, handler, other_lead, other_member, supervisor, admin, unknown };

constexpr std::array kAllVerbs = {Verb::approve, Verb::reject,   Verb::route_to, Verb::route_dept, Verb::close,
                               Verb::confirm, Verb::explain,  Verb::rate,     Verb::reset,      Verb::escalate,
                               Verb::comment, Verb::spotcheck, Verb::show};
constexpr std::array kAllRoles = {Role::filer,     Role::sending_lead, Role::receiving_lead,
                               Role::handler,   Role::other_lead,   Role::other_member,
                               Role::supervisor, Role::admin,       Role::unknown};
constexpr std::array kAllStates = {State::pending, State::routed, State::assigned, State::handled,
                                State::answered, State::done,  State::rejected};

const char* name(Verb v) {
  switch (v) {
    case Verb::approve: return "approve";
    case Verb::reject: return "reject";
    case Verb::route_to: return "route --to";
    case Verb::route_dept: return "route --dept";
    case Verb::close: return "close";
    case Verb::confirm: return "confirm";
    case Verb::explain: return "explain";
    case Verb::rate: return "rate";
    case Verb::reset: return "reset";
    case Verb::escalate: return "escalate";
    case Verb::comment: return "comment";
    case Verb::spotcheck: return "spotcheck record";
    case Verb::show: return "show";
  }
  return "?";
}

const char* name(Role r) {
  switch (r) {
    case Role::filer: return "filer";
    case Role::sending_lead: return "sending lead";
    case Role::receiving_lead: return "receiving lead";
    case Role::handler: return "handler";
    case Role::other_lead: return "unrelated lead";
    case Role::other_member: return "unrelated member";
    case Role::supervisor: return "supervisor";
    case Role::admin: return "admin";
    case Role::unknown: return "unknown person";
  }
  return "?";
}

/// The person playing each role for the test ticket (filed by li.na in market,
/// category delivery-late, received by logistics, assigned to yang.fan).
const char* person_of(Role r) {
  switch (r) {
    case Role::filer: return "li.na";
    case Role::sending_lead: return "zhang.wei";
    case Role::receiving_lead: return "wang.qiang";
    case Role::handler: return "yang.fan";
    case Role::other_lead: return "chen.jing";
    case Role::other_member: return "xu.lei";
    case Role::supervisor: return "lin.xiuying";
    case Role::admin: return "gao.feng";
    case Role::unknown: return "nobody";
  }
  return "?";
}

std::string name(State s) { return std::string(to_string(s)); }

/// nullopt: allowed; otherwise the refusal.
using Verdict = std::optional<ErrorKind>;

std::string describe(const Verdict& o) {
  if (!o) return "allowed";
  switch (*o) {
    case ErrorKind::internal: return "internal(1)";
    case ErrorKind::usage: return "usage(2)";
    case ErrorKind::not_found: return "not_found(3)";
    case ErrorKind::permission: return "permission(4)";
    case ErrorKind::conflict: return "conflict(5)";
    case ErrorKind::invalid: return "invalid(6)";
    case ErrorKind::database: return "database(7)";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// The oracle, by hand from SPEC sections 3 and 8 (and the design decisions the
// brief lists as part of the spec). Order of checks: unknown person (not_found,
// from resolve_actor) -> cannot see the ticket (not_found, SPEC 8) -> verb not
// allowed in this state (conflict, SPEC 3 "any other verb in any other state ...
// exit 5"; state is checked before the actor) -> actor may not (permission) -> allowed.

/// SPEC 8: "people see the tickets of their own departments (sending or
/// receiving); supervisors and admins see all". The test ticket's sending
/// department is market (li.na, zhang.wei), its receiving department logistics
/// (wang.qiang, yang.fan) from filing on (the category's `to`), in every state.
bool spec_sees(Role r) {
  switch (r) {
    case Role::filer:
    case Role::sending_lead:
    case Role::receiving_lead:
    case Role::handler:
    case Role::supervisor:
    case Role::admin: return true;
    case Role::other_lead:
    case Role::other_member:
    case Role::unknown: return false;
  }
  return false;
}

/// SPEC 3, the "from" column of each verb's row(s).
bool spec_state_allows(Verb v, State s) {
  using S = State;
  auto in = [&](std::initializer_list<S> ss) { return std::find(ss.begin(), ss.end(), s) != ss.end(); };
  switch (v) {
    case Verb::approve: return in({S::pending});                              // pending -> routed
    case Verb::reject: return in({S::pending});                               // pending -> rejected
    case Verb::route_to: return in({S::routed, S::assigned, S::handled});     // assign, reassign, send back
    case Verb::route_dept: return in({S::routed, S::assigned});               // routed/assigned -> routed at D
    case Verb::close: return in({S::assigned});                               // assigned -> handled
    case Verb::confirm: return in({S::handled});                              // handled -> answered
    case Verb::explain: return in({S::routed, S::assigned, S::handled});      // same state
    case Verb::rate: return in({S::answered});                                // answered -> done
    case Verb::reset: return in({S::answered, S::done});                      // answered/done -> routed
    case Verb::escalate: return in({S::routed, S::assigned, S::handled});     // open after approval, not answered (design)
    case Verb::comment: return true;                                          // any
    case Verb::spotcheck: return in({S::done});                               // done, same state
    case Verb::show: return true;                                             // any (SPEC 7/8: visibility only)
  }
  return false;
}

/// SPEC 3, the "actor" column, for a state the verb is allowed in.
bool spec_actor_allows(Verb v, Role r, State s) {
  switch (v) {
    case Verb::approve:
    case Verb::reject:
    case Verb::rate: return r == Role::sending_lead;  // lead of the sending department
    case Verb::route_to:
    case Verb::route_dept:
    case Verb::confirm:
    case Verb::explain: return r == Role::receiving_lead;  // lead of the receiving department
    case Verb::close: return r == Role::handler || r == Role::receiving_lead;  // "the handler (or receiving lead)"
    case Verb::reset:
      // answered: sending lead or supervisor; done: supervisor only.
      if (s == State::answered) return r == Role::sending_lead || r == Role::supervisor;
      return r == Role::supervisor;
    case Verb::escalate:
    case Verb::spotcheck: return r == Role::supervisor;
    case Verb::comment:
    case Verb::show: return true;  // anyone who can see the ticket
  }
  return false;
}

Verdict spec_expected(Verb v, Role r, State s) {
  if (r == Role::unknown) return ErrorKind::not_found;  // resolve_actor: no such person
  if (!spec_sees(r)) return ErrorKind::not_found;
  if (!spec_state_allows(v, s)) return ErrorKind::conflict;
  if (!spec_actor_allows(v, r, s)) return ErrorKind::permission;
  return std::nullopt;
}

/// SPEC 3, the "to" column: the ticket's state after an accepted verb.
State spec_state_after(Verb v, State s) {
  switch (v) {
    case Verb::approve: return State::routed;
    case Verb::reject: return State::rejected;
    case Verb::route_to: return State::assigned;
    case Verb::route_dept: return State::routed;
    case Verb::close: return State::handled;
    case Verb::confirm: return State::answered;
    case Verb::rate: return State::done;
    case Verb::reset: return State::routed;
    default: return s;  // explain, escalate, comment, spotcheck, show: same state
  }
}

// ---------------------------------------------------------------------------
// Known disagreements between the code and the oracle above: (verb, role, state)
// with a comment on the SPEC reference. Reported with MESSAGE, not failed.
// Keep this empty unless the code really disagrees with SPEC.
using Combo = std::tuple<Verb, Role, State>;
const std::set<Combo> known_disagreements = {
};

// ---------------------------------------------------------------------------
// Building a ticket in each state, and running one verb as one role.

constexpr const char* kWhen = "2026-10-09T10:00";  // every verb under test runs then (a Friday, a working day)

std::int64_t build(World& w, State s) {
  auto id = w.file("li.na", "2026-09-28T10:00", "delivery-late");
  if (s == State::pending) return id;
  if (s == State::rejected) {
    w.reject("zhang.wei", "2026-09-28T16:00", id);
    return id;
  }
  w.approve("zhang.wei", "2026-09-28T16:00", id);
  if (s == State::routed) return id;
  w.assign("wang.qiang", "2026-09-29T10:00", id, "yang.fan");
  if (s == State::assigned) return id;
  w.close("yang.fan", "2026-09-30T10:00", id);
  if (s == State::handled) return id;
  w.confirm("wang.qiang", "2026-09-30T15:00", id);
  if (s == State::answered) return id;
  w.rate("zhang.wei", "2026-10-08T10:00", id, Rating::satisfied);
  return id;  // done
}

/// route --to: assign yang.fan; an assigned ticket is reassigned to zhao.min.
std::string route_target(State s) { return s == State::assigned ? "zhao.min" : "yang.fan"; }

/// Runs `v` on ticket `id` as the person playing `r`, through resolve_actor.
Verdict run(World& w, std::int64_t id, Verb v, Role r, State s) {
  return error_of([&] {
    Actor actor = resolve_actor(*w.policy, OsUser{"tester", false}, std::string(person_of(r)));
    auto at = w.policy->organization.timezone.parse_iso(kWhen);
    REQUIRE(at);
    FixedClock clock(*at);
    Session ss{w.store, *w.policy, 1, clock, actor};
    auto m = ss.moment();
    auto act = [&](auto fn) { linkctl::act(ss, id, [&](const Ticket& t) { return fn(ss.policy, ss.actor, m, t); }); };
    switch (v) {
      case Verb::approve: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::approve(p, a, mm, t, ApproveRequest{}); }); break;
      case Verb::reject: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::reject(p, a, mm, t, "重复上报"); }); break;
      case Verb::route_to: {
        RouteRequest rr{route_target(s), std::nullopt, std::string("请再处理一次")};
        act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::route(p, a, mm, t, rr); });
        break;
      }
      case Verb::route_dept: {
        RouteRequest rr{std::nullopt, std::string("market"), std::string("送错部门")};
        act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::route(p, a, mm, t, rr); });
        break;
      }
      case Verb::close: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::close(p, a, mm, t, "已处理"); }); break;
      case Verb::confirm: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::confirm(p, a, mm, t, std::nullopt); }); break;
      case Verb::explain: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::explain(p, a, mm, t, "客户外出"); }); break;
      case Verb::rate:
        act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::rate(p, a, mm, t, Rating::fair, std::nullopt); });
        break;
      case Verb::reset: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::reset(p, a, mm, t, "处理不合理"); }); break;
      case Verb::escalate:
        act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::escalate(p, a, mm, t, std::string("尽快处理")); });
        break;
      case Verb::comment: act([&](auto& p, auto& a, auto& mm, auto& t) { return linkctl::comment(p, a, mm, t, "备注"); }); break;
      case Verb::spotcheck: record_spotcheck(ss, id, false, std::string("抽查属实")); break;
      case Verb::show: (void)visible_ticket(ss, id); break;
    }
  });
}

}  // namespace

TEST_CASE("permissions: the unknown person is refused by resolve_actor with not_found") {
  World w(kPolicy);
  CHECK(error_of([&] { resolve_actor(*w.policy, OsUser{"tester", false}, std::string("nobody")); }) == ErrorKind::not_found);
  for (Role r : kAllRoles)
    if (r != Role::unknown) {
      CAPTURE(person_of(r));
      CHECK(resolve_actor(*w.policy, OsUser{"tester", false}, std::string(person_of(r))).id() == person_of(r));
    }
}

TEST_CASE("permissions: every verb x every role x every state matches SPEC section 3 and 8") {
  // A policy loaded once checks that the extended policy is valid before the matrix.
  World probe(kPolicy);
  for (State s : kAllStates) {
    World w(kPolicy);
    CAPTURE(name(s));
    REQUIRE(w.get(build(w, s)).state == s);
  }

  std::map<std::string, int> expected_counts, actual_counts;
  int combinations = 0, agreed = 0, disagreed_known = 0, disagreed_new = 0;
  std::vector<std::string> report;

  for (Verb v : kAllVerbs)
    for (Role r : kAllRoles)
      for (State s : kAllStates) {
        ++combinations;
        World w(kPolicy);  // a fresh world each time, so an accepted verb never affects the next combination
        auto id = build(w, s);
        const Ticket before = w.get(id);
        const auto events_before = w.store.events_since(0, 0).size();

        const Verdict expected = spec_expected(v, r, s);
        const Verdict actual = run(w, id, v, r, s);
        ++expected_counts[describe(expected)];
        ++actual_counts[describe(actual)];

        const Ticket after = w.get(id);
        const auto events_after = w.store.events_since(0, 0).size();
        std::ostringstream where;
        where << name(v) << " as " << name(r) << " (" << person_of(r) << ") in " << name(s);
        INFO(where.str());

        // Whatever the verdict: a refusal appends no event and leaves the ticket as it was.
        if (actual) {
          CHECK_MESSAGE(events_after == events_before, "a refusal appended an event");
          CHECK_MESSAGE(after == before, "a refusal changed the ticket");
        } else if (v == Verb::show) {
          CHECK(events_after == events_before);
          CHECK(after == before);
        } else {
          // SPEC 3: every accepted verb appends one event, and moves the ticket per the "to" column.
          CHECK(events_after == events_before + 1);
          CHECK(after.state == spec_state_after(v, s));
          if (v == Verb::route_to) CHECK(after.handler == route_target(s));
          if (v == Verb::route_dept) CHECK(after.to_dept == "market");
          if (v == Verb::escalate) CHECK(after.escalated);
          if (v == Verb::explain) CHECK((after.feedback && after.feedback->explained_at));
        }

        if (actual == expected) {
          ++agreed;
          if (known_disagreements.count({v, r, s}))
            MESSAGE("known disagreement no longer disagrees (remove it from the list): " << where.str() << " -> "
                                                                                         << describe(actual));
          continue;
        }
        std::ostringstream line;
        line << where.str() << ": SPEC expects " << describe(expected) << ", code gives " << describe(actual);
        if (known_disagreements.count({v, r, s})) {
          ++disagreed_known;
          report.push_back(line.str());
        } else {
          ++disagreed_new;
          FAIL_CHECK("oracle disagreement: " << line.str());
        }
      }

  auto counts = [](const std::map<std::string, int>& m) {
    std::ostringstream o;
    bool first = true;
    for (const auto& [k, n] : m) {
      o << (first ? "" : ", ") << k << " " << n;
      first = false;
    }
    return o.str();
  };
  MESSAGE("checked " << kAllVerbs.size() << " verbs x " << kAllRoles.size() << " roles x " << kAllStates.size()
                     << " states = " << combinations << " combinations; " << agreed << " agree with the SPEC oracle, "
                     << disagreed_known << " known disagreements, " << disagreed_new << " new disagreements");
  MESSAGE("expected by SPEC: " << counts(expected_counts));
  MESSAGE("actual from code: " << counts(actual_counts));
  for (const auto& line : report) MESSAGE("known disagreement: " << line);
  CHECK(combinations == static_cast<int>(kAllVerbs.size() * kAllRoles.size() * kAllStates.size()));
  CHECK(disagreed_new == 0);
}

TEST_CASE("permissions: visibility in list, export and the monthly report (SPEC 8)") {
  World w(kPolicy);
  // t1: market -> logistics, rated fair on 10-08 (logistics loses a point in October).
  auto t1 = build(w, State::answered);
  w.rate("zhang.wei", "2026-10-08T10:00", t1, Rating::fair);
  // t2: market -> market, filed Fri 10-09, approved late on Mon 10-12 (market: approval overdue in October).
  auto t2 = w.file("li.na", "2026-10-09T10:00", "virtual-customer", "虚拟客户");
  w.approve("zhang.wei", "2026-10-12T10:00", t2);
  REQUIRE(w.get(t2).to_dept == "market");

  auto session = [&](const std::string& who) { return w.as(who, "2026-11-02T10:00"); };
  auto ids_of = [](const std::vector<Ticket>& ts) {
    std::vector<std::int64_t> out;
    for (const auto& t : ts) out.push_back(t.id);
    return out;
  };
  auto exported = [&](Session& s) {
    std::vector<std::int64_t> out;
    export_tickets(s, {}, [&](const nlohmann::ordered_json& row) {
      REQUIRE(row.contains("id"));
      out.push_back(row["id"].is_string() ? std::stoll(row["id"].get<std::string>()) : row["id"].get<std::int64_t>());
    });
    return out;
  };
  auto report_depts = [](const ReportResult& r) {
    std::set<std::string> out;
    for (const auto& d : r.report.departments) out.insert(d.code);
    return out;
  };
  auto penalty_depts = [](const ReportResult& r) {
    std::set<std::string> out;
    for (const auto& p : r.report.penalties) out.insert(p.department);
    return out;
  };
  const std::vector<std::int64_t> all = {t1, t2}, none = {}, only_t1 = {t1};
  const Date october = D("2026-10-01");

  // The expected view of each person, by hand from SPEC 8.
  struct View {
    const char* who;
    std::vector<std::int64_t> tickets;
    std::set<std::string> report_rows;
    std::set<std::string> penalties;
  };
  const std::vector<View> views = {
      {"xu.lei", none, {"phone"}, {}},                                          // unrelated member: nothing of the tickets
      {"chen.jing", none, {"phone"}, {}},                                       // unrelated lead: the same
      {"li.na", all, {"market"}, {"market"}},                                   // sending department
      {"zhang.wei", all, {"market"}, {"market"}},
      {"wang.qiang", only_t1, {"logistics"}, {"logistics"}},                    // receiving department of t1 only
      {"yang.fan", only_t1, {"logistics"}, {"logistics"}},
      {"lin.xiuying", all, {"market", "logistics", "phone"}, {"market", "logistics"}},  // supervisor: all (office not scored)
      {"gao.feng", all, {"market", "logistics", "phone"}, {"market", "logistics"}},     // admin: all
  };
  int checked = 0;
  for (const auto& view : views) {
    CAPTURE(view.who);
    auto s = session(view.who);
    CHECK(ids_of(list_visible(s, {})) == view.tickets);
    CHECK(exported(s) == view.tickets);
    auto rep = monthly_report(s, october);
    CHECK(report_depts(rep) == view.report_rows);
    CHECK(penalty_depts(rep) == view.penalties);
    for (auto id : {t1, t2}) {
      bool sees = std::find(view.tickets.begin(), view.tickets.end(), id) != view.tickets.end();
      auto k = error_of([&] { visible_ticket(s, id); });
      CHECK(k == (sees ? std::nullopt : std::optional<ErrorKind>(ErrorKind::not_found)));
    }
    ++checked;
  }
  // The filters cannot widen the view: asking an unrelated member for market's tickets gives nothing.
  auto outsider = session("xu.lei");
  TicketFilter f;
  f.dept = "market";
  CHECK(list_visible(outsider, f).empty());
  CHECK(exported(outsider).empty());
  MESSAGE("visibility: " << checked << " people x (list, export, monthly report rows and penalties, show of 2 tickets)");
}
