// SPDX-License-Identifier: MIT
// Approval chains (SPEC section 11): the policy side.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "helpers.hpp"
#include "policy_snapshot.hpp"
#include "policy_view.hpp"
#include "reports.hpp"
#include "transfer.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

void expect_error(const std::string& text, const std::string& at, const std::string& words) {
  auto r = load_policy(text, "p.toml", D("2026-06-01"));
  CHECK_FALSE(r.ok());
  unsigned line = line_of(text, at);
  bool found = false;
  std::string all;
  for (const auto& d : r.diagnostics) {
    all += d.str() + "\n";
    if (d.error && d.line == line && d.message.find(words) != std::string::npos) found = true;
  }
  CHECK_MESSAGE(found, "wanted an error on line " << line << " mentioning '" << words << "'; got:\n" << all);
}

}  // namespace

TEST_CASE("a chain's levels are read with their approvers and deadlines") {
  auto p = load_ok(kChainPolicy);
  const ApprovalChain* c = p->approval_chain("purchase");
  REQUIRE(c);
  CHECK(c->name == "采购三级审批");
  REQUIRE(c->levels.size() == 3);
  CHECK(c->levels[0].approver == ApproverKind::sending_lead);
  CHECK_FALSE(c->levels[0].deadline.has_value());
  CHECK(c->levels[1].approver_text() == "dept:finance");
  CHECK(c->levels[1].deadline->for_severity(Severity::major) == 2);
  CHECK(c->levels[2].approver_text() == "person:chen.zong");
  CHECK(c->levels[2].deadline->for_severity(Severity::urgent) == 0);
  CHECK(c->levels[2].deadline->for_severity(Severity::normal) == 2);
  CHECK(p->category("purchase")->chain == "purchase");
  CHECK_FALSE(p->category("delivery-late")->chain.has_value());
}

TEST_CASE("calendar_days and hours set a level's unit") {
  auto text = replace(kChainPolicy, R"(approver = "dept:finance", days = 2 })",
                      R"(approver = "dept:finance", days = 3, calendar_days = true })");
  text = replace(text, R"(days = { major = 1, urgent = 0, normal = 2 })", "hours = 24");
  auto p = load_ok(text);
  const auto& levels = p->approval_chain("purchase")->levels;
  CHECK(levels[1].deadline->unit == DueUnit::calendar_days);
  CHECK(levels[1].deadline->for_severity(Severity::normal) == 3);
  CHECK(levels[2].deadline->unit == DueUnit::hours);
  CHECK(levels[2].deadline->for_severity(Severity::major) == 24);
}

TEST_CASE("policy check refuses what SPEC 11 lists, each on its line") {
  SUBCASE("an unknown chain") {
    expect_error(replace(kChainPolicy, "chain = \"purchase\"", "chain = \"purchse\""), "chain = \"purchse\"",
                 "did you mean 'purchase'");
  }
  SUBCASE("an unknown department") {
    auto text = replace(kChainPolicy, "dept:finance", "dept:finanse");
    expect_error(text, "dept:finanse", "dept:finanse is not a department");
  }
  SUBCASE("an unknown person") {
    auto text = replace(kChainPolicy, "person:chen.zong", "person:chen.z");
    expect_error(text, "person:chen.z", "person:chen.z is not in [[people]]");
  }
  SUBCASE("a chain with no levels") {
    auto text = kMiniPolicy + "\n[[approval_chains]]\ncode = \"empty\"\nlevels = []\n";
    expect_error(text, "levels = []", "has no levels");
  }
  SUBCASE("a dept: level whose department has no lead") {
    auto text = replace(kChainPolicy, "dept:finance", "dept:office");
    text = replace(text, "leads = [\"lin.xiuying\"]", "leads = []");
    expect_error(text, "dept:office", "has no leads");
  }
  SUBCASE("duplicate chain codes") {
    auto text = kChainPolicy +
                "\n[[approval_chains]]\ncode = \"purchase\"\nlevels = [ { name = \"x\", approver = "
                "\"sending-lead\" } ]\n";
    auto pos = text.rfind("code = \"purchase\"");
    unsigned line = 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
    auto r = load_policy(text, "p.toml", D("2026-06-01"));
    CHECK_FALSE(r.ok());
    bool found = false;
    for (const auto& d : r.diagnostics)
      found = found || (d.error && d.line + 1 >= line && d.message.find("defined twice") != std::string::npos);
    CHECK(found);
  }
  SUBCASE("an approver of no known kind") {
    auto text = replace(kChainPolicy, "\"dept:finance\"", "\"finance\"");
    expect_error(text, "approver = \"finance\"", "use \"sending-lead\", \"dept:CODE\" or \"person:ID\"");
  }
  SUBCASE("days and hours together") {
    auto text = replace(kChainPolicy, "days = 2 }", "days = 2, hours = 8 }");
    expect_error(text, "hours = 8", "keep one");
  }
}

