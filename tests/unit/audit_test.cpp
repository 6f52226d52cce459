// SPDX-License-Identifier: MIT
// The audit chain's coverage of the other tables (lib/audit), the policy in force
// checked on load, anchors, and the store's recognition of its own files.
#include "audit.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "admin.hpp"
#include "deadlines.hpp"
#include "error.hpp"
#include "hash.hpp"
#include "helpers.hpp"
#include "overdue.hpp"
#include "policy_snapshot.hpp"
#include "reports.hpp"
#include "spotchecks.hpp"
#include "text.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

// A world with a done ticket, a spot check of it, an announced lapse and a frozen September.
struct Busy : World {
  std::int64_t done = 0, late = 0;
  Busy() {
    done = file("li.na", "2026-09-14", "delivery-late");
    approve("zhang.wei", "2026-09-14", done);
    assign("wang.qiang", "2026-09-15", done, "yang.fan");
    act("yang.fan", "2026-09-16", done,
        [](auto& p, auto& a, auto& m, auto& t) { return linkctl::close(p, a, m, t, "已送"); });
    act("wang.qiang", "2026-09-16", done,
        [](auto& p, auto& a, auto& m, auto& t) { return linkctl::confirm(p, a, m, t, std::nullopt); });
    act("zhang.wei", "2026-09-17", done,
        [](auto& p, auto& a, auto& m, auto& t) { return linkctl::rate(p, a, m, t, Rating::satisfied, std::nullopt); });
    late = file("li.na", "2026-09-14", "delivery-late");
    approve("zhang.wei", "2026-09-14", late);
    auto s = as("lin.xiuying", "2026-09-18");
    record_spotcheck(s, done, false, std::nullopt);
    auto s2 = as("lin.xiuying", "2026-10-20");
    REQUIRE(announce_new_lapses(s2, {}).size() == 1);
    freeze_month(s2, D("2026-09-01"));
  }
  std::string audit() {
    auto r = audit_database(store, {});
    return r.ok ? "ok" : r.problem;
  }
};

}  // namespace

TEST_CASE("anchors are N:HASH with 64 lower-case hex digits") {
  std::string h(64, 'a');
  auto a = parse_anchor("15:" + h);
  REQUIRE(a);
  CHECK(a->event == 15);
  CHECK(format_anchor(*a) == "15:" + h);
  for (std::string bad :
       {std::string("15"), ":" + h, "0:" + h, "x:" + h, "15:" + h.substr(1), "15:" + std::string(64, 'A'), "-1:" + h})
    CHECK_FALSE(parse_anchor(bad));
}

TEST_CASE("audit verify: every row of the other tables agrees with its event") {
  Busy w;
  REQUIRE(w.audit() == "ok");
  auto raw = [&](const std::string& sql) { tamper(w.store, sql); };
  SUBCASE("a frozen report rewritten") {
    raw("UPDATE frozen_reports SET report = replace(report, '\"score\":98', '\"score\":100')");
    CHECK(w.audit().find("the frozen report of 2026-09 differs") != std::string::npos);
  }
  SUBCASE("a frozen report removed") {
    raw("DELETE FROM frozen_reports");
    CHECK(w.audit().find("froze the report of 2026-09, which is missing") != std::string::npos);
  }
  SUBCASE("a spot check's finding flipped") {
    raw("UPDATE spotchecks SET finding = 'fake'");
    CHECK(w.audit().find("(the finding)") != std::string::npos);
  }
  SUBCASE("a spot check moved to another month") {
    raw("UPDATE spotchecks SET on_date = '2026-10-01'");
    CHECK(w.audit().find("(the date it counts in)") != std::string::npos);
  }
  SUBCASE("a spot check inserted") {
    raw("INSERT INTO spotchecks (ticket_id, finding, dept, at, on_date, by_person) SELECT ticket_id, 'fake', dept, at, "
        "on_date, by_person FROM spotchecks");
    CHECK(w.audit().find("was recorded by no event") != std::string::npos);
  }
  SUBCASE("an announced lapse removed") {
    raw("DELETE FROM announced_lapses");
    CHECK(w.audit().find("which is not stored") != std::string::npos);
  }
  SUBCASE("an announced lapse given to someone else") {
    raw("UPDATE announced_lapses SET recipient = 'zhang.wei'");
    CHECK(w.audit() != "ok");
  }
  SUBCASE("an announced lapse moved to another stage of the ticket") {
    raw("UPDATE announced_lapses SET stage_id = (SELECT id FROM stages WHERE ticket_id = 2 AND kind = 'approval')");
    CHECK(w.audit() != "ok");
  }
  SUBCASE("a policy version's applied_by edited") {
    raw("UPDATE policy_versions SET applied_by = 'lin.xiuying'");
    CHECK(w.audit().find("policy v1's applied_by is not what event 1 applied") != std::string::npos);
  }
}

