// SPDX-License-Identifier: MIT
// Benchmark data: a database of N tickets spread over 2026 in every state, made
// through the library (the same rules, stages and hash-chained events as the
// CLI), in large transactions.
// Usage: linkctl_bench_gen DB N [POLICY.toml]
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

#include "admin.hpp"
#include "default_policy.hpp"
#include "lifecycle.hpp"
#include "policy_view.hpp"

using namespace linkctl;

namespace {

struct Step {
  Store& store;
  const Policy& policy;
  Ticket t;
  void apply(const Outcome& o) {
    Outcome out = o;
    for (auto& stage : out.retired) store.save_stage(t.id, stage);
    store.update_ticket(t, out.after);
    store.append_event(out.event, 1);
    t = out.after;
  }
};

Moment at(const Policy& p, Date day, int minute) {
  Instant now = p.organization.timezone.from_local(day, std::chrono::hours(9) + std::chrono::minutes(minute));
  return {now, day, now, true};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB N [POLICY]\n", argv[0]);
    return 2;
  }
  std::string text(default_policy());
  if (argc > 3) {
    std::ifstream in(argv[3]);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto load = load_policy(text, "bench", Date{});
  if (!load.ok()) return 6;
  const Policy& p = *load.policy;
  long n = std::atol(argv[2]);
  FixedClock clock(p.organization.timezone.from_local(*parse_date("2026-01-01"), std::chrono::hours(8)));
  init_database(argv[1], p, "bench", clock, {{"bench", true}, std::string("gao.feng")});
  Store store = Store::open(argv[1]);
  // Filers and what they may file, with the people who act on each department.
  struct Filer {
    const Person* who;
    std::vector<const Category*> cats;
  };
  std::vector<Filer> filers;
  for (const auto& person : p.people) {
    if (person.filer_kinds.empty()) continue;
    Filer f{&person, {}};
    for (const auto& c : p.categories)
      for (const auto& k : c.filers)
        if (person.filer_kinds.count(k)) f.cats.push_back(&c);
    filers.push_back(f);
  }
  auto lead_of = [&](const std::string& dept) { return p.person(p.department(dept)->leads.front()); };
  auto handler_of = [&](const std::string& dept, long i) {
    std::vector<const Person*> hs;
    for (const auto& x : p.people)
      if (x.department == dept && x.handler) hs.push_back(&x);
    return hs.empty() ? lead_of(dept) : hs[static_cast<std::size_t>(i) % hs.size()];
  };
  const Person* supervisor = nullptr;
  for (const auto& x : p.people)
    if (x.supervisor) supervisor = &x;
  Date first = *parse_date("2026-01-05");
  std::optional<Store::WriteTx> tx(store.begin_write());
  for (long i = 0; i < n; ++i) {
    const Filer& f = filers[static_cast<std::size_t>(i) % filers.size()];
    const Category* cat = f.cats[static_cast<std::size_t>(i / 7) % f.cats.size()];
    // Spread over the year's working days; the last weeks stay open.
    Date day = first + std::chrono::days((i * 353) / std::max(n, 1L));
    while (!p.calendar.is_workday(day)) day += std::chrono::days(1);
    FileRequest r{cat->code,   fmt::format("基准工单 {}", i), "benchmark", std::nullopt, std::nullopt, std::nullopt,
                  std::nullopt};
    Outcome filed = file_ticket(p, Actor{f.who, std::nullopt}, at(p, day, 0), r);
    store.insert_ticket(filed.after);
    filed.event.ticket_id = filed.after.id;
    filed.event.ticket_digest = Store::digest_of_new(filed.after);
    store.append_event(filed.event, 1);
    Step s{store, p, filed.after};
    long shape = i % 20;  // 5% pending, 5% rejected, the rest moving on
    if (shape == 0) continue;
    const Person* sender = lead_of(s.t.from_dept);
    if (shape == 1) {
      s.apply(reject(p, Actor{sender, std::nullopt}, at(p, day, 30), s.t, "重复"));
      continue;
    }
    Date d = day + std::chrono::days(shape == 2 ? 1 : 0);
    s.apply(approve(p, Actor{sender, std::nullopt}, at(p, d, 60), s.t, {}));
    if (shape == 3) continue;  // routed
    const Person* lead = lead_of(s.t.to_dept);
    const Person* handler = handler_of(s.t.to_dept, i);
    s.apply(route(p, Actor{lead, std::nullopt}, at(p, d, 90), s.t, {handler->id, std::nullopt, std::nullopt}));
    if (shape == 4 && supervisor)
      s.apply(escalate(p, Actor{supervisor, std::nullopt}, at(p, d, 100), s.t, std::nullopt));
    if (shape == 5) continue;  // assigned
    Date done = d + std::chrono::days(1 + shape % 9);
    s.apply(close(p, Actor{handler, std::nullopt}, at(p, done, 0), s.t, "已处理"));
    if (shape == 6) continue;  // handled
    s.apply(confirm(p, Actor{lead, std::nullopt}, at(p, done, 30), s.t, std::nullopt));
    if (shape == 7) continue;  // answered
    Date rated = done + std::chrono::days(1 + shape % 2);
    Rating rating = shape % 5 == 0 ? Rating::unsatisfied : shape % 3 == 0 ? Rating::fair : Rating::satisfied;
    s.apply(rate(p, Actor{sender, std::nullopt}, at(p, rated, 0), s.t, rating, std::nullopt));
    if (i % 1000 == 999) {  // commit in batches
      tx->commit();
      tx.emplace(store.begin_write());
    }
  }
  tx->commit();
  if (!std::string_view(argv[1]).starts_with("postgres")) {
    auto pragma = store.begin_write();
    store.connection().execute("PRAGMA optimize");
    pragma.commit();
  }
  std::printf("%ld tickets\n", n);
  return 0;
}
