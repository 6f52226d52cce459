// SPDX-License-Identifier: MIT
// The pre-scan that refuses pathological policy shapes before toml11 parses them.
#include "prescan.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "helpers.hpp"

using namespace linkctl;

namespace {

// `n` bare parts joined by dots: a.a.a...
std::string dotted(std::size_t n, const std::string& part = "a") {
  std::string key = part;
  for (std::size_t i = 1; i < n; ++i) key += "." + part;
  return key;
}

// Asserts that the pre-scan refuses `text` on `line` with a message containing `words`.
void expect_refused(const std::string& text, unsigned line, const std::string& words) {
  auto problem = prescan_policy(text);
  REQUIRE_MESSAGE(problem.has_value(), "wanted a refusal mentioning '" << words << "'");
  CHECK(problem->line == line);
  CHECK_MESSAGE(problem->message.find(words) != std::string::npos, "got: " << problem->message);
}

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(LINKCTL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("real policies pass the pre-scan") {
  CHECK_FALSE(prescan_policy(test::kMiniPolicy).has_value());
  CHECK_FALSE(prescan_policy(default_policy()).has_value());
  CHECK_FALSE(prescan_policy(read_source_file("examples/customer-service.toml")).has_value());
  CHECK_FALSE(prescan_policy(read_source_file("tests/e2e/policies/scoring.toml")).has_value());
}

TEST_CASE("dotted keys: up to kMaxPolicyKeyParts parts, wherever a key may stand") {
  std::string most = dotted(kMaxPolicyKeyParts), over = dotted(kMaxPolicyKeyParts + 1);
  SUBCASE("a key/value pair") {
    CHECK_FALSE(prescan_policy("x = 1\n" + most + " = 1\n").has_value());
    expect_refused("x = 1\n" + over + " = 1\n", 2, "more than 32 parts");
  }
  SUBCASE("a table header, and an array-of-tables header") {
    CHECK_FALSE(prescan_policy("[" + most + "]\n").has_value());
    expect_refused("[" + over + "]\nx = 1\n", 1, "more than 32 parts");
    expect_refused("\n  [[" + over + "]]\n", 2, "more than 32 parts");
  }
  SUBCASE("an inline table, also one inside an array and after a comma") {
    CHECK_FALSE(prescan_policy("x = { " + most + " = 1 }\n").has_value());
    expect_refused("x = {" + over + "=1}\n", 1, "more than 32 parts");
    expect_refused("x = [\n  1,\n  { b = 2, " + over + " = 1 },\n]\n", 3, "more than 32 parts");
  }
  SUBCASE("blanks around the dots") {
    std::string spaced = "a";
    for (int i = 0; i < kMaxPolicyKeyParts; ++i) spaced += " . a";
    expect_refused(spaced + " = 1\n", 1, "more than 32 parts");
  }
  SUBCASE("the hostile sizes: 20,000 and 1,000,000 parts") {
    expect_refused(dotted(20000) + " = 1\n", 1, "more than 32 parts");
    expect_refused("[organization]\n" + dotted(1000000) + " = 1\n", 2, "more than 32 parts");
  }
}

TEST_CASE("a quoted key part counts once, and dots in values and comments not at all") {
  std::string many_dots = dotted(100);  // 199 bytes, under the key length limit
  CHECK_FALSE(prescan_policy("\"" + many_dots + "\" = 1\n").has_value());
  CHECK_FALSE(prescan_policy("'" + many_dots + "'.b = 1\n").has_value());
  CHECK_FALSE(prescan_policy("x = \"" + dotted(1000) + "\"\n").has_value());
  CHECK_FALSE(prescan_policy("x = '" + dotted(1000) + "'\n").has_value());
  CHECK_FALSE(prescan_policy("x = 1  # " + dotted(1000) + "\n# " + dotted(1000) + " = 1\n").has_value());
  CHECK_FALSE(prescan_policy("x = \"\"\"\n" + dotted(1000) + " = 1\n\"\"\"\n").has_value());
  CHECK_FALSE(prescan_policy("x = '''\n[" + dotted(1000) + "]\n'''\n").has_value());
  CHECK_FALSE(prescan_policy("x = \"say \\\"" + dotted(1000) + "\\\"\"\n").has_value());
  // Two quotes before the closing three still belong to the string.
  CHECK_FALSE(prescan_policy("x = \"\"\"a\"\"\"\"\"\ny = \"" + dotted(1000) + "\"\n").has_value());
  // Counting resumes after the string: the key on the next line is seen.
  expect_refused("x = \"\"\"\n\"\"\"\n" + dotted(kMaxPolicyKeyParts + 1) + " = 1\n", 3, "more than 32 parts");
  // An unclosed one-line string ends at its line; the next line is scanned as usual.
  expect_refused("x = \"open\n" + dotted(kMaxPolicyKeyParts + 1) + " = 1\n", 2, "more than 32 parts");
}

TEST_CASE("a key may be kMaxPolicyKeyBytes long, all its parts together") {
  std::string longest(kMaxPolicyKeyBytes, 'k');
  CHECK_FALSE(prescan_policy(longest + " = 1\n").has_value());
  expect_refused("\n" + longest + "k = 1\n", 2, "longer than 256 bytes");
  expect_refused("\"" + std::string(kMaxPolicyKeyBytes, 'q') + "\" = 1\n", 1, "longer than 256 bytes");
  expect_refused("[" + std::string(200, 'a') + "." + std::string(100, 'b') + "]\n", 1, "longer than 256 bytes");
  expect_refused("x = { " + std::string(100000, 'a') + " = 1 }\n", 1, "longer than 256 bytes");
}

TEST_CASE("a policy may have kMaxPolicyKeys keys, each part of a dotted key counting") {
  std::string flat;
  for (std::size_t i = 0; i < kMaxPolicyKeys; ++i) flat += "k" + std::to_string(i) + " = 1\n";
  CHECK_FALSE(prescan_policy(flat).has_value());
  expect_refused(flat + "one_more = 1\n", static_cast<unsigned>(kMaxPolicyKeys) + 1, "more than 10000 keys");

  std::string pairs;  // a.b keys: two parts each, so the limit comes at half as many lines
  for (std::size_t i = 0; i < kMaxPolicyKeys; ++i) pairs += "k" + std::to_string(i) + ".a = 1\n";
  expect_refused(pairs, static_cast<unsigned>(kMaxPolicyKeys / 2) + 1, "more than 10000 keys");
}

TEST_CASE("a line may be kMaxPolicyLineBytes long, not counting its line break") {
  std::string longest = "x = \"" + std::string(kMaxPolicyLineBytes - 6, 'v') + "\"";
  REQUIRE(longest.size() == kMaxPolicyLineBytes);
  CHECK_FALSE(prescan_policy(longest + "\n").has_value());
  CHECK_FALSE(prescan_policy(longest + "\r\n" + longest).has_value());
  expect_refused("a = 1\n" + longest + " \n", 2, "longer than 4096 bytes");
  expect_refused("a = 1\nb = 2\n" + longest + "#", 3, "longer than 4096 bytes");
}

TEST_CASE("arrays and inline tables nest kMaxPolicyNesting deep") {
  auto nested = [](int depth, char open, char close) {
    return "x = " + std::string(static_cast<std::size_t>(depth), open) + "1" +
           std::string(static_cast<std::size_t>(depth), close) + "\n";
  };
  CHECK_FALSE(prescan_policy(nested(kMaxPolicyNesting, '[', ']')).has_value());
  expect_refused(nested(kMaxPolicyNesting + 1, '[', ']'), 1, "nest deeper than 32 levels");
  expect_refused("y = 2\n" + nested(100000, '[', ']'), 2, "nest deeper than 32 levels");
  std::string inline_tables = "x = ";
  for (int i = 0; i <= kMaxPolicyNesting; ++i) inline_tables += "{a = ";
  expect_refused(inline_tables + "1" + std::string(kMaxPolicyNesting + 1, '}') + "\n", 1, "nest deeper than 32");
  // Brackets in strings and comments do not nest.
  CHECK_FALSE(prescan_policy("x = \"" + std::string(100, '[') + "\" # " + std::string(100, '{') + "\n").has_value());
}
