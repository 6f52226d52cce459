// SPDX-License-Identifier: MIT
#include "audit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "hash.hpp"
#include "i18n.hpp"

namespace linkctl {

std::optional<Anchor> parse_anchor(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 18) return std::nullopt;
  std::int64_t id = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  auto hash = text.substr(colon + 1);
  if (id == 0 || hash.size() != 64) return std::nullopt;
  for (char c : hash)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  return Anchor{id, std::string(hash)};
}

std::string format_anchor(const Anchor& a) { return fmt::format("{}:{}", a.event, a.hash); }

bool writes_rows(std::string_view verb) {
  return verb == "init" || verb == "policy.apply" || verb == "report.freeze" || verb == "spotcheck" ||
         verb == "overdue.announce";
}

namespace {

using json = nlohmann::ordered_json;

std::string text_of(const json& changes, const char* key) {
  if (!changes.is_object()) return {};
  auto it = changes.find(key);
  return it != changes.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool has(const json& changes, const char* key) { return changes.is_object() && changes.contains(key); }

// ---- policy versions ----------------------------------------------------------

void check_policies(AuditResult& r, const std::vector<PolicyVersion>& rows) {
  std::map<std::int64_t, const Event*> applied;  // by the version each event applied
  for (const auto& e : r.row_events) {
    if (e.verb != "init" && e.verb != "policy.apply") continue;
    if (applied.count(e.policy_version))
      return r.fail(e.id, trf("event {} applies policy v{} again (event {} applied it); events were forged", e.id,
                              e.policy_version, applied[e.policy_version]->id));
    applied[e.policy_version] = &e;
  }
  std::map<std::int64_t, bool> seen;
  for (const auto& v : rows) {
    seen[v.version] = true;
    auto it = applied.find(v.version);
    if (it == applied.end())
      return r.fail(std::nullopt,
                    trf("policy v{} was applied by no event; it was inserted outside linkctl", v.version));
    const Event& e = *it->second;
    auto wrong = [&](std::string_view what) {
      r.fail(e.id, trf("policy v{}'s {} is not what event {} applied; the policy was changed outside linkctl",
                       v.version, what, e.id));
    };
    if (sha256_hex(v.text) != v.sha256)
      return r.fail(
          e.id, trf("policy v{}'s text does not match its SHA-256; the policy was changed outside linkctl", v.version));
    if (text_of(e.changes, "sha256") != v.sha256) return wrong(_("text (SHA-256)"));
    if (v.applied_by != e.actor) return wrong("applied_by");
    if (v.source != e.note.value_or("")) return wrong("source");
    bool sealed = has(e.changes, "compiled_sha256");
    auto applied_at = parse_utc_instant(v.applied_at);
    // Releases before 0.2 read the clock twice while applying, a second apart at most.
    auto drift = sealed ? std::chrono::seconds(0) : std::chrono::seconds(2);
    if (!applied_at || *applied_at < e.at - drift || *applied_at > e.at + drift) return wrong("applied_at");
    if (sealed && (!v.compiled || sha256_hex(*v.compiled) != text_of(e.changes, "compiled_sha256")))
      return wrong(_("compiled snapshot"));
  }
  for (const auto& [version, e] : applied)
    if (!seen.count(version))
      return r.fail(
          e->id, trf("event {} applied policy v{}, which is missing; it was removed outside linkctl", e->id, version));
}

// ---- frozen reports -------------------------------------------------------------

void check_frozen(AuditResult& r, const std::vector<FrozenReport>& rows) {
  std::map<std::string, const Event*> froze;
  for (const auto& e : r.row_events)
    if (e.verb == "report.freeze") froze[text_of(e.changes, "month")] = &e;
  for (const auto& f : rows) {
    auto it = froze.find(f.month);
    if (it == froze.end())
      return r.fail(std::nullopt,
                    trf("the frozen report of {} was frozen by no event; it was inserted outside linkctl", f.month));
    const Event& e = *it->second;
    auto wrong = [&](std::string_view what) {
      r.fail(e.id, trf("the frozen report of {} differs from what event {} froze ({}); it was changed outside linkctl",
                       f.month, e.id, what));
    };
    if (sha256_hex(f.report) != text_of(e.changes, "report_sha256")) return wrong(_("its scores"));
    if (f.calendar_sha256 != text_of(e.changes, "calendar_sha256")) return wrong(_("its calendar"));
    if (f.frozen_at != format_instant(e.at) || f.frozen_by != e.actor) return wrong(_("when or by whom"));
    if (f.policy_version != e.policy_version) return wrong(_("its policy version"));
    froze.erase(it);
  }
  if (!froze.empty()) {
    const Event& e = *froze.begin()->second;
    r.fail(e.id, trf("event {} froze the report of {}, which is missing; it was removed outside linkctl", e.id,
                     froze.begin()->first));
  }
}

// ---- spot checks ------------------------------------------------------------------

void check_spotchecks(AuditResult& r, const std::vector<SpotcheckRow>& rows, const LocalDateOf& local_date) {
  // Each spot check is inserted with its event, in the same order.
  std::size_t i = 0;
  for (const auto& e : r.row_events) {
    if (e.verb != "spotcheck") continue;
    if (i == rows.size())
      return r.fail(e.id,
                    trf("event {} recorded a spot check of ticket {}, which is missing; it was removed outside linkctl",
                        e.id, e.ticket_id.value_or(0)));
    const SpotcheckRow& c = rows[i++];
    auto wrong = [&](std::string_view what) {
      r.fail(e.id,
             trf("spot check {} of ticket {} differs from what event {} recorded ({}); it was changed outside linkctl",
                 c.id, c.ticket_id, e.id, what));
    };
    if (c.ticket_id != e.ticket_id.value_or(0)) return wrong(_("the ticket"));
    if (c.finding != text_of(e.changes, "finding")) return wrong(_("the finding"));
    if (c.dept != text_of(e.changes, "dept")) return wrong(_("the department"));
    if (c.at != format_instant(e.at) || c.by_person != e.actor) return wrong(_("when or by whom"));
    if (c.note != e.note) return wrong(_("the note"));
    std::optional<std::string> on =
        has(e.changes, "on_date") ? std::optional(text_of(e.changes, "on_date")) : std::nullopt;
    if (!on)
      if (auto d = local_date(e.policy_version, e.at)) on = format_date(*d);
    if (on && c.on_date != *on) return wrong(_("the date it counts in"));
  }
  if (i < rows.size())
    r.fail(std::nullopt, trf("spot check {} of ticket {} was recorded by no event; it was inserted outside linkctl",
                             rows[i].id, rows[i].ticket_id));
}

// ---- announced lapses --------------------------------------------------------------

struct Announced {
  std::int64_t ticket = 0;
  std::string kind, due, recipient, at;
  std::optional<std::int64_t> stage;  ///< recorded by events from release 0.2 on
  std::int64_t event = 0;             ///< 0 for a row
  auto key() const { return std::tie(ticket, kind, due, recipient, at); }
  bool operator<(const Announced& o) const { return key() < o.key(); }
  std::string describe() const {
    return recipient.empty()
               ? trf("ticket {}'s {} lapse due {} (announced {})", ticket, kind, due, at)
               : trf("ticket {}'s {} lapse due {} (announced {} to {})", ticket, kind, due, at, recipient);
  }
};

void check_lapses(AuditResult& r, const std::vector<LapseRow>& rows) {
  std::vector<Announced> told, stored;
  for (const auto& e : r.row_events) {
    if (e.verb != "overdue.announce" || !e.changes.is_object() || !e.changes.contains("lapses")) continue;
    for (const auto& l : e.changes["lapses"]) {
      // [ticket, kind, due] before release 0.2 (announced to everyone); [ticket, kind, due, stage] since, to the actor.
      if (!l.is_array() || l.size() < 3 || !l[0].is_number_integer() || !l[1].is_string() || !l[2].is_string())
        continue;
      Announced a{l[0].get<std::int64_t>(),
                  l[1].get<std::string>(),
                  l[2].get<std::string>(),
                  "",
                  format_instant(e.at),
                  std::nullopt,
                  e.id};
      if (l.size() >= 4 && l[3].is_number_integer()) a.recipient = e.actor, a.stage = l[3].get<std::int64_t>();
      told.push_back(std::move(a));
    }
  }
  for (const auto& l : rows)
    stored.push_back({l.ticket_id.value_or(0), l.kind, l.due, l.recipient, l.announced_at, l.stage_id, 0});
  std::stable_sort(told.begin(), told.end());
  std::stable_sort(stored.begin(), stored.end());
  std::size_t i = 0, j = 0;
  while (i < told.size() || j < stored.size()) {
    if (j == stored.size() || (i < told.size() && told[i] < stored[j]))
      return r.fail(told[i].event,
                    trf("event {} announced {}, which is not stored; the announcement was removed or changed "
                        "outside linkctl",
                        told[i].event, told[i].describe()));
    if (i == told.size() || stored[j] < told[i])
      return r.fail(std::nullopt,
                    trf("the announced lapse of stage {}, {}, was announced by no event; it was inserted or "
                        "changed outside linkctl",
                        *stored[j].stage, stored[j].describe()));
    if (told[i].stage && told[i].stage != stored[j].stage)
      return r.fail(told[i].event,
                    trf("event {} announced {} of stage {}, but the row names stage {}; it was changed outside "
                        "linkctl",
                        told[i].event, told[i].describe(), *told[i].stage, *stored[j].stage));
    ++i, ++j;
  }
}

}  // namespace

void check_rows(AuditResult& r, const AuditRows& rows, const LocalDateOf& local_date) {
  if (r.ok) check_policies(r, rows.policies);
  if (r.ok) check_frozen(r, rows.frozen);
  if (r.ok) check_spotchecks(r, rows.spotchecks, local_date);
  if (r.ok) check_lapses(r, rows.lapses);
}

}  // namespace linkctl
