// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>

#include "admin.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "linkctl-test.XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

Requester admin() { return {{"tester", false}, std::string("gao.feng")}; }

}  // namespace

TEST_CASE("a new database has the latest schema, WAL and foreign keys") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  FixedClock clock(Instant(D("2026-11-16")));
  init_database(dir.file("a.db"), *policy, "mini", clock, admin());
  Store s = Store::open(dir.file("a.db"));
  CHECK(s.schema_version() == Store::latest_schema_version());
  CHECK(s.raw().execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(s.raw().execAndGet("PRAGMA foreign_keys").getInt() == 1);
  auto p = s.current_policy();
  REQUIRE(p);
  CHECK(p->version == 1);
  CHECK(p->applied_by == "gao.feng");
  CHECK(p->sha256 == policy->sha256);
}

TEST_CASE("init refuses to overwrite; open refuses missing, foreign and newer files") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  FixedClock clock(Instant(D("2026-11-16")));
  init_database(dir.file("a.db"), *policy, "mini", clock, admin());
  CHECK_THROWS_AS(init_database(dir.file("a.db"), *policy, "mini", clock, admin()), Error);
  try {
    Store::open(dir.file("missing.db"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::database);
  }
  {
    Store s = Store::open(dir.file("a.db"));
    s.raw().exec("PRAGMA user_version = 99");
  }
  try {
    Store::open(dir.file("a.db"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::database);
    CHECK(std::string(e.what()).find("newer") != std::string::npos);
  }
}

TEST_CASE("policy apply: admins only, one new version and one event; the same text is a no-op") {
  TempDir dir;
  auto v1 = load_ok(kMiniPolicy);
  auto v2 = load_ok(replace(kMiniPolicy, "name = \"测试局\"", "name = \"测试局二\""));
  FixedClock clock(Instant(D("2026-11-16")));
  init_database(dir.file("a.db"), *v1, "mini", clock, admin());
  Store s = Store::open(dir.file("a.db"));
  Requester filer{{"tester", false}, std::string("li.na")};
  try {
    apply_policy(s, *v1, *v2, "v2", clock, filer);
    FAIL("expected a refusal");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::permission);
  }
  CHECK(s.policy_history().size() == 1);
  auto applied = apply_policy(s, *v1, *v2, "v2", clock, admin());
  CHECK(applied.version == 2);
  CHECK(applied.changed);
  auto again = apply_policy(s, *v2, *v2, "v2", clock, admin());
  CHECK_FALSE(again.changed);
  CHECK(s.policy_history().size() == 2);
  auto events = s.events_since(0, 0);
  REQUIRE(events.size() == 2);
  CHECK(events[0].verb == "init");
  CHECK(events[1].verb == "policy.apply");
  CHECK(events[1].policy_version == 2);
  CHECK(s.verify_audit().ok);
}

TEST_CASE("the audit chain detects an edited and a deleted event") {
  auto policy = load_ok(kMiniPolicy);
  Store s = Store::memory();
  s.add_policy_version({0, "2026-11-16T01:00:00Z", "gao.feng", "mini", policy->sha256, policy->text});
  for (int i = 0; i < 4; ++i) {
    EventDraft e;
    e.verb = i == 0 ? "init" : "comment";
    e.actor = "li.na";
    e.at = e.recorded_at = Instant(D("2026-11-16")) + std::chrono::hours(i);
    e.note = "note " + std::to_string(i);
    s.append_event(e, 1);
  }
  CHECK(s.verify_audit().ok);
  CHECK(s.verify_audit().events_checked == 4);
  SUBCASE("edited") {
    s.raw().exec("UPDATE events SET note = 'forged' WHERE id = 3");
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 3);
  }
  SUBCASE("deleted in the middle") {
    s.raw().exec("DELETE FROM events WHERE id = 2");
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 2);
  }
  SUBCASE("rehashed after an edit still breaks the link to the next event") {
    s.raw().exec("UPDATE events SET note = 'forged' WHERE id = 2");
    auto rows = s.events_since(1, 1);
    REQUIRE(rows.size() == 1);
    std::string forged = event_hash(rows[0], rows[0].prev_hash);
    SQLite::Statement st(s.raw(), "UPDATE events SET hash = ? WHERE id = 2");
    st.bind(1, forged);
    st.exec();
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 3);
  }
}
