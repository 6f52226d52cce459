// SPDX-License-Identifier: MIT
// Free text from users: control characters refused (C0, C1 and the bidirectional ones
// that reorder a terminal's text), messages escaped, zero-width characters made visible.
#include "text.hpp"

#include <doctest/doctest.h>

#include "error.hpp"

using namespace linkctl;

TEST_CASE("bidirectional controls are control characters: embeddings, overrides, isolates") {
  // U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 are E2 81 A6..A9.
  CHECK(find_control("=cmd|calc \u202eRTL", false) == "control character U+202E");
  CHECK(find_control("a\u202ab", false) == "control character U+202A");
  CHECK(find_control("a\u2066b\u2069", false) == "control character U+2066");
  CHECK(find_control("\u2069", false) == "control character U+2069");
  // A body may hold line breaks, never a bidirectional control.
  CHECK(find_control("line one\nline \u202dtwo", true) == "control character U+202D");
  // The first control character found is the one named.
  CHECK(find_control("\u202e\x1b", false) == "control character U+202E");
  CHECK(find_control("\x1b\u202e", false) == "control character 0x1b");
}

TEST_CASE("characters beside the bidirectional controls are ordinary text") {
  CHECK_FALSE(find_control("\u2029\u202f\u2065\u206a", false));  // E2 80 A9, E2 80 AF, E2 81 A5, E2 81 AA
  CHECK_FALSE(find_control("a\u200bb\u2060c\ufeffd", false));    // zero-width: shown in tables, not refused
  CHECK_FALSE(find_control("\u2014 \u2026 \u20ac", false));      // dash, ellipsis, euro: E2 80 94, E2 80 A6, E2 82 AC
  CHECK_FALSE(find_control("a\xe2\x80", false));                 // cut short: not a character at all
}

TEST_CASE("check_text refuses a bidirectional control with the one-line control-character error") {
  try {
    check_text("the title", "invoice \u202egnp.exe", 512, false, true);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "the title contains control character U+202E; remove it (this field is one line)");
  }
  CHECK_THROWS_AS(check_text("the body", "ok\n\u2067x", 1024, true, false), Error);
  CHECK_NOTHROW(check_text("the title", "zero\u200bwidth", 512, false, true));
}

TEST_CASE("messages escape bidirectional controls byte by byte, like other control characters") {
  CHECK(printable("a\u202eb") == "a\\xe2\\x80\\xaeb");
  CHECK(printable("\u2066x\u2069") == "\\xe2\\x81\\xa6x\\xe2\\x81\\xa9");
  CHECK(printable("\u2014\u200b") == "\u2014\u200b");  // ordinary and zero-width characters kept
}

TEST_CASE("zero-width characters are shown as <U+XXXX>, everything else kept") {
  CHECK(show_zero_width("RTL\u200bzw") == "RTL<U+200B>zw");
  CHECK(show_zero_width("\u200c\u200d\u2060\ufeff") == "<U+200C><U+200D><U+2060><U+FEFF>");
  CHECK(show_zero_width("李娜\u200b") == "李娜<U+200B>");
  CHECK(show_zero_width("\u200a\u200e\u2061 plain") ==
        "\u200a\u200e\u2061 plain");                               // neighbours are not zero-width ones
  CHECK(show_zero_width("bad\xff\xe2\x80") == "bad\xff\xe2\x80");  // not UTF-8: left alone
  CHECK(show_zero_width("") == "");
}
