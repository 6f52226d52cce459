// SPDX-License-Identifier: MIT
// import: all rows or none, errors with their line, refs idempotent; export rows.
#include "transfer.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "error.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

std::size_t ticket_count(World& w) { return w.store.list_tickets({}).size(); }

std::string import_error(World& w, const std::string& csv) {
  auto s = w.as("gao.feng", "2026-10-13");
  try {
    import_csv(s, csv, "t.csv");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.what();
  }
  FAIL("expected an error");
  return "";
}

}  // namespace

TEST_CASE("import files every row, each with its own event, and skips refs already filed with the same content") {
  World w;
  auto s = w.as("gao.feng", "2026-10-13");
  std::string csv =
      "filer,category,title,ref,filed_at\n"
      "li.na,delivery-late,一,R1,2026-10-03T10:00\n"
      "yang.fan,shop-moved,二,R2,\n";
  auto r = import_csv(s, csv, "t.csv");
  CHECK(r.ids == IdRuns{{1, 2}});
  CHECK(r.filed == 2);
  CHECK(r.skipped == 0);
  CHECK(w.get(1).filed_at == *parse_utc_instant("2026-10-03T02:00:00Z"));
  CHECK(w.get(1).approval->due == D("2026-10-08"));  // filed on the holiday Saturday: due the next working day
  CHECK(w.store.ticket_events(2).size() == 1);
  auto again = import_csv(s, csv, "t.csv");
  CHECK(again.ids.empty());
  CHECK(again.filed == 0);
  CHECK(again.skipped == 2);
  CHECK(ticket_count(w) == 2);
}

TEST_CASE("one bad row refuses the whole file, naming its line") {
  World w;
  std::string head = "filer,category,title\n";
  CHECK(import_error(w, head + "li.na,delivery-late,好\nnobody,delivery-late,坏\n") ==
        "t.csv:3: filer 'nobody' is not a person in the policy");
  CHECK(
      import_error(w, head + "li.na,delivery-late,好\nli.na,no-such,坏\n").rfind("t.csv:3: no category 'no-such'", 0) ==
      0);
  CHECK(
      import_error(w, "filer,title\nli.na,x\n").rfind("t.csv:1: the header lacks the required column 'category'", 0) ==
      0);
  CHECK(import_error(w, "filer,category,title,ref\nli.na,delivery-late,a,X\nli.na,delivery-late,b,X\n") ==
        "t.csv:3: ref 'X' is used again (first on line 2)");
  CHECK(
      import_error(
          w, "filer,category,title,ref\nli.na,delivery-late,a,X\nli.na,delivery-late,b,Y\nli.na,delivery-late,c,X\n") ==
      "t.csv:4: ref 'X' is used again (first on line 2)");
  CHECK(import_error(w, "filer,category,title,filed_at\nli.na,delivery-late,a,0000-06-01T09:00\n")
            .rfind("t.csv:2: filed_at", 0) == 0);
  CHECK(ticket_count(w) == 0);
}

TEST_CASE("only admins import") {
  World w;
  auto s = w.as("li.na", "2026-10-13");
  CHECK_THROWS_AS(import_csv(s, "filer,category,title\nli.na,delivery-late,好\n", "t.csv"), Error);
  CHECK(ticket_count(w) == 0);
}

