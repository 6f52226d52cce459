// SPDX-License-Identifier: MIT
#include "transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "csv.hpp"
#include "error.hpp"
#include "json_row.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

namespace {

const std::vector<std::string> kRequired = {"filer", "category", "title"};
const std::vector<std::string> kOptional = {"body", "severity", "to", "ref", "filed_at"};

}  // namespace

ImportResult import_csv(Session& s, std::string_view text, const std::string& source) {
  const Person& admin = *s.actor.person;
  authorize(admin, OfficeVerb::import_tickets);
  auto records = parse_csv(text, source);
  if (records.empty())
    throw Error(ErrorKind::invalid,
                fmt::format("{}:1: the file is empty; the first line must name the columns, e.g. filer,category,title",
                            source));
  if (records.size() - 1 > kMaxImportRows)
    throw Error(ErrorKind::invalid,
                fmt::format("{}: {} rows; import at most {} at a time", source, records.size() - 1, kMaxImportRows));
  // Map the header to columns.
  std::map<std::string, std::size_t> col;
  const auto& header = records.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    bool known = std::find(kExportColumns.begin(), kExportColumns.end(), name) != kExportColumns.end();
    if (!known)
      throw Error(
          ErrorKind::invalid,
          fmt::format("{}:{}: unknown column '{}'; use filer, category, title, body, severity, to, ref, filed_at",
                      source, header.line, name));
    if (col.count(name))
      throw Error(ErrorKind::invalid, fmt::format("{}:{}: column '{}' appears twice", source, header.line, name));
    col[name] = i;
  }
  for (const auto& name : kRequired)
    if (!col.count(name))
      throw Error(ErrorKind::invalid,
                  fmt::format("{}:{}: the header lacks the required column '{}' (required: filer, category, title)",
                              source, header.line, name));

  // One write transaction from the first check to the last insert: all rows or none.
  auto tx = begin_write(s);
  auto m = s.moment();
  ImportResult result;
  std::vector<Outcome> outcomes;
  std::map<std::string, std::size_t> refs_in_file;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto fail = [&](const std::string& why) {
      throw Error(ErrorKind::invalid, fmt::format("{}:{}: {}", source, rec.line, why));
    };
    if (rec.fields.size() != header.fields.size())
      fail(fmt::format("{} fields, but the header has {}; quote fields that contain commas", rec.fields.size(),
                       header.fields.size()));
    auto get = [&](const std::string& name) -> std::optional<std::string> {
      auto it = col.find(name);
      if (it == col.end() || rec.fields[it->second].empty()) return std::nullopt;
      return rec.fields[it->second];
    };
    try {
      std::string filer_id = get("filer").value_or("");
      const Person* filer = s.policy.person(filer_id);
      if (!filer) fail(fmt::format("filer '{}' is not a person in the policy", filer_id));
      FileRequest req;
      req.category = get("category").value_or("");
      req.title = get("title").value_or("");
      req.body = get("body").value_or("");
      if (auto sev = get("severity")) {
        req.severity = parse_severity(*sev);
        if (!req.severity) fail(fmt::format("severity '{}' is not known; use major, urgent or normal", *sev));
      }
      req.to = get("to");
      req.ref = get("ref");
      if (auto at = get("filed_at")) {
        req.filed_at = s.policy.organization.timezone.parse_iso(*at);
        if (!req.filed_at)
          fail(fmt::format("filed_at '{}' is not an ISO-8601 time such as 2026-09-30T09:30 or 2026-09-30T01:30:00Z",
                           *at));
        if (*req.filed_at > m.now) fail(fmt::format("filed_at {} is in the future", *at));
      }
      if (req.ref) {
        if (auto prev = refs_in_file.find(*req.ref); prev != refs_in_file.end())
          fail(fmt::format("ref '{}' is used again (first on line {})", *req.ref, prev->second));
        refs_in_file[*req.ref] = rec.line;
        if (auto existing = s.store.find_by_ref(*req.ref)) {
          if (existing->ref_digest == filing_digest(filer->id, req)) {
            ++result.skipped;
            continue;
          }
          fail(fmt::format("ref '{}' was already used for ticket {} with different content", *req.ref, existing->id));
        }
      }
      Outcome o = file_ticket(s.policy, Actor{filer, std::nullopt}, m, req);
      if (req.ref) o.after.ref_digest = filing_digest(filer->id, req);
      o.event.verb = "import";
      o.event.actor = admin.id;
      o.event.via = s.actor.via;
      o.event.changes["filer"] = filer->id;
      o.event.note = fmt::format("{}:{}", source, rec.line);
      result.uncovered_years.insert(o.uncovered_years.begin(), o.uncovered_years.end());
      outcomes.push_back(std::move(o));
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::invalid) throw;
      fail(e.what());
    }
  }
  for (auto& o : outcomes) {
    s.store.insert_ticket(o.after);
    o.event.ticket_id = o.after.id;
    o.event.ticket_digest = Store::digest_of_new(o.after);
    s.store.append_event(o.event, s.policy_version);
    result.ids.push_back(o.after.id);
  }
  tx.commit();
  return result;
}

void export_tickets(Session& s, TicketFilter f, const std::function<void(const json&)>& row) {
  f.visible_depts = s.visible_depts();
  auto due = [](const std::optional<Stage>& st) { return st ? json(format_date(st->current_due())) : json(nullptr); };
  s.store.each_ticket(f, [&](Ticket&& t) {
    auto r =
        RowBuilder(13)("id", t.id)("filer", std::move(t.filer))("category", std::move(t.category))(
            "title", std::move(t.title))("body", std::move(t.body))("severity", std::string(to_string(t.severity)))(
            "to", std::move(t.to_dept))("ref", t.ref ? json(std::move(*t.ref)) : json(nullptr))(
            "filed_at", format_instant(t.filed_at))("state", std::string(to_string(t.state)))(
            "approval_due", due(t.approval))("feedback_due", due(t.feedback))("review_due", due(t.review))
            .take();
    row(r);
  });
}

}  // namespace linkctl
