// SPDX-License-Identifier: MIT
// Every row of SPEC section 3's lifecycle table, and its refusals.
#include <doctest/doctest.h>

#include "admin.hpp"
#include "text.hpp"
#include "world.hpp"

using namespace linkctl;
using namespace linkctl::test;

namespace {

// In the mini policy: li.na files in market (lead zhang.wei); delivery-late goes to
// logistics (lead wang.qiang, handler yang.fan); lin.xiuying supervises.
std::int64_t routed_ticket(World& w) {
  auto id = w.file("li.na", "2026-09-28", "delivery-late");
  w.approve("zhang.wei", "2026-09-28T16:00", id);
  return id;
}

std::int64_t answered_ticket(World& w) {
  auto id = routed_ticket(w);
  w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  w.close("yang.fan", "2026-09-30", id);
  w.confirm("wang.qiang", "2026-09-30T15:00", id);
  return id;
}

std::size_t event_count(World& w, std::int64_t id) { return w.store.ticket_events(id).size(); }

}  // namespace

TEST_CASE("file: pending, approval due the filing day, defaults from the category") {
  World w;
  auto id = w.file("li.na", "2026-10-03T11:00", "delivery-late");  // a holiday Saturday
  Ticket t = w.get(id);
  CHECK(t.state == State::pending);
  CHECK(t.severity == Severity::normal);
  CHECK(t.from_dept == "market");
  CHECK(t.to_dept == "logistics");
  REQUIRE(t.approval);
  CHECK(t.approval->due == D("2026-10-08"));  // rolled to the next working day
  CHECK_FALSE(t.feedback);
  CHECK(event_count(w, id) == 1);
}

TEST_CASE("file: refusals") {
  World w;
  auto s = w.as("li.na", "2026-09-28");
  FileRequest r{"virtual-customer", "标题", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  SUBCASE("a category the filer's kind may not use") {
    auto ws = w.as("yang.fan", "2026-09-28");
    FileRequest c = r;
    c.category = "delivery-late";  // customer-manager only
    CHECK(error_of([&] { file(ws, c); }) == ErrorKind::permission);
  }
  SUBCASE("someone who is not a filer") {
    auto ls = w.as("zhang.wei", "2026-09-28");
    CHECK(error_of([&] { file(ls, r); }) == ErrorKind::permission);
  }
  SUBCASE("unknown category, unknown or office department") {
    FileRequest c = r;
    c.category = "nope";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::not_found);
    c = r;
    c.to = "warehouse";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::not_found);
    c.to = "office";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
  }
  SUBCASE("bad text") {
    FileRequest c = r;
    c.title = "";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
    c.title = std::string(kMaxTitleBytes + 1, 'x');
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
    c.title = "bad\xff";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
    c.title = "two\nlines";
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
    c.title = "ok";
    c.body = std::string(kMaxBodyBytes + 1, 'x');
    CHECK(error_of([&] { file(s, c); }) == ErrorKind::usage);
  }
  CHECK(w.store.list_tickets({}).empty());
  CHECK(w.store.events_since(0, 0).size() == 1);  // only the init event
}

TEST_CASE("file --ref is idempotent: same content returns the same ticket, different content conflicts") {
  World w;
  auto s = w.as("li.na", "2026-09-28");
  FileRequest r{"delivery-late", "送货不及时", "", std::nullopt, std::nullopt, std::string("EXT-1"), std::nullopt};
  auto first = file(s, r);
  auto again = file(s, r);
  CHECK(again.existed);
  CHECK(again.ticket.id == first.ticket.id);
  CHECK(w.store.events_since(0, 0).size() == 2);  // init and the one filing
  FileRequest other = r;
  other.title = "另一个标题";
  CHECK(error_of([&] { file(s, other); }) == ErrorKind::conflict);
  CHECK(w.store.list_tickets({}).size() == 1);
}

TEST_CASE("approve: sending lead; routed; feedback due from the day after, category override") {
  World w;
  auto id = w.file("li.na", "2026-11-16", "delivery-late");
  Ticket t = w.approve("zhang.wei", "2026-11-16T10:00", id);
  CHECK(t.state == State::routed);
  CHECK(t.approval->finished_on == D("2026-11-16"));
  REQUIRE(t.feedback);
  CHECK(t.feedback->due == D("2026-11-30"));  // SPEC 4 example 6 (10 WD for delivery)
  CHECK(t.feedback->dept == "logistics");
  CHECK(t.overdue_stages(D("2026-11-16"), Instant{}).empty());
}

