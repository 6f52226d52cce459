// SPDX-License-Identifier: MIT
// The audit chain hashes CanonicalArray's text; chains written when it was
// nlohmann::json::dump() must still verify, so the two must agree byte for byte.
#include "canonical.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <random>

using linkctl::CanonicalArray;
using json = nlohmann::ordered_json;

namespace {
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
}  // namespace

TEST_CASE("CanonicalArray writes what nlohmann::json::dump writes") {
  // Pieces chosen for the escaping rules: every control character, quote, backslash,
  // slash, DEL, and 2-, 3- and 4-byte UTF-8.
  std::vector<std::string> pieces = {"\"", "\\", "/", "\x7f", "a", " ", "é", "王记烟酒店", "€", "😀", "{", "]", ","};
  for (int c = 0; c < 0x20; ++c) pieces.push_back(std::string(1, static_cast<char>(c)));
  // Not UTF-8 (a store edited outside linkctl): stray, overlong, surrogate and cut-off sequences.
  for (const char* bad : {"\xFF", "\x80", "\xC0", "\xC3", "\xE4\xB8", "\xE0\x80", "\xED\xA0", "\xF0\x9F",
                          "\xF0\x9F\x98", "\xF4\x90", "\xF5"})
    pieces.push_back(bad);
  std::mt19937 rng(20261122);
  int compared = 0;
  for (int round = 0; round < 2000; ++round) {
    CanonicalArray fast, inner;
    json reference = json::array(), nested = json::array();
    for (int field = 0; field < 6; ++field) {
      std::string s;
      for (auto n = rng() % 12; n > 0; --n) s += pieces[rng() % pieces.size()];
      switch (rng() % 5) {
        case 0:
          fast.str(s), reference.push_back(s);
          break;
        case 1: {
          auto v = static_cast<std::int64_t>(rng()) - static_cast<std::int64_t>(rng()) * 4096;
          fast.num(v), reference.push_back(v);
          break;
        }
        case 2:
          fast.null(), reference.push_back(nullptr);
          break;
        case 3: {
          bool b = rng() % 2;
          fast.boolean(b), reference.push_back(b);
          break;
        }
        default:
          inner.str(s), nested.push_back(s);
      }
    }
    fast.array(inner), reference.push_back(nested);
    if (round % 2) fast.array(CanonicalArray{}), reference.push_back(json::array());
    REQUIRE(fast.text() == dump(reference));
    ++compared;
  }
  CHECK(compared == 2000);
  CHECK(CanonicalArray{}.num(std::numeric_limits<std::int64_t>::min()).text() ==
        dump(json::array({std::numeric_limits<std::int64_t>::min()})));
  CHECK(CanonicalArray{}.text() == "[]");
}

TEST_CASE("CanonicalArray replaces bytes that are not UTF-8 and keeps the rest") {
  CHECK(CanonicalArray{}
            .str("a\xff"
                 "b")
            .text() ==
        "[\"a\xEF\xBF\xBD"
        "b\"]");
  CHECK(CanonicalArray{}.str("\xC0\xAF").text() == "[\"\xEF\xBF\xBD\xEF\xBF\xBD\"]");  // overlong "/"
  CHECK(CanonicalArray{}
            .str("\xE4\xB8"
                 "A")
            .text() ==
        "[\"\xEF\xBF\xBD"
        "A\"]");                                                                         // a cut-off 中: one mark
  CHECK(CanonicalArray{}.str("\xED\xA0\x80").text().find("\xED") == std::string::npos);  // a surrogate
  CHECK(CanonicalArray{}.str("中").text() == "[\"中\"]");
}