TEST_CASE("audit verify --expect-head: an anchor from elsewhere catches a rewritten chain") {
  Busy w;
  auto head = w.store.head();
  CHECK(audit_database(w.store, {head}).ok);
  CHECK(audit_database(w.store, {{3, *w.store.event_hash_of(3)}}).ok);
  auto r = audit_database(w.store, {{3, std::string(64, '0')}});
  CHECK_FALSE(r.ok);
  CHECK(r.first_bad_event == 3);
  r = audit_database(w.store, {{head.event + 5, head.hash}});
  CHECK_FALSE(r.ok);
  CHECK(r.problem.find("the chain ends at event") != std::string::npos);
}

TEST_CASE("the policy in force is checked against the event that applied it") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  FixedClock clock(Instant(D("2026-11-16")));
  init_database(dir.file("a.db"), *policy, "mini", clock, admin());
  Store s = Store::open(dir.file("a.db"));
  auto in_force = policy_in_force(s);
  CHECK(in_force.sealed);
  CHECK(in_force.version == 1);
  CHECK(in_force.policy->sha256 == policy->sha256);
  CHECK(audit_database(s, {}).ok);
  auto other = load_ok(replace(kMiniPolicy, "allow_clock_override = true", "allow_clock_override = false"));
  SUBCASE("its snapshot replaced") {
    auto& st = s.connection().prepared(std::string("UPDATE policy_versions SET compiled = ?"));
    st.bind(1, compile_policy(*other));
    st.exec();
    CHECK_THROWS_AS(policy_in_force(s), Error);
  }
  SUBCASE("its text replaced, with its SHA-256") {
    auto& st = s.connection().prepared(std::string("UPDATE policy_versions SET text = ?, sha256 = ?, compiled = NULL"));
    st.bind(1, other->text);
    st.bind(2, other->sha256);
    st.exec();
    CHECK_THROWS_AS(policy_in_force(s), Error);
  }
  SUBCASE("its applying event edited to seal another snapshot: the chain shows it") {
    // The load checks the snapshot against the event; the event itself is audit verify's to check.
    auto forged = compile_policy(*other);
    auto& st = s.connection().prepared(std::string("UPDATE policy_versions SET compiled = ?"));
    st.bind(1, forged);
    st.exec();
    auto& ev = s.connection().prepared(
        std::string("UPDATE events SET changes = json_set(changes, '$.compiled_sha256', ?) WHERE id = 1"));
    ev.bind(1, sha256_hex(forged));
    ev.exec();
    CHECK(policy_in_force(s).policy->organization.allow_clock_override == false);
    auto r = audit_database(s, {});
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad_event == 1);
  }
  SUBCASE("a newer version removed (rolled back)") {
    auto v2 = load_ok(replace(kMiniPolicy, "name = \"测试局\"", "name = \"测试局二\""));
    apply_policy(s, *policy, *v2, "v2", clock, admin());
    CHECK(policy_in_force(s).version == 2);
    tamper(s, "DELETE FROM policy_versions WHERE version = 2");
    CHECK_THROWS_AS(policy_in_force(s), Error);
  }
  SUBCASE("the same text applied again changes nothing once sealed") {
    auto again = apply_policy(s, *policy, *policy, "mini", clock, admin());
    CHECK_FALSE(again.changed);
    CHECK(again.version == 1);
  }
}

TEST_CASE("a version applied before 0.2 loads from its checked text, and applying it again seals it") {
  World w;  // its init event records the text's SHA-256 but no snapshot, as release 0.1 wrote it
  auto before = policy_in_force(w.store);
  CHECK_FALSE(before.sealed);
  CHECK(before.version == 1);
  FixedClock clock(Instant(D("2026-11-16")));
  auto again = apply_policy(w.store, *w.policy, *w.policy, "resealed", clock, admin());
  CHECK(again.changed);
  CHECK(again.version == 2);
  CHECK(policy_in_force(w.store).sealed);
  CHECK(audit_database(w.store, {}).ok);
  tamper(w.store, "UPDATE policy_versions SET text = text || ' ' WHERE version = 1");
  CHECK(audit_database(w.store, {}).problem.find("policy v1's text does not match its SHA-256") != std::string::npos);
}

TEST_CASE("a frozen report that is not the one its event froze is refused") {
  Busy w;
  auto s = w.as("lin.xiuying", "2026-10-21");
  CHECK(monthly_report(s, D("2026-09-01")).frozen);
  tamper(w.store, "UPDATE frozen_reports SET report = replace(report, '\"score\":98', '\"score\":100')");
  CHECK_THROWS_AS(monthly_report(s, D("2026-09-01")), Error);
}