TEST_CASE("approve may change severity, category, receiving department and text") {
  World w;
  auto id = w.file("li.na", "2026-09-29", "delivery-late");
  ApproveRequest r;
  r.severity = Severity::urgent;
  r.to = "market";
  r.title = "改过的标题";
  Ticket t = w.approve("zhang.wei", "2026-09-29", id, r);
  CHECK(t.severity == Severity::urgent);
  CHECK(t.to_dept == "market");
  CHECK(t.title == "改过的标题");
  CHECK(t.feedback->due == D("2026-10-09"));  // SPEC 4 example 1: urgent, 3 WD over National Day
  auto events = w.store.ticket_events(id);
  CHECK(events.back().changes["severity"] == nlohmann::ordered_json::array({"normal", "urgent"}));
}

TEST_CASE("approve and reject: refusals for the wrong actor and the wrong state") {
  World w;
  auto id = w.file("li.na", "2026-09-29", "delivery-late");
  CHECK(error_of([&] { w.approve("wang.qiang", "2026-09-29", id); }) == ErrorKind::permission);   // receiving lead
  CHECK(error_of([&] { w.approve("li.na", "2026-09-29", id); }) == ErrorKind::permission);        // the filer
  CHECK(error_of([&] { w.approve("lin.xiuying", "2026-09-29", id); }) == ErrorKind::permission);  // supervisor
  CHECK(error_of([&] { w.reject("yang.fan", "2026-09-29", id); }) == ErrorKind::permission);      // receiving side
  CHECK(event_count(w, id) == 1);
  w.approve("zhang.wei", "2026-09-29", id);
  CHECK(error_of([&] { w.approve("zhang.wei", "2026-09-29", id); }) == ErrorKind::conflict);
  CHECK(error_of([&] { w.reject("zhang.wei", "2026-09-29", id); }) == ErrorKind::conflict);
}

TEST_CASE("reject: final, with a reason; the approval stage ends") {
  World w;
  auto id = w.file("li.na", "2026-09-29", "delivery-late");
  Ticket t = w.reject("zhang.wei", "2026-09-30", id);
  CHECK(t.state == State::rejected);
  CHECK(t.approval->outcome == "rejected");
  CHECK(t.overdue_stages(D("2026-09-30"), Instant{}) == std::vector<std::string>{"approval"});
  for (auto verb : {"approve", "route", "close", "confirm", "rate", "reset", "escalate"}) {
    CAPTURE(verb);
    std::optional<ErrorKind> k;
    if (std::string(verb) == "approve") k = error_of([&] { w.approve("zhang.wei", "2026-09-30", id); });
    if (std::string(verb) == "route") k = error_of([&] { w.assign("wang.qiang", "2026-09-30", id, "yang.fan"); });
    if (std::string(verb) == "close") k = error_of([&] { w.close("zhang.wei", "2026-09-30", id); });
    if (std::string(verb) == "confirm") k = error_of([&] { w.confirm("wang.qiang", "2026-09-30", id); });
    if (std::string(verb) == "rate") k = error_of([&] { w.rate("zhang.wei", "2026-09-30", id, Rating::fair); });
    if (std::string(verb) == "reset") k = error_of([&] { w.reset("lin.xiuying", "2026-09-30", id); });
    if (std::string(verb) == "escalate") k = error_of([&] { w.escalate("lin.xiuying", "2026-09-30", id); });
    CHECK(k == ErrorKind::conflict);
  }
  w.comment("li.na", "2026-10-08", id);  // comments are allowed in every state
  CHECK(event_count(w, id) == 3);
}

TEST_CASE("route --to: receiving lead assigns a handler of the receiving department") {
  World w;
  auto id = routed_ticket(w);
  CHECK(error_of([&] { w.assign("zhang.wei", "2026-09-29", id, "yang.fan"); }) ==
        ErrorKind::permission);                                                                     // sending lead
  CHECK(error_of([&] { w.assign("wang.qiang", "2026-09-29", id, "li.na"); }) == ErrorKind::usage);  // not in logistics
  CHECK(error_of([&] { w.assign("wang.qiang", "2026-09-29", id, "nobody"); }) == ErrorKind::not_found);
  Ticket t = w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  CHECK(t.state == State::assigned);
  CHECK(t.handler == "yang.fan");
  CHECK(t.feedback->due == D("2026-10-16"));  // unchanged: 10 WD from 09-28 over National Day
}