TEST_CASE("the snapshot keeps chains, and a policy without them shows as before") {
  auto p = load_ok(kChainPolicy);
  auto back = load_compiled_policy(compile_policy(*p), p->text, p->sha256);
  REQUIRE(back);
  REQUIRE(back->approval_chains.size() == 1);
  CHECK(back->approval_chains[0].levels[2].approver_text() == "person:chen.zong");
  CHECK(*back->approval_chains[0].levels[2].deadline == *p->approval_chains[0].levels[2].deadline);
  CHECK(back->category("purchase")->chain == "purchase");

  auto j = policy_json(*p);
  CHECK(j["approval_chains"][0]["levels"][1]["approver"] == "dept:finance");
  CHECK(j["approval_chains"][0]["levels"][0]["default_deadline"] == true);
  auto sections = policy_sections(*p);
  CHECK(sections.back().title == "Approval chains");
  CHECK(sections.back().rows.rows.size() == 3);
  CHECK(sections.back().rows.rows[2]["level"] == "3/3");

  auto plain = load_ok(kMiniPolicy);
  CHECK_FALSE(policy_json(*plain).contains("approval_chains"));
  CHECK(policy_sections(*plain).back().title == "Categories");
}

// ---- the lifecycle rows of SPEC 11 --------------------------------------------
// kChainPolicy: li.na (market) files "purchase"; level 1 is market's lead zhang.wei,
// level 2 finance's lead qian.li (2 working days), level 3 chen.zong (normal: 2).

namespace {

std::string refusal(World& w, const std::string& who, const std::string& when, std::int64_t id,
                    ErrorKind kind = ErrorKind::permission) {
  try {
    w.approve(who, when, id);
  } catch (const Error& e) {
    CHECK(e.kind() == kind);
    return e.what();
  }
  FAIL_CHECK(who << " was allowed to approve");
  return {};
}

}  // namespace

TEST_CASE("a purchase travels three levels, each due on the 2026 calendar, each level one event") {
  World w(kChainPolicy);
  auto id = w.file("li.na", "2026-09-28", "purchase");
  Ticket t = w.get(id);
  REQUIRE(t.chain);
  CHECK(t.chain->code == "purchase");
  CHECK(t.approval_level() == 1);
  CHECK(t.approval_levels() == 3);
  CHECK(t.approval->dept == "market");
  CHECK(format_date(t.approval->due) == "2026-09-28");  // level 1: [deadlines].approval = 0

  t = w.approve("zhang.wei", "2026-09-28T16:00", id);
  CHECK(t.state == State::pending);
  CHECK(t.approval_level() == 2);
  CHECK(t.approval->dept == "finance");
  CHECK(format_date(t.approval->due) == "2026-09-30");  // 2 WD: 09-29, 09-30
  CHECK_FALSE(t.feedback);

  t = w.approve("qian.li", "2026-09-30T10:00", id);
  CHECK(t.approval_level() == 3);
  CHECK(t.approval->dept == "gm");
  CHECK(format_date(t.approval->due) == "2026-10-09");  // Oct 1-7 off: 10-08, 10-09

  t = w.approve("chen.zong", "2026-10-09T10:00", id);
  CHECK(t.state == State::routed);
  REQUIRE(t.feedback);
  CHECK(format_date(t.feedback->due) == "2026-10-15");  // 10-10 make-up day, 12, 13, 14, 15

  std::vector<int> levels;
  for (const auto& s : w.store.ticket_stages(id))
    if (s.kind == StageKind::approval) {
      CHECK(s.outcome == "approved");
      levels.push_back(s.level.value_or(0));
    }
  CHECK(levels == std::vector<int>{1, 2, 3});
  std::vector<std::string> named;
  for (const auto& e : w.store.ticket_events(id))
    if (e.verb == "approve") named.push_back(e.changes["level"]["name"].get<std::string>());
  CHECK(named == std::vector<std::string>{"部门负责人", "财务部审核", "总经理签批"});
  CHECK(w.store.verify_audit().ok);
}

