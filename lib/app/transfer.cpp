// SPDX-License-Identifier: MIT
#include "transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "csv.hpp"
#include "error.hpp"
#include "i18n.hpp"
#include "json_row.hpp"

namespace linkctl {

using json = nlohmann::ordered_json;

namespace {

// The columns import reads, in the order of kImportColumns' indexes below.
enum ImportColumn { kFiler, kCategory, kTitle, kBody, kSeverity, kTo, kRef, kFiledAt, kImportColumnCount };
constexpr std::array<const char*, kImportColumnCount> kImportColumns = {"filer",    "category", "title", "body",
                                                                        "severity", "to",       "ref",   "filed_at"};
constexpr std::size_t kRequiredCount = 3;  // filer, category, title
constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// The line a ticket filed earlier in this import came from: its event's note, "SOURCE:LINE".
std::string line_of_import(Store& store, std::int64_t ticket_id) {
  auto events = store.ticket_events(ticket_id);
  if (events.empty() || !events.front().note) return "?";
  const std::string& note = *events.front().note;
  return note.substr(note.rfind(':') + 1);
}

bool filed_here(const IdRuns& runs, std::int64_t id) {
  return std::any_of(runs.begin(), runs.end(), [id](const auto& r) { return r.first <= id && id <= r.second; });
}

}  // namespace

ImportResult import_csv(Session& s, std::string_view text, const std::string& source) {
  CsvReader reader(text, source);
  return import_csv(s, reader);
}

ImportResult import_csv(Session& s, CsvReader& reader) {
  const std::string& source = reader.source();
  const Person& admin = *s.actor.person;
  authorize(admin, OfficeVerb::import_tickets);
  CsvRecord header;
  if (!reader.next(header))
    throw Error(
        ErrorKind::invalid,
        trf("{}:1: the file is empty; the first line must name the columns, e.g. filer,category,title", source));
  // Map the header to columns.
  std::array<std::size_t, kImportColumnCount> col;
  col.fill(kAbsent);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    bool known = std::find(kExportColumns.begin(), kExportColumns.end(), name) != kExportColumns.end() ||
                 name == kApprovalLevelColumn;
    if (!known)
      throw Error(ErrorKind::invalid,
                  trf("{}:{}: unknown column '{}'; use filer, category, title, body, severity, to, ref, filed_at",
                      source, header.line, name));
    if (std::find(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        header.fields.begin() + static_cast<std::ptrdiff_t>(i))
      throw Error(ErrorKind::invalid, trf("{}:{}: column '{}' appears twice", source, header.line, name));
    for (std::size_t c = 0; c < kImportColumnCount; ++c)
      if (name == kImportColumns[c]) col[c] = i;
  }
  for (std::size_t c = 0; c < kRequiredCount; ++c)
    if (col[c] == kAbsent)
      throw Error(ErrorKind::invalid,
                  trf("{}:{}: the header lacks the required column '{}' (required: filer, category, title)", source,
                      header.line, kImportColumns[c]));

  // One write transaction from the first check to the last insert: all rows or none.
  // Each row is checked before the next is read and queued in a batch the store writes
  // every thousand rows on PostgreSQL (at once on SQLite), so memory does not grow with
  // the file; a bad row throws, and the transaction is rolled back.
  auto tx = begin_write(s);
  auto m = s.moment();
  ImportResult result;
  Anchor chain = s.store.head();  // carried across the rows: the chain's head is ours until commit
  Store::Batch batch(s.store, chain, s.policy_version);
  // PostgreSQL's sequences do not roll back: should the import fail, the ids its rows were
  // handed are handed out again, rewound while the write lock is still ours (this is
  // destroyed before `tx` rolls back), so a failed import leaves no gap on either engine.
  struct Rewind {
    Store::Batch& batch;
    bool committed = false;
    ~Rewind() {
      if (!committed) try {
          batch.rewind_ids();
        } catch (const std::exception&) {
          // a gap in the ids is harmless; the import's own error is the one to report
        }
    }
  } rewind{batch};
  // Refs of rows skipped as already filed (a ref filed by this import is found in the store
  // once written, or among the rows queued since the batch was last written).
  std::map<std::string, std::size_t> skipped_refs;
  std::map<std::string, std::size_t> queued_refs;
  CsvRecord rec;
  while (reader.next(rec)) {
    auto fail = [&](const std::string& why) {
      throw Error(ErrorKind::invalid, trf("{}:{}: {}", source, rec.line, why));
    };
    if (rec.fields.size() != header.fields.size())
      fail(trf("{} fields, but the header has {}; quote fields that contain commas", rec.fields.size(),
               header.fields.size()));
    auto get = [&](ImportColumn c) -> std::optional<std::string> {
      if (col[c] == kAbsent || rec.fields[col[c]].empty()) return std::nullopt;
      return std::move(rec.fields[col[c]]);
    };
    std::optional<Outcome> filed;
    try {
      std::string filer_id = get(kFiler).value_or("");
      const Person* filer = s.policy.person(filer_id);
      if (!filer) fail(trf("filer '{}' is not a person in the policy", filer_id));
      FileRequest req;
      req.category = get(kCategory).value_or("");
      req.title = get(kTitle).value_or("");
      req.body = get(kBody).value_or("");
      if (auto sev = get(kSeverity)) {
        req.severity = parse_severity(*sev);
        if (!req.severity) fail(trf("severity '{}' is not known; use major, urgent or normal", *sev));
      }
      req.to = get(kTo);
      req.ref = get(kRef);
      if (auto at = get(kFiledAt)) {
        req.filed_at = s.policy.organization.timezone.parse_iso(*at);
        if (!req.filed_at)
          fail(trf("filed_at '{}' is not an ISO-8601 time such as 2026-09-30T09:30 or 2026-09-30T01:30:00Z", *at));
        if (*req.filed_at > m.now) fail(trf("filed_at {} is in the future", *at));
      }
      if (req.ref) {
        if (auto prev = skipped_refs.find(*req.ref); prev != skipped_refs.end())
          fail(trf("ref '{}' is used again (first on line {})", *req.ref, prev->second));
        if (auto prev = queued_refs.find(*req.ref); prev != queued_refs.end())
          fail(trf("ref '{}' is used again (first on line {})", *req.ref, prev->second));
        if (auto existing = s.store.find_by_ref(*req.ref)) {
          if (filed_here(result.ids, existing->id))
            fail(trf("ref '{}' is used again (first on line {})", *req.ref, line_of_import(s.store, existing->id)));
          if (existing->ref_digest == filing_digest(filer->id, req)) {
            ++result.skipped;
            skipped_refs.emplace(*req.ref, rec.line);
            continue;
          }
          fail(trf("ref '{}' was already used for ticket {} with different content", *req.ref, existing->id));
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
      filed = std::move(o);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::invalid) throw;
      fail(e.what());
    }
    // Written outside the try: a database error stays one (exit 5), not a bad row.
    Outcome& o = *filed;
    batch.insert_ticket(o.after);
    if (batch.queued() == 1) queued_refs.clear();  // the rows before went to the store
    if (o.after.ref) queued_refs.emplace(*o.after.ref, rec.line);
    o.event.ticket_id = o.after.id;
    o.event.ticket_digest = Store::digest_of_new(o.after);
    batch.append_event(o.event);
    if (!result.ids.empty() && result.ids.back().second + 1 == o.after.id)
      ++result.ids.back().second;
    else
      result.ids.emplace_back(o.after.id, o.after.id);
    ++result.filed;
  }
  batch.flush();
  tx.commit();
  rewind.committed = true;
  return result;
}
std::vector<std::string> export_columns(const Policy& policy) {
  auto columns = kExportColumns;
  if (!policy.approval_chains.empty()) columns.push_back(kApprovalLevelColumn);
  return columns;
}

void export_tickets(Session& s, TicketFilter f, const std::function<void(const json&)>& row) {
  s.restrict_to_visible(f);
  const bool levels = !s.policy.approval_chains.empty();
  auto due = [](const std::optional<Stage>& st) { return st ? json(format_date(st->current_due())) : json(nullptr); };
  s.store.each_ticket(f, [&](Ticket&& t) {
    json level = t.chain && t.state == State::pending ? json(t.approval_level()) : json(nullptr);
    auto r =
        RowBuilder(14)("id", t.id)("filer", std::move(t.filer))("category", std::move(t.category))(
            "title", std::move(t.title))("body", std::move(t.body))("severity", std::string(to_string(t.severity)))(
            "to", std::move(t.to_dept))("ref", t.ref ? json(std::move(*t.ref)) : json(nullptr))(
            "filed_at", format_instant(t.filed_at))("state", std::string(to_string(t.state)))(
            "approval_due", due(t.approval))("feedback_due", due(t.feedback))("review_due", due(t.review))
            .take();
    if (levels) r[kApprovalLevelColumn] = level;
    row(r);
  });
}

}  // namespace linkctl
