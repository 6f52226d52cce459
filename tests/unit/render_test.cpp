// SPDX-License-Identifier: MIT
// Rows into text: aligned tables (CJK by display width), TSV escaping, RFC 4180 CSV,
// JSON, records, views, and the streaming writer agreeing with the whole renderer.
#include "render.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace linkctl;
using json = nlohmann::ordered_json;

namespace {

Rows sample() {
  return {{"id", "name", "ok", "note"},
          {json{{"id", 7}, {"name", "市场部"}, {"ok", true}, {"note", nullptr}},
           json{{"id", 12}, {"name", "logistics"}, {"ok", false}, {"note", "a\tb\nc"}}}};
}

}  // namespace

TEST_CASE("a table aligns CJK text by display width and right-aligns numbers") {
  std::string out = render_table(sample());
  // 市场部 is 6 columns wide, as wide as "logistics" minus 3; numbers to the right.
  CHECK(out ==
        "id  name       ok   note\n"
        " 7  市场部     yes  -\n"
        "12  logistics  no   a b ⏎ c\n");
}

TEST_CASE("TSV escapes tab, newline and backslash; CSV quotes as RFC 4180 with CRLF") {
  Rows rows{{"a", "b"}, {json{{"a", "x\\y\tz"}, {"b", "line\nbreak"}}, json{{"a", "say \"hi\", ok"}, {"b", 3}}}};
  CHECK(render_tsv(rows) == "a\tb\nx\\\\y\\tz\tline\\nbreak\nsay \"hi\", ok\t3\n");
  CHECK(render_csv(rows) == "a,b\r\nx\\y\tz,\"line\nbreak\"\r\n\"say \"\"hi\"\", ok\",3\r\n");
  CHECK(render_tsv(rows, {false, false}) == "x\\\\y\\tz\tline\\nbreak\nsay \"hi\", ok\t3\n");
}

TEST_CASE("CSV for spreadsheets neutralises formula-like text; plain CSV and numbers stay exact") {
  Rows rows{{"t", "n"},
            {json{{"t", "=HYPERLINK(\"http://x\",\"y\")"}, {"n", -2}}, json{{"t", "+1"}, {"n", 0}},
             json{{"t", "-x"}, {"n", 1}}, json{{"t", "@SUM(A1)"}, {"n", 1}}, json{{"t", "\tx"}, {"n", 1}},
             json{{"t", "a=b"}, {"n", 1}}}};
  CHECK(render_csv(rows) ==
        "t,n\r\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2\r\n+1,0\r\n-x,1\r\n@SUM(A1),1\r\n\tx,"
        "1\r\na=b,1\r\n");
  RenderOptions sheet;
  sheet.spreadsheet = true;
  CHECK(
      render_csv(rows, sheet) ==
      "t,n\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2\r\n'+1,0\r\n'-x,1\r\n'@SUM(A1),1\r\n'\tx,1\r\na=b,1\r\n");
  CHECK(formula_like("\rx"));
  CHECK_FALSE(formula_like(""));
  CHECK_FALSE(formula_like("市场部"));
}

TEST_CASE("JSON is an array of objects, one a line; an empty list is []") {
  CHECK(render_json(sample()) ==
        "[\n{\"id\":7,\"name\":\"市场部\",\"ok\":true,\"note\":null},\n"
        "{\"id\":12,\"name\":\"logistics\",\"ok\":false,\"note\":\"a\\tb\\nc\"}\n]\n");
  CHECK(render_json(Rows{{"id"}, {}}) == "[]\n");
}

TEST_CASE("a record is key: value lines in a table, an object in JSON") {
  Rows one{{"id", "名称"}, {json{{"id", 3}, {"名称", "物流中心"}}}};
  CHECK(render_record(one, Format::table) == "id:   3\n名称: 物流中心\n");
  CHECK(render_record(one, Format::json) == "{\"id\":3,\"名称\":\"物流中心\"}\n");
  CHECK(render_record(one, Format::tsv) == "id\t名称\n3\t物流中心\n");
}

TEST_CASE("a view renders its blocks in order") {
  View v;
  v.text("heading\n").rows(Rows{{"n"}, {json{{"n", 1}}}}).record(Rows{{"k"}, {json{{"k", "v"}}}});
  CHECK(render(v, Format::tsv) == "heading\nn\n1\nk\nv\n");
  CHECK(render(View{}, Format::json).empty());
}

TEST_CASE("the streaming writer writes what the whole renderer writes") {
  for (Format f : {Format::tsv, Format::csv, Format::json}) {
    std::ostringstream out;
    auto rows = sample();
    RowWriter w(f, rows.columns, {}, out);
    for (const auto& r : rows.rows) w.write(r);
    w.finish();
    CHECK(out.str() == render(rows, f));
  }
  std::ostringstream empty;
  RowWriter w(Format::csv, {"a", "b"}, {}, empty);
  w.finish();
  CHECK(empty.str() == "a,b\r\n");
}

