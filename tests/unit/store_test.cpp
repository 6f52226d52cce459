// SPDX-License-Identifier: MIT
#include "store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

#include "admin.hpp"
#include "default_policy.hpp"
#include "error.hpp"
#include "hash.hpp"
#include "helpers.hpp"
#include "migrations.hpp"
#include "policy_snapshot.hpp"
#include "policy_view.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {}  // namespace

TEST_CASE("a new database has the latest schema, WAL and foreign keys") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  FixedClock clock(Instant(D("2026-11-16")));
  init_database(dir.file("a.db"), *policy, "mini", clock, admin());
  Store s = Store::open(dir.file("a.db"));
  CHECK(s.schema_version() == Store::latest_schema_version());
  auto pragma = [&](const char* sql) {
    auto st = s.connection().prepare(sql);
    REQUIRE(st->step());
    return st->text(0);
  };
  CHECK(pragma("PRAGMA journal_mode") == "wal");
  CHECK(pragma("PRAGMA foreign_keys") == "1");
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
    s.connection().execute("PRAGMA user_version = 99");
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
  Store s = fresh_store();
  auto tx = s.begin_write();
  s.add_policy_version({0, "2026-11-16T01:00:00Z", "gao.feng", "mini", policy->sha256, policy->text, std::nullopt});
  for (int i = 0; i < 4; ++i) {
    EventDraft e;
    e.verb = i == 0 ? "init" : "comment";
    e.actor = "li.na";
    e.at = e.recorded_at = Instant(D("2026-11-16")) + std::chrono::hours(i);
    e.note = "note " + std::to_string(i);
    s.append_event(e, 1);
  }
  tx.commit();
  CHECK(s.verify_audit().ok);
  CHECK(s.verify_audit().events_checked == 4);
  SUBCASE("edited") {
    tamper(s, "UPDATE events SET note = 'forged' WHERE id = 3");
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 3);
  }
  SUBCASE("deleted in the middle") {
    tamper(s, "DELETE FROM events WHERE id = 2");
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 2);
  }
  SUBCASE("rehashed after an edit still breaks the link to the next event") {
    tamper(s, "UPDATE events SET note = 'forged' WHERE id = 2");
    auto rows = s.events_since(1, 1);
    REQUIRE(rows.size() == 1);
    std::string forged = event_hash(rows[0], rows[0].prev_hash);
    tamper(s, "UPDATE events SET hash = '" + forged + "' WHERE id = 2");
    auto r = s.verify_audit();
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 3);
  }
}

TEST_CASE("a database made by schema version 1 is migrated in one transaction, and keeps working") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  std::string path = dir.file("v1.db");
  {
    // What linkctl's first schema version wrote: migration 0001 only, and a policy without a compiled snapshot.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL");
    raw.exec(std::string(sqlite_migrations()[0].sql));
    raw.exec("PRAGMA user_version = 1");
    SQLite::Statement st(
        raw, "INSERT INTO policy_versions (applied_at, applied_by, source, sha256, text) VALUES (?,?,?,?,?)");
    st.bind(1, "2026-01-01T00:00:00Z");
    st.bind(2, "gao.feng");
    st.bind(3, "mini");
    st.bind(4, policy->sha256);
    st.bind(5, policy->text);
    st.exec();
  }
  REQUIRE(Store::latest_schema_version() >= 2);
  Store s = Store::open(path);
  CHECK(s.schema_version() == Store::latest_schema_version());
  auto stored = s.current_policy();
  REQUIRE(stored);
  CHECK_FALSE(stored->compiled);  // applied before the snapshot existed: loaded from its text
  CHECK(load_policy(stored->text, "v1", D("2026-11-22")).ok());
  // New versions get the snapshot, and it loads to the same policy.
  FixedClock clock(Instant(D("2026-11-16")));
  EventDraft init;
  init.verb = "init";
  init.actor = "gao.feng";
  s.append_event(init, 1);
  auto v2 = load_ok(replace(kMiniPolicy, "name = \"测试局\"", "name = \"测试局二\""));
  apply_policy(s, *policy, *v2, "v2", clock, admin());
  auto next = s.current_policy();
  REQUIRE(next->compiled);
  auto loaded = load_compiled_policy(*next->compiled, next->text, next->sha256);
  REQUIRE(loaded);
  CHECK(loaded->organization.name == "测试局二");
  CHECK(compile_policy(*loaded) == *next->compiled);
  CHECK(s.verify_audit().ok);
}

TEST_CASE("the compiled snapshot of the built-in policy loads back to the same policy") {
  auto p = builtin();
  auto compiled = compile_policy(*p);
  auto back = load_compiled_policy(compiled, p->text, p->sha256);
  REQUIRE(back);
  CHECK(compile_policy(*back) == compiled);
  CHECK(back->calendar.holidays == p->calendar.holidays);
  CHECK(back->calendar.workdays == p->calendar.workdays);
  CHECK(back->feedback_rule(*back->category("delivery-late-or-not-to-door")).for_severity(Severity::normal) == 10);
  CHECK(load_compiled_policy("{\"format\": 1}", p->text, p->sha256) == nullptr);  // the JSON of schema v2
  CHECK(load_compiled_policy("not a snapshot", p->text, p->sha256) == nullptr);
  // Damage anywhere is noticed: every truncation, and one changed byte in a count, load nothing.
  for (std::size_t n = 0; n < compiled.size(); n += 7)
    CHECK(load_compiled_policy(std::string_view(compiled).substr(0, n), p->text, p->sha256) == nullptr);
  CHECK(load_compiled_policy(compiled + "1 ", p->text, p->sha256) == nullptr);
}

