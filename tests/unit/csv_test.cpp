// SPDX-License-Identifier: MIT
// RFC 4180 reading (import) and writing (export).
#include "csv.hpp"

#include <doctest/doctest.h>

#include "error.hpp"

using namespace linkctl;

TEST_CASE("quoted fields with commas, doubled quotes and line breaks; CRLF or LF; each record's line") {
  auto r = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n", "t.csv");
  REQUIRE(r.size() == 3);
  CHECK(r[0].line == 1);
  CHECK(r[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(r[1].line == 2);
  CHECK(r[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(r[2].line == 4);  // the quoted line break moved it down one
  CHECK(r[2].fields == std::vector<std::string>{"last", "", ""});
}

TEST_CASE("a byte-order mark is dropped and blank lines are skipped") {
  auto r = parse_csv(
      "\xEF\xBB\xBF"
      "filer,title\n\nli.na,好\n",
      "t.csv");
  REQUIRE(r.size() == 2);
  CHECK(r[0].fields[0] == "filer");
  CHECK(r[1].line == 3);
}

TEST_CASE("a quote never closed is refused with the line it opened on") {
  try {
    parse_csv("a,b\nx,\"open\nstill\n", "bad.csv");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    CHECK(std::string(e.what()).rfind("bad.csv:2: a quoted field is never closed", 0) == 0);
  }
}

TEST_CASE("a field is quoted only when it must be") {
  CHECK(csv_field("plain 中文") == "plain 中文");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}