TEST_CASE("only the current level's approver may approve or reject, and is told who may") {
  World w(kChainPolicy);
  auto id = w.file("li.na", "2026-09-28", "purchase");
  // Finance does not see the ticket before its level: not found, as for anyone who may not see it.
  refusal(w, "qian.li", "2026-09-28T10:00", id, ErrorKind::not_found);
  CHECK(refusal(w, "li.na", "2026-09-28T10:00", id).find("level 1/3 (部门负责人), a lead of the sending department") !=
        std::string::npos);
  w.approve("zhang.wei", "2026-09-28T16:00", id);
  auto msg = refusal(w, "zhang.wei", "2026-09-29", id);
  CHECK(msg.find("level 2/3 (财务部审核)") != std::string::npos);
  CHECK(msg.find("qian.li") != std::string::npos);
  CHECK(refusal(w, "li.na", "2026-09-29", id).find("level 2/3") != std::string::npos);
  refusal(w, "chen.zong", "2026-09-29", id, ErrorKind::not_found);
}

TEST_CASE("the approver of level 2 sees the ticket from level 2 on, and may reject it there") {
  World w(kChainPolicy);
  auto id = w.file("li.na", "2026-09-28", "purchase");
  const Person& qian = *w.policy->person("qian.li");
  CHECK_FALSE(can_see(qian, w.get(id)));
  w.approve("zhang.wei", "2026-09-28T16:00", id);
  CHECK(can_see(qian, w.get(id)));
  CHECK_FALSE(can_see(*w.policy->person("chen.zong"), w.get(id)));
  Ticket t = w.reject("qian.li", "2026-09-29", id);
  CHECK(t.state == State::rejected);
  CHECK(t.approval->outcome == "rejected");
  CHECK(t.approval->level == 2);
  auto events = w.store.ticket_events(id);
  CHECK(events.back().verb == "reject");
  CHECK(events.back().changes["level"]["level"] == 2);
}

TEST_CASE("the chain is fixed at filing: changing the category on approval keeps it") {
  World w(kChainPolicy);
  auto id = w.file("li.na", "2026-09-28", "purchase");
  ApproveRequest r;
  r.category = "delivery-late";
  Ticket t = w.approve("zhang.wei", "2026-09-28T16:00", id, r);
  CHECK(t.category == "delivery-late");
  CHECK(t.state == State::pending);
  CHECK(t.approval_level() == 2);
  REQUIRE(t.chain);
  CHECK(t.chain->levels.size() == 3);
}

TEST_CASE("a ticket without a chain stores and records nothing new") {
  World w(kChainPolicy);
  auto id = w.file("li.na", "2026-09-28", "delivery-late");
  Ticket t = w.approve("zhang.wei", "2026-09-28T16:00", id);
  CHECK_FALSE(t.chain);
  CHECK_FALSE(t.approval->level);
  for (const auto& e : w.store.ticket_events(id)) {
    CHECK_FALSE(e.changes.contains("level"));
    CHECK_FALSE(e.changes.contains("approval_level"));
    CHECK_FALSE(e.changes.contains("approval_chain"));
  }
  CHECK(w.store.ticket_digest(id) == Store::digest_of_new(t));
}