TEST_CASE("a new ticket's digest from memory equals the one read back from the store") {
  World w;
  auto id = w.file("li.na", "2026-10-03T10:00", "delivery-late", "标题 \"引号\"");
  Ticket t = w.get(id);
  CHECK(Store::digest_of_new(t) == w.store.ticket_digest(id));
  auto events = w.store.ticket_events(id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].ticket_digest == w.store.ticket_digest(id));
}

TEST_CASE("sha256_hex gives the FIPS 180-2 test vectors") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

namespace {

// Files `count` tickets of several kinds (an approval chain's among them) as gao.feng's import
// would: through a batch of `rows` rows, or else one insert_ticket and append_event at a time.
void file_many(World& w, int count, std::optional<std::size_t> rows) {
  StoppedClock clock(*parse_utc_instant("2026-10-13T01:00:00Z"));
  Session s{w.store, *w.policy, 1, clock, Actor{w.policy->person("gao.feng"), std::nullopt}};
  auto m = s.moment();
  const std::pair<const char*, const char*> kinds[] = {
      {"li.na", "delivery-late"}, {"yang.fan", "virtual-customer"}, {"li.na", "purchase"}, {"li.na", "shop-moved"}};
  auto tx = w.store.begin_write();
  Anchor head = w.store.head();
  std::optional<Store::Batch> batch;
  if (rows) batch.emplace(w.store, head, 1, *rows);
  for (int i = 0; i < count; ++i) {
    const auto& [filer, category] = kinds[i % 4];
    FileRequest r;
    r.category = category;
    r.title = fmt::format("第{}件 \"引号\" \\ 反斜杠", i);
    if (i % 3 == 0) r.ref = fmt::format("R{}", i);
    if (i % 5 == 0) r.body = "两行\r\n说明\t制表 \\N";  // what COPY's text format escapes
    Outcome o = file_ticket(*w.policy, Actor{w.policy->person(filer), std::nullopt}, m, r);
    if (batch)
      batch->insert_ticket(o.after);
    else
      w.store.insert_ticket(o.after);
    o.event.ticket_id = o.after.id;
    o.event.ticket_digest = Store::digest_of_new(o.after);
    if (batch)
      batch->append_event(o.event);
    else
      w.store.append_event(o.event, 1, head);
  }
  if (batch) batch->flush();
  tx.commit();
}

}  // namespace

TEST_CASE("a batch writes the rows and events insert_ticket and append_event write, ids and chain included") {
  // The engine under test (PostgreSQL under tests/pg/unit.sh) in batches of 7 (multi-row
  // statements even on SQLite), against an in-memory SQLite file written a row at a time.
  World batched(kChainPolicy);
  World single(kChainPolicy, World::InMemory{});
  file_many(batched, 40, 7);
  file_many(single, 40, std::nullopt);
  CHECK(batched.store.head().event == 41);
  CHECK(batched.store.head().hash == single.store.head().hash);
  auto audit = batched.store.verify_audit();
  CHECK_MESSAGE(audit.ok, audit.problem);
  CHECK(audit.tickets_checked == 40);
  for (std::int64_t id = 1; id <= 40; ++id) {
    CHECK(batched.store.ticket_digest(id) == single.store.ticket_digest(id));
    CHECK(batched.store.ticket_stages(id).size() == single.store.ticket_stages(id).size());
  }
  CHECK(batched.get(3).chain.has_value());
  // The ids handed out afterwards follow the batch's (PostgreSQL: the sequences were moved on).
  auto next = batched.file("li.na", "2026-10-14", "delivery-late");
  CHECK(next == 41);
  CHECK(batched.get(next).approval->id == single.get(single.file("li.na", "2026-10-14", "delivery-late")).approval->id);
}

TEST_CASE("a batch rolled back hands its ids out again") {
  World w(kChainPolicy);
  {
    auto tx = w.store.begin_write();
    Anchor head = w.store.head();
    Store::Batch batch(w.store, head, 1, 3);
    StoppedClock clock(*parse_utc_instant("2026-10-13T01:00:00Z"));
    Session s{w.store, *w.policy, 1, clock, Actor{w.policy->person("li.na"), std::nullopt}};
    for (int i = 0; i < 5; ++i) {  // a batch written, one queued
      FileRequest r;
      r.category = "delivery-late";
      r.title = "作废";
      Outcome o = file_ticket(*w.policy, s.actor, s.moment(), r);
      batch.insert_ticket(o.after);
      o.event.ticket_id = o.after.id;
      o.event.ticket_digest = Store::digest_of_new(o.after);
      batch.append_event(o.event);
    }
    batch.rewind_ids();
  }  // rolled back
  CHECK(w.store.head().event == 1);
  auto id = w.file("li.na", "2026-10-14", "delivery-late");
  CHECK(id == 1);
  CHECK(w.get(id).approval->id == 1);
}
