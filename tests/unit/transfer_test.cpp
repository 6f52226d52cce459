// SPDX-License-Identifier: MIT
// import: all rows or none, errors with their line, refs idempotent; export rows.
#include "transfer.hpp"

#include <doctest/doctest.h>

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
  CHECK(r.ids == std::vector<std::int64_t>{1, 2});
  CHECK(r.skipped == 0);
  CHECK(w.get(1).filed_at == *parse_utc_instant("2026-10-03T02:00:00Z"));
  CHECK(w.get(1).approval->due == D("2026-10-08"));  // filed on the holiday Saturday: due the next working day
  CHECK(w.store.ticket_events(2).size() == 1);
  auto again = import_csv(s, csv, "t.csv");
  CHECK(again.ids.empty());
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
