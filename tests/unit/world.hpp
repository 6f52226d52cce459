// SPDX-License-Identifier: MIT
#pragma once
#include <doctest/doctest.h>

#include "admin.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "workflow.hpp"

namespace linkctl::test {

/// A clock stopped for good, its wall time too: events, and so the chain's head, repeat exactly.
class StoppedClock final : public Clock {
 public:
  explicit StoppedClock(Instant at) : at_(at) {}
  Instant now() const override { return at_; }
  Instant wall() const override { return at_; }
  bool overridden() const override { return true; }

 private:
  Instant at_;
};

/// A new database (see fresh_store) under a policy, and sessions for any person at any local time.
struct World {
  std::shared_ptr<const Policy> policy;
  Store store;
  std::unique_ptr<FixedClock> clock;

  /// An in-memory world whatever the engine under test: for tests of the rules alone that need
  /// hundreds of fresh worlds (the permission matrix: 5 minutes of schema rebuilds on PostgreSQL).
  struct InMemory {};

  explicit World(const std::string& text = kMiniPolicy) : World(text, fresh_store()) {}
  World(const std::string& text, InMemory) : World(text, Store::memory()) {}

  World(const std::string& text, Store s) : policy(load_ok(text)), store(std::move(s)) {
    auto tx = store.begin_write();
    store.add_policy_version(
        {0, "2026-01-01T00:00:00Z", "gao.feng", "test", policy->sha256, policy->text, std::nullopt});
    // Every policy version has its event, as init_database writes it, or audit verify objects.
    EventDraft init;
    init.verb = "init";
    init.actor = "gao.feng";
    init.at = init.recorded_at = *parse_utc_instant("2026-01-01T00:00:00Z");
    init.note = "test";
    init.changes["policy_version"] = {nullptr, 1};
    init.changes["sha256"] = policy->sha256;
    store.append_event(init, 1);
    tx.commit();
  }

  /// A session for `who` at local time `when` ("2026-09-29" means 09:00; or "2026-09-29T17:30").
  Session as(const std::string& who, const std::string& when) {
    auto at = policy->organization.timezone.parse_iso(when);
    REQUIRE_MESSAGE(at, "bad time " << when);
    clock = std::make_unique<FixedClock>(*at);
    const Person* p = policy->person(who);
    REQUIRE_MESSAGE(p, "no person " << who);
    return Session{store, *policy, 1, *clock, Actor{p, std::nullopt}};
  }

  std::int64_t file(const std::string& who, const std::string& when, const std::string& category,
                    const std::string& title = "一个问题") {
    auto s = as(who, when);
    FileRequest r;
    r.category = category;
    r.title = title;
    return linkctl::file(s, r).ticket.id;
  }

  /// Runs a lifecycle verb: fn(policy, actor, moment, ticket) -> Outcome.
  template <typename Fn>
  Ticket act(const std::string& who, const std::string& when, std::int64_t id, Fn fn) {
    auto s = as(who, when);
    auto m = s.moment();
    return linkctl::act(s, id, [&](const Ticket& t, const Moment&) { return fn(s.policy, s.actor, m, t); }).ticket;
  }

  Ticket approve(const std::string& who, const std::string& when, std::int64_t id, ApproveRequest r = {}) {
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::approve(p, a, m, t, r); });
  }
  Ticket reject(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::reject(p, a, m, t, "重复"); });
  }
  Ticket assign(const std::string& who, const std::string& when, std::int64_t id, const std::string& handler,
                std::optional<std::string> reason = std::nullopt) {
    RouteRequest r{handler, std::nullopt, reason};
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::route(p, a, m, t, r); });
  }
  Ticket forward(const std::string& who, const std::string& when, std::int64_t id, const std::string& dept) {
    RouteRequest r{std::nullopt, dept, std::string("送错部门")};
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::route(p, a, m, t, r); });
  }
  Ticket close(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::close(p, a, m, t, "已处理"); });
  }
  Ticket confirm(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id,
               [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::confirm(p, a, m, t, std::nullopt); });
  }
  Ticket explain(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id,
               [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::explain(p, a, m, t, "客户外出"); });
  }
  Ticket rate(const std::string& who, const std::string& when, std::int64_t id, Rating rating) {
    return act(who, when, id,
               [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::rate(p, a, m, t, rating, std::nullopt); });
  }
  Ticket reset(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id,
               [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::reset(p, a, m, t, "处理不合理"); });
  }
  Ticket escalate(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id,
               [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::escalate(p, a, m, t, std::nullopt); });
  }
  Ticket comment(const std::string& who, const std::string& when, std::int64_t id) {
    return act(who, when, id, [&](auto& p, auto& a, auto& m, auto& t) { return linkctl::comment(p, a, m, t, "备注"); });
  }

  Ticket get(std::int64_t id) {
    auto t = store.load_ticket(id);
    REQUIRE(t);
    return *t;
  }
};

/// The administrator of the test policies, as the OS user "tester".
inline Requester admin() { return {{"tester", false}, std::string("gao.feng")}; }

/// The kind of Error thrown by `fn`, or nullopt when it succeeds.
template <typename Fn>
std::optional<ErrorKind> error_of(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.kind();
  }
  return std::nullopt;
}

}  // namespace linkctl::test