TEST_CASE("route --dept: forward a misdirected ticket; the feedback clock is unchanged") {
  World w;
  auto id = routed_ticket(w);
  Ticket before = w.get(id);
  w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  Ticket t = w.forward("wang.qiang", "2026-09-29T14:00", id, "market");
  CHECK(t.state == State::routed);
  CHECK(t.to_dept == "market");
  CHECK_FALSE(t.handler);
  CHECK(t.feedback->due == before.feedback->due);
  CHECK(t.feedback->dept == "market");
  // Now the market lead owns it; logistics no longer may route it.
  CHECK(error_of([&] { w.assign("wang.qiang", "2026-09-29", id, "yang.fan"); }) == ErrorKind::not_found);
  CHECK(w.assign("zhang.wei", "2026-09-29", id, "li.na").state == State::assigned);
}

TEST_CASE("close: the handler or the receiving lead; handled") {
  World w;
  auto id = routed_ticket(w);
  CHECK(error_of([&] { w.close("yang.fan", "2026-09-29", id); }) == ErrorKind::conflict);  // not yet assigned
  w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  CHECK(error_of([&] { w.close("li.na", "2026-09-29", id); }) == ErrorKind::permission);
  Ticket t = w.close("yang.fan", "2026-09-30", id);
  CHECK(t.state == State::handled);
  CHECK(t.result == "已处理");
}

TEST_CASE("confirm: receiving lead; answered; feedback done; review due 1 WD later") {
  World w;
  auto id = routed_ticket(w);
  w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  w.close("yang.fan", "2026-09-30", id);
  CHECK(error_of([&] { w.confirm("yang.fan", "2026-09-30", id); }) == ErrorKind::permission);
  Ticket t = w.confirm("wang.qiang", "2026-09-30", id);
  CHECK(t.state == State::answered);
  CHECK(t.feedback->outcome == "answered");
  CHECK(t.review->due == D("2026-10-08"));  // the day after is National Day
}

TEST_CASE("route --to on a handled ticket sends it back to a handler, with a reason") {
  World w;
  auto id = routed_ticket(w);
  w.assign("wang.qiang", "2026-09-29", id, "yang.fan");
  w.close("yang.fan", "2026-09-30", id);
  CHECK(error_of([&] { w.assign("wang.qiang", "2026-09-30", id, "yang.fan"); }) == ErrorKind::usage);  // no reason
  Ticket t = w.assign("wang.qiang", "2026-09-30", id, "yang.fan", std::string("照片不清楚, 重拍"));
  CHECK(t.state == State::assigned);
}

TEST_CASE("rate: sending lead; done; each rating") {
  for (auto rating : {Rating::satisfied, Rating::fair, Rating::unsatisfied}) {
    World w;
    auto id = answered_ticket(w);
    CHECK(error_of([&] { w.rate("wang.qiang", "2026-10-08", id, rating); }) == ErrorKind::permission);
    CHECK(error_of([&] { w.rate("lin.xiuying", "2026-10-08", id, rating); }) == ErrorKind::permission);
    Ticket t = w.rate("zhang.wei", "2026-10-08", id, rating);
    CHECK(t.state == State::done);
    CHECK(t.rating == rating);
    CHECK(t.review->outcome == to_string(rating));
    CHECK(t.overdue_stages(D("2026-10-08"), Instant{}).empty());
  }
}