TEST_CASE("a table shows zero-width characters; tsv, csv and json keep the exact text") {
  Rows rows{{"id", "title"}, {json{{"id", 1}, {"title", "RTL\u200bzw"}}, json{{"id", 2}, {"title", "RTLzw"}}}};
  CHECK(render_table(rows) ==
        "id  title\n"
        " 1  RTL<U+200B>zw\n"
        " 2  RTLzw\n");
  CHECK(render_record(Rows{{"title"}, {rows.rows[0]}}, Format::table) == "title: RTL<U+200B>zw\n");
  CHECK(render_tsv(rows) == "id\ttitle\n1\tRTL\u200bzw\n2\tRTLzw\n");
  CHECK(render_csv(rows) == "id,title\r\n1,RTL\u200bzw\r\n2,RTLzw\r\n");
  CHECK(render_json(rows) == "[\n{\"id\":1,\"title\":\"RTL\u200bzw\"},\n{\"id\":2,\"title\":\"RTLzw\"}\n]\n");
}

TEST_CASE("a table fits its width by cutting the fit column with an ellipsis, by display width") {
  Rows rows{
      {"id", "title"},
      {json{{"id", 1}, {"title", "送货员送货不到户不及时"}}, json{{"id", 12}, {"title", "Shop moved away last week"}}}};
  rows.fit = "title";
  // Unlimited: as it is.
  CHECK(render_table(rows) ==
        "id  title\n"
        " 1  送货员送货不到户不及时\n"
        "12  Shop moved away last week\n");
  // 20 columns: 4 for the id and its gap, 16 for the title (15 and "…"; a CJK character is 2).
  RenderOptions narrow;
  narrow.width = 20;
  CHECK(render_table(rows, narrow) ==
        "id  title\n"
        " 1  送货员送货不到…\n"
        "12  Shop moved away…\n");
  // Never narrower than 12 columns, even when the others leave less room.
  narrow.width = 8;
  CHECK(render_table(rows, narrow) ==
        "id  title\n"
        " 1  送货员送货…\n"
        "12  Shop moved …\n");
  // The other formats keep every character.
  CHECK(render_tsv(rows, narrow) == "id\ttitle\n1\t送货员送货不到户不及时\n12\tShop moved away last week\n");
}

TEST_CASE("a bar shows a number in eighths of a cell, full at `full`, coloured by share when colour is on") {
  CHECK(bar_text(100, 100) == "██████████");
  CHECK(bar_text(50, 100) == "█████");
  CHECK(bar_text(96, 100) == "█████████▋");  // 9.6 cells: 76.8 eighths, rounded to 77
  CHECK(bar_text(1, 100) == "▏");            // 0.8 eighths
  CHECK(bar_text(0, 100).empty());
  CHECK(bar_text(-3, 100).empty());
  CHECK(bar_text(130, 100) == "██████████");  // never past full
  CHECK(bar_text(5, 0).empty());

  Rows rows{{"department", "score", "bonus"},
            {json{{"department", "市场部"}, {"score", 95}, {"bonus", 0}},
             json{{"department", "物流中心"}, {"score", 70}, {"bonus", -5}},
             json{{"department", "电访中心"}, {"score", nullptr}, {"bonus", 0}}}};
  rows.bars.push_back({"score", 100});
  CHECK(render_table(rows) ==
        "department  score              bonus\n"
        "市场部         95  █████████▌      0\n"
        "物流中心       70  ███████        -5\n"
        "电访中心        -                  0\n");
  RenderOptions colour;
  colour.colour = true;
  std::string out = render_table(rows, colour);
  CHECK(out.find("\x1b[32m█████████▌\x1b[0m") != std::string::npos);  // 95 %: green
  CHECK(out.find("\x1b[33m███████\x1b[0m") != std::string::npos);     // 70 %: yellow
  // Bars are a table's only: tsv and json keep their columns.
  CHECK(render_tsv(rows) == "department\tscore\tbonus\n市场部\t95\t0\n物流中心\t70\t-5\n电访中心\t\t0\n");
}

TEST_CASE("fit_width cuts by display width with an ellipsis, never inside a character") {
  CHECK(fit_width("short", 10) == "short");
  CHECK(fit_width("exactly10!", 10) == "exactly10!");
  CHECK(fit_width("eleven char", 10) == "eleven ch…");
  CHECK(fit_width("市场部物流中心", 7) == "市场部…");  // 6 columns and the ellipsis
  CHECK(fit_width("市场部物流中心", 8) == "市场部…");  // a fourth wide character would not fit
  CHECK(fit_width("ab", 0).empty());
  CHECK(fit_width("abc", 1) == "…");
}
