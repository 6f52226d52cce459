// SPDX-License-Identifier: MIT
// RFC 4180 reading (import) and writing (export).
#include "csv.hpp"

#include <doctest/doctest.h>

#include <algorithm>

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

namespace {
// Every record a CsvReader gives over `text` fed `piece` bytes at a time.
std::vector<CsvRecord> read_in_pieces(std::string_view text, std::size_t piece, std::size_t buffer) {
  std::size_t at = 0;
  CsvReader reader(
      [&](char* out, std::size_t size) {
        std::size_t n = std::min({piece, size, text.size() - at});
        std::copy_n(text.data() + at, n, out);
        at += n;
        return n;
      },
      "t.csv", buffer);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (reader.next(rec)) out.push_back(rec);
  return out;
}
}  // namespace

TEST_CASE("read in pieces, records are the same as read whole, however the pieces cut them") {
  const std::string text =
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\r\n\"\"\"\",q,\"\"\n";
  auto whole = parse_csv(text, "t.csv");
  REQUIRE(whole.size() == 4);
  CHECK(whole[3].line == 6);
  CHECK(whole[3].fields == std::vector<std::string>{"\"", "q", ""});
  for (std::size_t piece : {1, 2, 3, 5, 64})
    for (std::size_t buffer : {4, 7, 4096}) {
      CAPTURE(piece);
      CAPTURE(buffer);
      auto pieces = read_in_pieces(text, piece, buffer);
      REQUIRE(pieces.size() == whole.size());
      for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(pieces[i].line == whole[i].line);
        CHECK(pieces[i].fields == whole[i].fields);
      }
    }
}

TEST_CASE("read in pieces, a record's fields do not keep those of a longer record before it") {
  auto r = read_in_pieces("a,b,c\nd\n", 3, 4);
  REQUIRE(r.size() == 2);
  CHECK(r[1].fields == std::vector<std::string>{"d"});
}

TEST_CASE("read in pieces, bad quoting is refused with the same line as read whole") {
  for (const char* text : {"a,b\nx,\"open\nstill\n", "a\n\"x\"y\n", "a\nx\"y\n"}) {
    std::string whole, pieces;
    try {
      parse_csv(text, "t.csv");
    } catch (const Error& e) {
      whole = e.what();
    }
    try {
      read_in_pieces(text, 1, 4);
    } catch (const Error& e) {
      pieces = e.what();
    }
    CHECK(!whole.empty());
    CHECK(pieces == whole);
  }
}