TEST_CASE("reset by the sending lead: routed, review ends, feedback due by the reset rule") {
  World w;
  auto id = answered_ticket(w);
  CHECK(error_of([&] { w.reset("wang.qiang", "2026-09-30T16:00", id); }) == ErrorKind::permission);
  Ticket t = w.reset("zhang.wei", "2026-09-30T16:00", id);
  CHECK(t.state == State::routed);
  CHECK(t.resets == 1);
  CHECK_FALSE(t.handler);
  CHECK_FALSE(t.review);
  CHECK(t.feedback->rule == StageRule::reset);
  CHECK(t.feedback->due == D("2026-10-09"));  // SPEC 4 example 3: normal reset on 09-30 -> 2 WD
  // The finished review stage was stored, as reset.
  auto stages = w.store.ticket_stages(id);
  REQUIRE(stages.size() == 4);
  CHECK(stages[2].kind == StageKind::review);
  CHECK(stages[2].outcome == "reset");
  CHECK(stages[3].kind == StageKind::feedback);
}

TEST_CASE("reset after rating: supervisor only, marked for the scoring penalty") {
  World w;
  auto id = answered_ticket(w);
  w.rate("zhang.wei", "2026-10-08", id, Rating::satisfied);
  CHECK(error_of([&] { w.reset("zhang.wei", "2026-10-09", id); }) == ErrorKind::permission);
  Ticket t = w.reset("lin.xiuying", "2026-10-09", id);
  CHECK(t.state == State::routed);
  CHECK_FALSE(t.rating);
  CHECK(t.feedback->rule == StageRule::reset_after_rating);
}

TEST_CASE("reset by the supervisor before rating is not the after-rating penalty") {
  World w;
  auto id = answered_ticket(w);
  Ticket t = w.reset("lin.xiuying", "2026-10-08", id);
  CHECK(t.feedback->rule == StageRule::reset_by_supervisor);
}

TEST_CASE("escalate: supervisor; same state; calendar days replace the feedback due, no postponement") {
  World w;
  auto id = routed_ticket(w);
  CHECK(error_of([&] { w.escalate("zhang.wei", "2026-09-30", id); }) == ErrorKind::permission);
  Ticket t = w.escalate("lin.xiuying", "2026-09-30", id);
  CHECK(t.state == State::routed);
  CHECK(t.escalated);
  CHECK(t.feedback->escalated_due == D("2026-10-02"));  // SPEC 4 example 3: normal, 2 calendar days
  CHECK(t.feedback->current_due() == D("2026-10-02"));
  CHECK(t.feedback->due == D("2026-10-16"));  // the original stays for scoring
  CHECK(error_of([&] { w.escalate("lin.xiuying", "2026-09-30", id); }) == ErrorKind::conflict);
  // Late against the escalation on 10-08 even though the original due is later.
  CHECK(t.overdue_stages(D("2026-10-08"), Instant{}) == std::vector<std::string>{"feedback"});
  // Escalation is refused before approval and after the answer.
  auto pending = w.file("li.na", "2026-09-30", "delivery-late");
  CHECK(error_of([&] { w.escalate("lin.xiuying", "2026-09-30", pending); }) == ErrorKind::conflict);
  auto answered = answered_ticket(w);
  CHECK(error_of([&] { w.escalate("lin.xiuying", "2026-09-30", answered); }) == ErrorKind::conflict);
}

TEST_CASE("explain: receiving lead, once, while the feedback is open") {
  World w;
  auto id = routed_ticket(w);
  CHECK(error_of([&] { w.explain("zhang.wei", "2026-09-30", id); }) == ErrorKind::permission);
  Ticket t = w.explain("wang.qiang", "2026-09-30", id);
  CHECK(t.state == State::routed);
  CHECK(t.feedback->explained_at);
  CHECK(error_of([&] { w.explain("wang.qiang", "2026-09-30", id); }) == ErrorKind::conflict);
  auto answered = answered_ticket(w);
  CHECK(error_of([&] { w.explain("wang.qiang", "2026-10-01", answered); }) == ErrorKind::conflict);
}

TEST_CASE("spec 4 example 2 end to end: major approved Fri 2026-09-18 is due 2026-10-09") {
  World w(replace(kMiniPolicy, "severity = \"major\"\nfilers = [\"customer-manager\", \"delivery\"]\nto = \"market\"",
                  "severity = \"major\"\nfilers = [\"customer-manager\", \"delivery\"]\nto = \"logistics\""));
  auto id = w.file("li.na", "2026-09-18", "virtual-customer");
  Ticket t = w.approve("zhang.wei", "2026-09-18T11:00", id);
  CHECK(t.feedback->due == D("2026-10-09"));
}