TEST_CASE("export rows hold the import columns, state and due dates, for the tickets the actor sees") {
  World w;
  auto id = w.file("li.na", "2026-10-12", "delivery-late", "送货");
  w.file("yang.fan", "2026-10-12", "shop-moved", "搬迁");  // logistics to market
  w.approve("zhang.wei", "2026-10-12", id);
  auto s = w.as("wang.qiang", "2026-10-13");
  std::vector<nlohmann::ordered_json> rows;
  export_tickets(s, {}, [&](const nlohmann::ordered_json& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 2);  // both concern logistics
  std::vector<std::string> keys;
  for (const auto& item : rows[0].items()) keys.push_back(item.key());
  CHECK(keys == kExportColumns);
  CHECK(rows[0]["state"] == "routed");
  CHECK(rows[0]["feedback_due"] == "2026-10-26");  // delivery-late: 10 working days from 10-12
  auto s2 = w.as("zhang.wei", "2026-10-13");
  rows.clear();
  export_tickets(s2, {}, [&](const nlohmann::ordered_json& r) { rows.push_back(r); });
  CHECK(rows.size() == 2);  // market sent one and receives the other
}

namespace {

// Every column of every ticket, stage and event, as stored.
std::vector<std::string> stored(World& w) {
  std::vector<std::string> out;
  auto s = w.as("gao.feng", "2026-10-13");
  export_tickets(s, {}, [&](const nlohmann::ordered_json& r) { out.push_back(r.dump()); });
  for (const auto& t : w.store.list_tickets({})) out.push_back(w.store.ticket_digest(t.id));
  for (const auto& e : w.store.events_since(0, 0))
    out.push_back(fmt::format("{} {} {} {} {} {} {} {}", e.id, e.ticket_id.value_or(0), e.verb, e.changes_json,
                              e.note.value_or(""), e.ticket_digest.value_or(""), e.prev_hash, e.hash));
  return out;
}

}  // namespace

TEST_CASE("a streamed import stores what filing its rows one at a time stores: tickets, events, chain head") {
  std::string csv = "filer,category,title,body,severity,to,ref,filed_at\n";
  for (int i = 0; i < 60; ++i)
    csv += fmt::format("{},{},\"标题 {}, 第{}行\",{},{},{},{},{}\n", i % 3 ? "li.na" : "yang.fan",
                       i % 3 ? "delivery-late" : "shop-moved", i, i, i % 4 ? "" : "\"两\n行\"", i % 5 ? "" : "major",
                       i % 7 ? "" : "market", i % 2 ? fmt::format("R{}", i) : "",
                       i % 6 ? "" : fmt::format("2026-10-{:02}T0{}:30", 1 + i % 12, i % 10));
  // Streamed, in pieces of 5 bytes, so records straddle reads.
  World streamed;
  auto s = streamed.as("gao.feng", "2026-10-13");
  std::size_t at = 0;
  CsvReader reader(
      [&](char* out, std::size_t size) {
        std::size_t n = std::min({std::size_t{5}, size, csv.size() - at});
        std::copy_n(csv.data() + at, n, out);
        at += n;
        return n;
      },
      "t.csv", 16);
  auto r = import_csv(s, reader);
  CHECK(r.filed == 60);
  // One at a time, as `file` writes a ticket: the chain's head and the ticket's digest
  // read back from the store for each event.
  World by_row;
  auto s2 = by_row.as("gao.feng", "2026-10-13");
  auto m = s2.moment();
  auto records = parse_csv(csv, "t.csv");
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    auto opt = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional<std::string>(v); };
    FileRequest req;
    req.category = f[1];
    req.title = f[2];
    req.body = f[3];
    if (!f[4].empty()) req.severity = parse_severity(f[4]);
    req.to = opt(f[5]);
    req.ref = opt(f[6]);
    if (!f[7].empty()) req.filed_at = s2.policy.organization.timezone.parse_iso(f[7]);
    const Person* filer = s2.policy.person(f[0]);
    auto tx = s2.store.begin_write();
    Outcome o = file_ticket(s2.policy, Actor{filer, std::nullopt}, m, req);
    if (req.ref) o.after.ref_digest = filing_digest(filer->id, req);
    o.event.verb = "import";
    o.event.actor = "gao.feng";
    o.event.changes["filer"] = filer->id;
    o.event.note = fmt::format("t.csv:{}", records[i].line);
    s2.store.insert_ticket(o.after);
    o.event.ticket_id = o.after.id;
    s2.store.append_event(o.event, s2.policy_version);
    tx.commit();
  }
  CHECK(streamed.store.head().hash == by_row.store.head().hash);
  CHECK(stored(streamed) == stored(by_row));
  CHECK(streamed.store.verify_audit({}).ok);
}

namespace {

// A file of `rows` tickets of several filers and categories, every third with a ref.
std::string many_rows(int rows) {
  std::string csv = "filer,category,title,body,ref\n";
  const char* kinds[] = {"li.na,delivery-late", "yang.fan,virtual-customer", "li.na,shop-moved"};
  for (int i = 0; i < rows; ++i)
    csv += fmt::format("{},第{}件,\"说明, 含逗号\",{}\n", kinds[i % 3], i, i % 3 == 0 ? fmt::format("R{}", i) : "");
  return csv;
}

ImportResult import_stopped(World& w, const std::string& csv) {
  StoppedClock clock(*parse_utc_instant("2026-10-13T01:00:00Z"));
  Session s{w.store, *w.policy, 1, clock, Actor{w.policy->person("gao.feng"), std::nullopt}};
  return import_csv(s, csv, "t.csv");
}

}  // namespace

TEST_CASE("a large import writes the same tickets, events and chain head on every engine") {
  // The engine under test (PostgreSQL under tests/pg/unit.sh: three batches) against SQLite.
  World w;
  World sqlite(kMiniPolicy, World::InMemory{});
  std::string csv = many_rows(2500);
  auto r = import_stopped(w, csv);
  CHECK(r.ids == IdRuns{{1, 2500}});
  CHECK(import_stopped(sqlite, csv).ids == IdRuns{{1, 2500}});
  auto audit = w.store.verify_audit();
  CHECK_MESSAGE(audit.ok, audit.problem);
  CHECK(audit.events_checked == 2501);
  CHECK(audit.head_hash == sqlite.store.head().hash);
  for (std::int64_t id : {1, 999, 1000, 1001, 2001, 2500})
    CHECK(w.store.ticket_digest(id) == sqlite.store.ticket_digest(id));
  CHECK(w.get(2500).title == "第2499件");
  // Importing it again skips every ref and refuses nothing else... the rows without a ref are new.
  auto again = import_stopped(w, csv);
  CHECK(again.skipped == 834);
  CHECK(again.ids == IdRuns{{2501, 4166}});
}

TEST_CASE("a bad row after thousands refuses the whole file, and the ids are handed out again") {
  World w;
  std::string csv = many_rows(1600) + "nobody,delivery-late,坏,,\n";
  CHECK(import_error(w, csv) == "t.csv:1602: filer 'nobody' is not a person in the policy");
  // A ref used again more than a batch later is still named with its first line.
  CHECK(import_error(w, many_rows(1600) + "li.na,delivery-late,重复,,R3\n") ==
        "t.csv:1602: ref 'R3' is used again (first on line 5)");
  CHECK(ticket_count(w) == 0);
  CHECK(w.store.head().event == 1);
  auto r = import_stopped(w, many_rows(2));
  CHECK(r.ids == IdRuns{{1, 2}});
  CHECK(w.get(1).approval->id == 1);
}
