// SPDX-License-Identifier: MIT
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "policy_view.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

PolicyLoad load(const std::string& text, Date today = D("2026-06-01")) { return load_policy(text, "p.toml", today); }

// Asserts that loading fails with an error on `line` whose message contains `words`.
void expect_error(const std::string& text, unsigned line, const std::string& words) {
  auto r = load(text);
  CHECK_FALSE(r.ok());
  bool found = false;
  for (const auto& d : r.diagnostics)
    if (d.error && d.line == line && d.message.find(words) != std::string::npos) found = true;
  std::string all;
  for (const auto& d : r.diagnostics) all += d.str() + "\n";
  CHECK_MESSAGE(found, "wanted an error on line " << line << " mentioning '" << words << "'; got:\n" << all);
}

bool has_warning(const PolicyLoad& r, const std::string& words) {
  for (const auto& d : r.diagnostics)
    if (!d.error && d.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the built-in policy loads, with the regulation's catalogue and calendar") {
  auto p = builtin();
  CHECK(p->organization.name == "某市烟草专卖局");
  CHECK(p->organization.timezone.name() == "Asia/Shanghai");
  CHECK(p->departments.size() == 5);
  CHECK(p->categories.size() == 38);
  CHECK(p->calendar.covered_years == std::set<int>{2024, 2025, 2026});
  CHECK(p->deadlines.feedback.for_severity(Severity::major) == 10);
  CHECK(p->deadlines.escalated.unit == DueUnit::calendar_days);
  CHECK(p->deadlines.reset.unit == DueUnit::working_days);
  CHECK(p->scoring.bonus_threshold == 3);
  // Every filer kind of the regulation can file something.
  for (const char* kind : {"customer-manager", "inspector", "phone-agent", "delivery"}) {
    bool any = false;
    for (const auto& c : p->categories)
      for (const auto& f : c.filers) any = any || f == kind;
    CHECK_MESSAGE(any, kind);
  }
  const Category* virt = p->category("virtual-customer");
  REQUIRE(virt);
  CHECK(virt->severity == Severity::major);
  CHECK(virt->to == "inspection");
  CHECK(calendar_coverage(*p) == "2024-2026");
}

TEST_CASE("the built-in policy has the State Council schedules' day counts for 2024-2026") {
  auto p = builtin();
  // Counts from the State Council notices: 2024 has 28 holidays and 8 make-up days,
  // 2025 has 28 and 5, 2026 has 33 and 6.
  std::map<int, int> holidays, workdays;
  for (auto d : p->calendar.holidays) ++holidays[year_of(d)];
  for (auto d : p->calendar.workdays) ++workdays[year_of(d)];
  CHECK(holidays[2024] == 28);
  CHECK(workdays[2024] == 8);
  CHECK(holidays[2025] == 28);
  CHECK(workdays[2025] == 5);
  CHECK(holidays[2026] == 33);
  CHECK(workdays[2026] == 6);
}

TEST_CASE("the mini test policy is valid") { load_ok(kMiniPolicy); }

TEST_CASE("policy validation: every rule has a failing policy") {
  SUBCASE("TOML syntax error") {
    auto text = replace(kMiniPolicy, "name = \"测试局\"", "name = \"测试局");
    expect_error(text, line_of(text, "name = \"测试局"), "TOML syntax");
  }
  SUBCASE("unknown key at the top level, with a suggestion") {
    auto text = kMiniPolicy + "\n[scorring]\nrated_fair = -1\n";
    expect_error(text, line_of(text, "[scorring]"), "did you mean 'scoring'");
  }
  SUBCASE("unknown key in [organization]") {
    auto text = replace(kMiniPolicy, "timezone = ", "time_zone = ");
    expect_error(text, line_of(text, "time_zone"), "unknown key 'time_zone'");
  }
  SUBCASE("unknown key in a department") {
    auto text =
        replace(kMiniPolicy, "kind = \"front\"\nleads = [\"zhang.wei\"]", "kind = \"front\"\nlead = [\"zhang.wei\"]");
    expect_error(text, line_of(text, "lead = ["), "unknown key 'lead'");
  }
  SUBCASE("wrong type") {
    auto text = replace(kMiniPolicy, "allow_clock_override = true", "allow_clock_override = \"yes\"");
    expect_error(text, line_of(text, "allow_clock_override"), "must be true or false");
  }
  SUBCASE("unknown department of a person") {
    auto text = replace(kMiniPolicy, "department = \"logistics\"\nroles = [\"filer:delivery\"",
                        "department = \"logstics\"\nroles = [\"filer:delivery\"");
    expect_error(text, line_of(text, "id = \"yang.fan\"") - 1, "did you mean 'logistics'");
  }
  SUBCASE("unknown receiving department of a category") {
    auto text = replace(kMiniPolicy, "to = \"logistics\"", "to = \"warehouse\"");
    expect_error(text, line_of(text, "code = \"delivery-late\"") - 1, "to = \"warehouse\" is not a department");
  }
  SUBCASE("unknown parent department") {
    auto text = replace(kMiniPolicy, "code = \"market\"\n", "code = \"market\"\nparent = \"city\"\n");
    expect_error(text, line_of(text, "code = \"market\"") - 1, "parent 'city' is not a department");
  }
  SUBCASE("a lead who is not a person") {
    auto text = replace(kMiniPolicy, "leads = [\"zhang.wei\"]", "leads = [\"zhang.wie\"]");
    expect_error(text, line_of(text, "code = \"market\"") - 1, "did you mean 'zhang.wei'");
  }
  SUBCASE("a lead from another department") {
    auto text = replace(kMiniPolicy, "leads = [\"wang.qiang\"]", "leads = [\"zhang.wei\"]");
    expect_error(text, line_of(text, "code = \"logistics\"") - 1, "must be a member of the department they lead");
  }
  SUBCASE("role lead without being listed in the department's leads") {
    auto text = replace(kMiniPolicy, "roles = [\"filer:customer-manager\", \"handler\"]",
                        "roles = [\"filer:customer-manager\", \"lead\"]");
    expect_error(text, line_of(text, "id = \"li.na\"") - 1,
                 "has role 'lead' but is not in department 'market''s leads");
  }
  SUBCASE("a department without leads") {
    auto text = replace(kMiniPolicy, "leads = [\"wang.qiang\"]", "leads = []");
    expect_error(text, line_of(text, "code = \"logistics\"") - 1, "has no leads");
  }
  SUBCASE("duplicate department code") {
    auto text = kMiniPolicy +
                "\n[[departments]]\ncode = \"market\"\nname = \"又一个\"\nkind = \"back\"\nleads = [\"zhang.wei\"]\n";
    expect_error(text, line_of(text, "name = \"又一个\"") - 2, "defined twice");
  }
  SUBCASE("duplicate person id") {
    auto text = kMiniPolicy +
                "\n[[people]]\nid = \"li.na\"\nname = \"李娜二\"\ndepartment = \"market\"\nroles = [\"handler\"]\n";
    expect_error(text, line_of(text, "name = \"李娜二\"") - 2, "person id 'li.na' is defined twice");
  }
  SUBCASE("duplicate login") {
    auto text = replace(kMiniPolicy, "name = \"杨帆\"\n", "name = \"杨帆\"\nlogin = \"li.na\"\n");
    expect_error(text, line_of(text, "id = \"yang.fan\"") - 1, "login 'li.na' is already used");
  }
  SUBCASE("duplicate category code") {
    auto text = kMiniPolicy +
                "\n[[categories]]\ncode = \"shop-moved\"\nname = \"重复\"\nseverity = \"normal\"\nfilers = "
                "[\"delivery\"]\nto = \"market\"\n";
    expect_error(text, line_of(text, "name = \"重复\"") - 2, "category code 'shop-moved' is defined twice");
  }
  SUBCASE("negative deadline") {
    auto text = replace(kMiniPolicy, "urgent = 3, normal = 5", "urgent = -3, normal = 5");
    expect_error(text, line_of(text, "urgent = -3"), "out of range");
  }
  SUBCASE("missing deadline stage") {
    auto text = replace(kMiniPolicy, "review = 1\n", "");
    expect_error(text, line_of(text, "[deadlines]"), "[deadlines] needs 'review'");
  }
  SUBCASE("missing severity in a deadline") {
    auto text =
        replace(kMiniPolicy, "reset = { major = 3, urgent = 1, normal = 2 }", "reset = { major = 3, urgent = 1 }");
    expect_error(text, line_of(text, "reset = {"), "missing 'normal'");
  }
  SUBCASE("missing [deadlines]") {
    auto start = kMiniPolicy.find("[deadlines]");
    auto end = kMiniPolicy.find("[[departments]]");
    auto text = kMiniPolicy.substr(0, start) + kMiniPolicy.substr(end);
    expect_error(text, 1, "needs a [deadlines] table");
  }
  SUBCASE("hour units where they make no sense") {
    auto text =
        replace(kMiniPolicy, "approval = 0", "approval = { major = 1, urgent = 1, normal = 1, unit = \"hours\" }");
    expect_error(text, line_of(text, "approval = {"), "cannot be counted in hours");
  }
  SUBCASE("a category no filer kind can use") {
    auto text = replace(kMiniPolicy, "filers = [\"customer-manager\"]", "filers = []");
    expect_error(text, line_of(text, "filers = []"), "no filer kind can use it");
  }
  SUBCASE("unknown time zone") {
    auto text = replace(kMiniPolicy, "Asia/Shanghai", "Asia/Beijing");
    expect_error(text, line_of(text, "Asia/Beijing"), "unknown time zone");
  }
  SUBCASE("a day both holiday and make-up workday") {
    auto text = replace(kMiniPolicy, "workdays = [2026-09-20", "workdays = [2026-10-01, 2026-09-20");
    expect_error(text, line_of(text, "workdays = ["), "both a holiday and a make-up workday");
  }
  SUBCASE("a quoted date in the calendar") {
    auto text = replace(kMiniPolicy, "workdays = [2026-09-20", "workdays = [\"2026-09-19\", 2026-09-20");
    expect_error(text, line_of(text, "workdays = ["), "write dates unquoted");
  }
  SUBCASE("unknown role") {
    auto text = replace(kMiniPolicy, "roles = [\"supervisor\"]", "roles = [\"boss\"]");
    expect_error(text, line_of(text, "roles = [\"boss\"]"), "role 'boss' is not known");
  }
  SUBCASE("unknown severity, kind and identity") {
    auto text = replace(kMiniPolicy, "severity = \"urgent\"", "severity = \"critical\"");
    expect_error(text, line_of(text, "\"critical\""), "use major, urgent or normal");
    text = replace(kMiniPolicy, "kind = \"office\"", "kind = \"hq\"");
    expect_error(text, line_of(text, "\"hq\""), "use front, back or office");
    text = replace(kMiniPolicy, "identity = \"declared\"", "identity = \"ldap\"");
    expect_error(text, line_of(text, "\"ldap\""), "use \"os\", \"declared\" or \"database\"");
  }
  SUBCASE("a category sent to the supervising office") {
    auto text = replace(kMiniPolicy, "to = \"logistics\"", "to = \"office\"");
    expect_error(text, line_of(text, "code = \"delivery-late\"") - 1, "supervising office");
  }
  SUBCASE("an invalid code") {
    auto text = replace(kMiniPolicy, "code = \"shop-moved\"", "code = \"Shop Moved\"");
    expect_error(text, line_of(text, "Shop Moved"), "not a valid code");
  }
  SUBCASE("a positive penalty") {
    auto text = kMiniPolicy + "\n[scoring]\nrated_fair = 1\n";
    expect_error(text, line_of(text, "rated_fair = 1"), "must be 0 or negative");
  }
  SUBCASE("missing required keys") {
    auto text = replace(kMiniPolicy, "name = \"测试局\"\n", "");
    expect_error(text, line_of(text, "[organization]"), "[organization] needs 'name'");
  }
  SUBCASE("absurd size") {
    std::string text = kMiniPolicy + "\n#" + std::string(kMaxPolicyBytes, 'x') + "\n";
    expect_error(text, 1, "the limit is");
  }
  SUBCASE("invalid UTF-8") {
    auto text = replace(kMiniPolicy, "测试局", "\xff\xfe");
    expect_error(text, line_of(text, "\xff\xfe"), "not valid UTF-8");
  }
}

TEST_CASE("every problem is reported, not just the first") {
  auto text = replace(kMiniPolicy, "timezone = ", "time_zone = ");
  text = replace(text, "to = \"logistics\"", "to = \"warehouse\"");
  auto r = load(text);
  CHECK(r.error_count() == 2);
}

TEST_CASE("calendar coverage warnings") {
  SUBCASE("within 60 days of the end of coverage") {
    auto r = load(kMiniPolicy, D("2026-11-22"));
    CHECK(r.ok());
    CHECK(has_warning(r, "the calendar ends on 2026-12-31 (39 days from today)"));
  }
  SUBCASE("not yet near the end") {
    auto r = load(kMiniPolicy, D("2026-06-01"));
    CHECK_FALSE(has_warning(r, "the calendar ends"));
  }
  SUBCASE("after the end") {
    auto r = load(kMiniPolicy, D("2027-02-01"));
    CHECK(has_warning(r, "covers up to 2026-12-31 only"));
  }
  SUBCASE("a make-up workday on a weekday is suspicious") {
    auto r = load(replace(kMiniPolicy, "workdays = [2026-09-20", "workdays = [2026-09-21, 2026-09-20"));
    CHECK(r.ok());
    CHECK(has_warning(r, "already a working day"));
  }
}

TEST_CASE("policy values reach the Policy") {
  auto p = load_ok(kMiniPolicy + "\n[scoring]\nrated_fair = -3\nbonus_threshold = 5\n");
  CHECK(p->scoring.rated_fair == -3);
  CHECK(p->scoring.bonus_threshold == 5);
  CHECK(p->scoring.rated_unsatisfied == -2);  // default kept
  CHECK(p->organization.identity == IdentityMode::declared);
  CHECK(p->is_lead("zhang.wei", "market"));
  CHECK_FALSE(p->is_lead("li.na", "market"));
  CHECK(p->person("li.na")->filer_kinds == std::set<std::string>{"customer-manager"});
  CHECK(p->person_by_login("li.na") == p->person("li.na"));
  CHECK(p->sha256.size() == 64);
}

TEST_CASE("a bidirectional control in a policy name is refused like any control character") {
  std::string text = replace(kMiniPolicy, "name = \"物流中心\"", "name = \"物流\u202e中心\"");
  expect_error(text, line_of(text, "物流\u202e中心"), "contains control character U+202E; remove it");
  std::string person = replace(kMiniPolicy, "name = \"李娜\"", "name = \"李\u2067娜\"");
  expect_error(person, line_of(person, "李\u2067娜"), "contains control character U+2067");
  CHECK(load(replace(kMiniPolicy, "name = \"李娜\"", "name = \"李\u200b娜\"")).ok());  // zero-width: shown, not refused
}