TEST_CASE("review due over a make-up Saturday: confirmed Fri 2026-02-13 -> 2026-02-14") {
  World w(
      replace(kMiniPolicy, "workdays = [2026-09-20, 2026-10-10]", "workdays = [2026-02-14, 2026-09-20, 2026-10-10]"));
  auto id = w.file("li.na", "2026-02-09", "delivery-late");
  w.approve("zhang.wei", "2026-02-09", id);
  w.assign("wang.qiang", "2026-02-10", id, "yang.fan");
  w.close("yang.fan", "2026-02-12", id);
  Ticket t = w.confirm("wang.qiang", "2026-02-13T17:00", id);
  CHECK(t.review->due == D("2026-02-14"));
}

TEST_CASE("visibility: own departments only; supervisors and admins see all") {
  World w;
  auto id = w.file("li.na", "2026-09-28", "delivery-late");
  auto admin = w.as("gao.feng", "2026-09-28");
  CHECK(visible_ticket(admin, id).id == id);
  auto sup = w.as("lin.xiuying", "2026-09-28");
  CHECK(visible_ticket(sup, id).id == id);
  auto logistics = w.as("yang.fan", "2026-09-28");
  CHECK(visible_ticket(logistics, id).id == id);  // receiving department
  World other(kMiniPolicy +
              "\n[[departments]]\ncode = \"phone\"\nname = \"电访中心\"\nkind = \"front\"\nleads = [\"chen.jing\"]\n"
              "\n[[people]]\nid = \"chen.jing\"\nname = \"陈静\"\ndepartment = \"phone\"\nroles = [\"lead\"]\n");
  auto id2 = other.file("li.na", "2026-09-28", "delivery-late");
  auto phone = other.as("chen.jing", "2026-09-28");
  CHECK(error_of([&] { visible_ticket(phone, id2); }) == ErrorKind::not_found);
  CHECK(list_visible(phone, {}).empty());
  CHECK(list_visible(phone, {}).size() == 0);
}

TEST_CASE("every accepted verb appends exactly one event; refusals append none; the chain verifies") {
  World w;
  auto id = answered_ticket(w);
  CHECK(event_count(w, id) == 5);  // file, approve, route, close, confirm
  CHECK(error_of([&] { w.rate("li.na", "2026-10-08", id, Rating::fair); }) == ErrorKind::permission);
  CHECK(event_count(w, id) == 5);
  w.rate("zhang.wei", "2026-10-08", id, Rating::fair);
  CHECK(event_count(w, id) == 6);
  auto r = w.store.verify_audit();
  CHECK(r.ok);
  CHECK(r.tickets_checked == 1);
}

TEST_CASE("audit verify catches a ticket row changed behind linkctl's back") {
  World w;
  auto id = answered_ticket(w);
  tamper(w.store, "UPDATE tickets SET state = 'done' WHERE id = " + std::to_string(id));
  auto r = w.store.verify_audit();
  CHECK_FALSE(r.ok);
  CHECK(r.problem.find("ticket 1 is 'done'") != std::string::npos);
}

TEST_CASE("inbox: what waits on me, overdue first, then escalated, then by due date") {
  World w;
  // Three routed tickets for logistics: a is overdue, b escalated (not overdue), c neither.
  auto a = w.file("li.na", "2026-09-01", "delivery-late", "a");
  w.approve("zhang.wei", "2026-09-01", a);  // 10 WD -> 09-15
  auto c = w.file("li.na", "2026-09-28", "delivery-late", "c");
  w.approve("zhang.wei", "2026-09-28", c);  // -> 10-16
  auto b = w.file("li.na", "2026-09-29", "delivery-late", "b");
  w.approve("zhang.wei", "2026-09-29", b);     // -> 10-19
  w.escalate("lin.xiuying", "2026-09-30", b);  // -> 10-02
  auto s = w.as("wang.qiang", "2026-09-30");
  auto rows = inbox(s);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == a);
  CHECK(rows[1].id == b);
  CHECK(rows[2].id == c);
  // The filer has nothing waiting; the sending lead has nothing either (all routed).
  auto filer = w.as("li.na", "2026-09-30");
  CHECK(inbox(filer).empty());
  // The supervisor sees what is overdue and not yet escalated.
  auto sup = w.as("lin.xiuying", "2026-09-30");
  auto pressed = inbox(sup);
  REQUIRE(pressed.size() == 1);
  CHECK(pressed[0].id == a);
}

