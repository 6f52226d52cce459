// SPDX-License-Identifier: MIT
#pragma once
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "default_policy.hpp"
#include "migrations.hpp"
#include "policy.hpp"
#include "store.hpp"

namespace linkctl::test {

/// A small policy: two front departments, a back one, the office; identity "declared".
inline const std::string kMiniPolicy = R"(
[organization]
name = "测试局"
timezone = "Asia/Shanghai"
allow_clock_override = true
identity = "declared"

[calendar]
holidays = [2026-09-25, 2026-09-26, 2026-09-27, 2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07]
workdays = [2026-09-20, 2026-10-10]

[deadlines]
approval = 0
feedback = { major = 10, urgent = 3, normal = 5 }
review = 1
escalated = { major = 3, urgent = 1, normal = 2, calendar_days = true }
reset = { major = 3, urgent = 1, normal = 2 }

[[departments]]
code = "market"
name = "市场部"
kind = "front"
leads = ["zhang.wei"]

[[departments]]
code = "logistics"
name = "物流中心"
kind = "front"
leads = ["wang.qiang"]

[[departments]]
code = "office"
name = "企管办"
kind = "office"
leads = ["lin.xiuying"]

[[people]]
id = "zhang.wei"
name = "张伟"
department = "market"
roles = ["lead"]

[[people]]
id = "li.na"
name = "李娜"
department = "market"
roles = ["filer:customer-manager", "handler"]

[[people]]
id = "wang.qiang"
name = "王强"
department = "logistics"
roles = ["lead"]

[[people]]
id = "yang.fan"
name = "杨帆"
department = "logistics"
roles = ["filer:delivery", "handler"]

[[people]]
id = "lin.xiuying"
name = "林秀英"
department = "office"
roles = ["supervisor"]

[[people]]
id = "gao.feng"
name = "高峰"
department = "office"
roles = ["admin"]

[[categories]]
code = "delivery-late"
name = "送货员送货不到户不及时"
severity = "normal"
filers = ["customer-manager"]
to = "logistics"
feedback = { normal = 10 }

[[categories]]
code = "virtual-customer"
name = "存在虚拟客户"
severity = "major"
filers = ["customer-manager", "delivery"]
to = "market"

[[categories]]
code = "shop-moved"
name = "客户店面已搬迁或转让"
severity = "urgent"
filers = ["customer-manager", "delivery"]
to = "market"
)";

/// kMiniPolicy with a finance department, a general manager and a category
/// "purchase" signed in three levels (SPEC section 11).
inline const std::string kChainPolicy = kMiniPolicy + R"(
[[categories]]
code = "purchase"
name = "采购申请"
severity = "normal"
filers = ["customer-manager"]
to = "logistics"
chain = "purchase"

[[departments]]
code = "finance"
name = "财务部"
kind = "back"
leads = ["qian.li"]

[[departments]]
code = "gm"
name = "总经理办公室"
kind = "back"
leads = ["chen.zong"]

[[people]]
id = "qian.li"
name = "钱丽"
department = "finance"
roles = ["lead"]

[[people]]
id = "chen.zong"
name = "陈总"
department = "gm"
roles = ["lead"]

[[approval_chains]]
code = "purchase"
name = "采购三级审批"
levels = [
  { name = "部门负责人", approver = "sending-lead" },
  { name = "财务部审核", approver = "dept:finance", days = 2 },
  { name = "总经理签批", approver = "person:chen.zong", days = { major = 1, urgent = 0, normal = 2 } },
]
)";

inline Date D(const char* s) { return *parse_date(s); }

/// `hour` o'clock (10:00 unless told) in Shanghai on `date`.
inline Instant at(const char* date, int hour = 10) { return Instant(D(date)) + std::chrono::hours(hour - 8); }

/// A stage as the scoring and statistics tests build them: started at 10:00 on `start`.
inline Stage stage(StageKind kind, StageRule rule, const char* dept, const char* start, const char* due) {
  Stage s;
  s.id = 1;
  s.kind = kind;
  s.rule = rule;
  s.dept = dept;
  s.started_at = at(start);
  s.start_date = D(start);
  s.due = D(due);
  return s;
}

/// Finishes `s` on `on` at `hour` o'clock with `outcome`.
inline Stage& finish(Stage& s, const char* on, std::string outcome, int hour = 10) {
  s.finished_at = at(on, hour);
  s.finished_on = D(on);
  s.outcome = std::move(outcome);
  return s;
}

/// The 1-based line of the first occurrence of `needle` in `text`.
inline unsigned line_of(const std::string& text, const std::string& needle) {
  auto pos = text.find(needle);
  REQUIRE(pos != std::string::npos);
  return 1 + static_cast<unsigned>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

/// A directory of its own under $TMPDIR, removed with everything in it at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "linkctl-test.XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

/// Loads a policy that must be valid.
inline std::shared_ptr<const Policy> load_ok(const std::string& text, Date today = D("2026-11-22")) {
  auto r = load_policy(text, "test.toml", today);
  for (const auto& d : r.diagnostics)
    if (d.error) FAIL_CHECK(d.str());
  REQUIRE(r.ok());
  return r.policy;
}

/// The built-in policy (examples/four-roles.toml).
inline std::shared_ptr<const Policy> builtin() { return load_ok(std::string(default_policy())); }

/// Replaces the first occurrence of `from` in `text`.
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "test policy has no '" << from << "'");
  return text.replace(pos, from.size(), to);
}

/// Changes rows behind linkctl's back (as a forger would), on either engine.
inline void tamper(Store& store, const std::string& sql) {
  auto tx = store.begin_write();
  store.connection().execute(sql);
  tx.commit();
}

/// A new, empty store with the current schema: in memory (SQLite), or, when
/// LINKCTL_TEST_PG_URI names a PostgreSQL database (tests/pg/unit.sh), that database
/// emptied and created afresh, so the same tests check both engines.
inline Store fresh_store() {
  const char* uri = std::getenv("LINKCTL_TEST_PG_URI");
  if (!uri || !*uri) return Store::memory();
  try {
    Store old = Store::open(uri);
    auto tx = old.begin_write();
    old.connection().execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    tx.commit();
  } catch (const Error& e) {
    // Empty already (the first store of the run): "no linkctl database".
    REQUIRE_MESSAGE(std::string(e.what()).find("no linkctl database") != std::string::npos, e.what());
  }
  Store::create(uri, [](Store&) {});
  return Store::open(uri);
}

}  // namespace linkctl::test