TEST_CASE("permissions: list, export and the monthly report agree with show for a chain's approvers (SPEC 8, 11)") {
  // A finance member who is not its lead, and a colleague of the general manager.
  World w(kChainPolicy + R"(
[[people]]
id = "sun.kuai"
name = "孙会计"
department = "finance"
roles = ["handler"]

[[people]]
id = "zhao.mi"
name = "赵秘书"
department = "gm"
roles = ["handler"]
)");
  // market -> logistics purchases at each level, and a ticket without a chain.
  auto at_level_1 = w.file("li.na", "2026-09-28", "purchase");
  auto at_level_2 = w.file("li.na", "2026-09-28", "purchase");  // finance never signs: late from 10-01
  w.approve("zhang.wei", "2026-09-28T16:00", at_level_2);
  auto at_level_3 = w.file("li.na", "2026-09-28", "purchase");
  w.approve("zhang.wei", "2026-09-28T16:00", at_level_3);
  w.approve("qian.li", "2026-09-29T10:00", at_level_3);
  auto rejected_at_2 = w.file("li.na", "2026-09-28", "purchase");
  w.approve("zhang.wei", "2026-09-28T16:00", rejected_at_2);
  w.reject("qian.li", "2026-09-29T11:00", rejected_at_2);
  auto plain = w.file("li.na", "2026-09-28", "delivery-late");

  auto exported = [&](Session& s, TicketFilter f = {}) {
    std::vector<std::int64_t> out;
    export_tickets(s, f, [&](const nlohmann::ordered_json& row) { out.push_back(row["id"].get<std::int64_t>()); });
    return out;
  };
  auto ids_of = [](const std::vector<Ticket>& ts) {
    std::vector<std::int64_t> out;
    for (const auto& t : ts) out.push_back(t.id);
    return out;
  };
  const std::vector<std::int64_t> all = {at_level_1, at_level_2, at_level_3, rejected_at_2, plain};
  // By hand from SPEC 11: finance (any member: a dept: level) from level 2 on; the general
  // manager (a person: level) from level 3 on, and not his colleagues; level 3 of the rejected
  // ticket is never reached.
  struct View {
    const char* who;
    std::vector<std::int64_t> tickets;
    std::set<std::string> penalties;  // September: finance's late level 2, market's unsigned level 1s
  };
  const std::vector<View> views = {
      {"qian.li", {at_level_2, at_level_3, rejected_at_2}, {"finance"}},
      {"sun.kuai", {at_level_2, at_level_3, rejected_at_2}, {"finance"}},
      {"chen.zong", {at_level_3}, {}},
      {"zhao.mi", {}, {}},
      {"li.na", all, {"market"}},
      {"wang.qiang", all, {}},
      {"lin.xiuying", all, {"finance", "market"}},
  };
  for (const auto& view : views) {
    CAPTURE(view.who);
    auto s = w.as(view.who, "2026-10-12T10:00");
    CHECK(ids_of(list_visible(s, {})) == view.tickets);
    CHECK(exported(s) == view.tickets);
    for (auto id : all) {
      bool sees = std::find(view.tickets.begin(), view.tickets.end(), id) != view.tickets.end();
      CHECK(error_of([&] { visible_ticket(s, id); }) ==
            (sees ? std::nullopt : std::optional<ErrorKind>(ErrorKind::not_found)));
    }
    // The report is by owing department: a late level is its department's, seen by its members.
    std::set<std::string> penalties;
    for (const auto& p : monthly_report(s, D("2026-09-01")).report.penalties) penalties.insert(p.department);
    CHECK(penalties == view.penalties);
  }
  // --limit counts visible tickets: every chain names chen.zong, only the third reached him.
  auto gm = w.as("chen.zong", "2026-10-12T10:00");
  TicketFilter one;
  one.limit = 1;
  CHECK(ids_of(list_visible(gm, one)) == std::vector<std::int64_t>{at_level_3});
  // Filters still narrow: finance asking for pending tickets gets the one at its level.
  auto finance = w.as("sun.kuai", "2026-10-12T10:00");
  TicketFilter pending;
  pending.states = {State::pending};
  CHECK(ids_of(list_visible(finance, pending)) == std::vector<std::int64_t>{at_level_2, at_level_3});
  CHECK(exported(finance, pending) == std::vector<std::int64_t>{at_level_2, at_level_3});
}