TEST_CASE("list filters") {
  World w;
  auto a = w.file("li.na", "2026-09-01", "delivery-late", "a");
  w.approve("zhang.wei", "2026-09-01", a);
  auto b = w.file("li.na", "2026-09-28", "shop-moved", "b");
  auto s = w.as("lin.xiuying", "2026-09-30");
  TicketFilter f;
  f.states = {State::pending};
  CHECK(list_visible(s, f).size() == 1);
  CHECK(list_visible(s, f)[0].id == b);
  f = {};
  f.to_dept = "logistics";
  CHECK(list_visible(s, f).size() == 1);
  f = {};
  f.overdue_only = true;
  auto late = list_visible(s, f);  // a: feedback due 09-15; b: approval due 09-28
  CHECK(late.size() == 2);
  f = {};
  f.severity = Severity::urgent;
  CHECK(list_visible(s, f).size() == 1);
  f = {};
  f.filed_from = w.policy->organization.timezone.from_local(D("2026-09-02"), std::chrono::seconds(0));
  CHECK(list_visible(s, f).size() == 1);
}

TEST_CASE("audit verify catches edited ticket columns, edited stages and a removed trailing event") {
  World w;
  auto id = answered_ticket(w);
  w.comment("li.na", "2026-10-08", id);
  REQUIRE(audit_database(w.store, {}).ok);
  SUBCASE("a column other than the state") { tamper(w.store, "UPDATE tickets SET title = '改过' WHERE id = 1"); }
  SUBCASE("a stage's due date") {
    tamper(w.store, "UPDATE stages SET due = '2026-12-31' WHERE ticket_id = 1 AND kind = 'feedback'");
  }
  SUBCASE("the last event, a comment that changed no state") {
    tamper(w.store, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)");
  }
  SUBCASE("a spot check row without its event") {
    tamper(w.store,
           "INSERT INTO spotchecks (ticket_id, finding, dept, at, on_date, by_person) VALUES (1, 'fake', 'logistics', "
           "'2026-10-09T01:00:00Z', '2026-10-09', 'lin.xiuying')");
  }
  CHECK_FALSE(audit_database(w.store, {}).ok);
}

TEST_CASE("an escalation's due date replaces the lapsed one for display; scoring keeps the lapse") {
  World w;
  auto id = w.file("li.na", "2026-09-14", "delivery-late");
  w.approve("zhang.wei", "2026-09-14", id);  // 10 WD -> 09-28 (09-20 is a make-up Sunday, 09-25..27 off)
  CHECK(w.get(id).feedback->due == D("2026-09-28"));
  CHECK(w.get(id).overdue_stages(D("2026-09-30"), Instant{}) == std::vector<std::string>{"feedback"});
  Ticket t = w.escalate("lin.xiuying", "2026-09-30", id);
  CHECK(t.feedback->escalated_due == D("2026-10-02"));
  CHECK(t.overdue_stages(D("2026-10-01"), Instant{}).empty());
  CHECK(t.overdue_stages(D("2026-10-02"), Instant{}).empty());
  CHECK(t.overdue_stages(D("2026-10-03"), Instant{}) == std::vector<std::string>{"feedback"});
}

TEST_CASE("decide_then_lock: decided before the lock stands; a write in between makes it decide again") {
  World w;
  auto s = w.as("li.na", "2026-09-28");
  auto count = [&] { return w.store.list_tickets({}).size(); };
  int calls = 0;
  {
    auto [tx, n] = decide_then_lock(s, [&] {
      ++calls;
      return count();
    });
    CHECK(calls == 1);  // nothing was written meanwhile: decided once, outside the lock
    CHECK(n == 0);
  }
  calls = 0;
  FileRequest r;
  r.category = "delivery-late";
  r.title = "在决定和加锁之间";
  auto [tx, n] = decide_then_lock(s, [&] {
    // Another writer commits while this one decides (the first time only).
    if (++calls == 1) linkctl::file(s, r);
    return count();
  });
  CHECK(calls == 2);  // the chain head moved: decided again under the lock
  CHECK(n == 1);      // and the second decision saw the new ticket
  tx.commit();
}