TEST_CASE("open refuses files that are not linkctl's, without changing them") {
  TempDir dir;
  auto make = [&](const char* name, const std::string& sql) {
    SQLite::Database raw(dir.file(name), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(sql);
  };
  make("negative.db", "CREATE TABLE t (x); PRAGMA user_version = -5");
  make("foreign.db", "CREATE TABLE notes (x); PRAGMA user_version = 2");
  make("other-app.db", "CREATE TABLE t (x); PRAGMA application_id = 7; PRAGMA user_version = 4");
  for (const char* name : {"negative.db", "foreign.db", "other-app.db"}) {
    CAPTURE(name);
    auto before = std::filesystem::file_size(dir.file(name));
    try {
      Store::open(dir.file(name));
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::database);
      CHECK(std::string(e.what()).find("is not a linkctl database") != std::string::npos);
    }
    CHECK(std::filesystem::file_size(dir.file(name)) == before);
    CHECK_FALSE(std::filesystem::exists(dir.file(name) + std::string("-wal")));
  }
}

TEST_CASE("init builds the database beside its path and leaves nothing when it fails") {
  TempDir dir;
  auto policy = load_ok(kMiniPolicy);
  FixedClock clock(Instant(D("2026-11-16")));
  CHECK_THROWS_AS(Store::create(dir.file("x.db"), [](Store&) { throw Error(ErrorKind::internal, "interrupted"); }),
                  Error);
  CHECK(std::filesystem::is_empty(dir.path));
  init_database(dir.file("x.db"), *policy, "mini", clock, admin());
  CHECK(std::filesystem::exists(dir.file("x.db")));
  CHECK_THROWS_AS(init_database(dir.file("x.db"), *policy, "mini", clock, admin()), Error);
  Requester setgid_user{{"tester", false, true}, std::string("gao.feng")};
  CHECK_THROWS_AS(init_database(dir.file("y.db"), *policy, "mini", clock, setgid_user), Error);
  CHECK_FALSE(std::filesystem::exists(dir.file("y.db")));
}

TEST_CASE("dates are four-digit years: 0001-01-01 to 9999-12-31") {
  CHECK(parse_date("0001-01-01"));
  CHECK(parse_date("9999-12-31"));
  CHECK_FALSE(parse_date("0000-12-31"));
  TimeZone shanghai = *TimeZone::find("Asia/Shanghai");
  CHECK_FALSE(shanghai.parse_iso("0001-01-01T00:00"));  // 0000-12-31 in UTC
  CHECK(shanghai.parse_iso("0001-01-01T09:00"));
  CHECK_FALSE(TimeZone::find("UTC-05:00")->parse_iso("9999-12-31T23:00"));  // 10000-01-01 in UTC
  WorkCalendar cal;
  CHECK(working_days_after(cal, D("9999-12-30"), 1).due == D("9999-12-31"));
  CHECK_THROWS_AS(working_days_after(cal, D("9999-12-31"), 5), Error);
  CHECK_THROWS_AS(calendar_days_after(cal, D("9999-12-31"), 1), Error);
  CHECK(calendar_days_after(cal, D("9999-12-29"), 2).due == D("9999-12-31"));
}

TEST_CASE("C1 control characters are refused like C0 ones, and escaped in messages") {
  CHECK(find_control("a\xc2\x9b"
                     "31m",
                     false) == "control character U+009B");
  CHECK(find_control("\x1b[31m", false) == "control character 0x1b");
  CHECK_FALSE(find_control("中文 ½ ©", false));  // U+00BD, U+00A9: C2 BD, C2 A9 are fine
  CHECK_FALSE(find_control("a\nb", true));
  CHECK_THROWS_AS(check_text("the title", "x\xc2\x85y", 100, true, true), Error);  // NEL
  CHECK(printable("a\xc2\x9b"
                  "b") == "a\\xc2\\x9bb");
  auto load =
      load_policy(replace(kMiniPolicy, "name = \"测试局\"", "name = \"测试\\u009b局\""), "p.toml", D("2026-11-01"));
  CHECK_FALSE(load.ok());
}

TEST_CASE("a department dropped from the policy still shows its penalties in the summary") {
  World w;
  auto id = w.file("li.na", "2026-09-14", "delivery-late");
  w.approve("zhang.wei", "2026-09-14", id);  // feedback due 09-28, never answered
  std::string renamed = kMiniPolicy;
  for (auto at = renamed.find("\"logistics\""); at != std::string::npos; at = renamed.find("\"logistics\"", at))
    renamed.replace(at, 11, "\"logistics2\"");
  auto without = load_ok(renamed);
  MonthFacts facts;
  for (const auto& s : w.store.ticket_stages(id)) facts.stages.push_back({id, s, "market", ""});
  auto r = score_month(*without, D("2026-09-01"), D("2026-10-20"), Instant(D("2026-10-20")), facts);
  bool listed = false;
  for (const auto& d : r.departments) listed |= d.code == "logistics" && d.score == 98;
  CHECK(listed);
}