TEST_CASE("stats: each level counts in its department's approval on-time rate; the ticket is filed once") {
  World w(kChainPolicy);
  // Filed Mon 10-12 and signed that day (level 1 on time); finance's level, due 10-14 (10-13,
  // 10-14), is signed 10-15, late; the general manager's, due 10-19 (10-16, 10-19), on time.
  auto id = w.file("li.na", "2026-10-12", "purchase");
  w.approve("zhang.wei", "2026-10-12T16:00", id);
  CHECK(format_date(w.get(id).approval->due) == "2026-10-14");
  w.approve("qian.li", "2026-10-15T10:00", id);
  CHECK(format_date(w.get(id).approval->due) == "2026-10-19");
  w.approve("chen.zong", "2026-10-19T10:00", id);
  auto s = w.as("lin.xiuying", "2026-11-02T10:00");
  std::map<std::string, DepartmentStats> by;
  for (const auto& d : period_stats(s, month_period(D("2026-10-01")))) by[d.dept] = d;
  REQUIRE(by.count("market"));
  REQUIRE(by.count("finance"));
  REQUIRE(by.count("gm"));
  CHECK(by["market"].filed == 1);
  CHECK(by["market"].approval_due == 1);
  CHECK(by["market"].approval_on_time == 1);
  CHECK(by["finance"].filed == 0);
  CHECK(by["finance"].approval_due == 1);
  CHECK(by["finance"].approval_on_time == 0);
  CHECK(by["gm"].filed == 0);
  CHECK(by["gm"].approval_due == 1);
  CHECK(by["gm"].approval_on_time == 1);
  CHECK(by["logistics"].received == 1);
}

TEST_CASE("export adds approval_level under a policy with chains only, and import starts at level 1") {
  CHECK(export_columns(*load_ok(kMiniPolicy)) == kExportColumns);
  World w(kChainPolicy);
  auto columns = export_columns(*w.policy);
  REQUIRE(columns.size() == kExportColumns.size() + 1);
  CHECK(std::equal(kExportColumns.begin(), kExportColumns.end(), columns.begin()));
  CHECK(columns.back() == "approval_level");

  auto admin = w.as("gao.feng", "2026-09-28T10:00");
  auto imported = import_csv(admin,
                             "filer,category,title,approval_level\n"
                             "li.na,purchase,采购打印机,3\n"
                             "li.na,delivery-late,送货不及时,\n",
                             "in.csv");
  CHECK(imported.filed == 2);
  Ticket chained = w.get(1), plain = w.get(2);
  CHECK(chained.state == State::pending);
  CHECK(chained.approval_level() == 1);
  CHECK(chained.approval->level == 1);
  CHECK(chained.approval->dept == "market");
  CHECK_FALSE(plain.chain);
  w.approve("zhang.wei", "2026-09-28T16:00", 1);

  std::vector<nlohmann::ordered_json> rows;
  auto s = w.as("lin.xiuying", "2026-09-29T10:00");
  export_tickets(s, {}, [&](const nlohmann::ordered_json& row) { rows.push_back(row); });
  REQUIRE(rows.size() == 2);
  std::vector<std::string> keys;
  for (const auto& [k, v] : rows[0].items()) keys.push_back(k);
  CHECK(keys == columns);
  CHECK(rows[0]["approval_level"] == 2);
  CHECK(rows[1]["approval_level"].is_null());
}
