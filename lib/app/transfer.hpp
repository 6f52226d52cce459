// SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "csv.hpp"
#include "session.hpp"

namespace linkctl {

/// Columns `export` writes; `import` reads filer, category, title (required) and
/// body, severity, to, ref, filed_at (optional), and ignores the others.
inline const std::vector<std::string> kExportColumns = {
    "id",  "filer",    "category", "title",        "body",         "severity",  "to",
    "ref", "filed_at", "state",    "approval_due", "feedback_due", "review_due"};

/// The column export adds when the policy has approval chains (SPEC 11): the current level
/// while a chained ticket is pending, else empty. Import accepts and ignores it, like `state`.
inline const std::string kApprovalLevelColumn = "approval_level";
/// The columns export writes under `policy`: kExportColumns, then approval_level when the
/// policy has approval chains (so an export under a policy without them is as before).
std::vector<std::string> export_columns(const Policy& policy);

/// Ids in runs of consecutive ones, first and last: what an import filed, in
/// constant memory however many rows (one run on SQLite, a few on a busy server).
using IdRuns = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct ImportResult {
  IdRuns ids;               ///< tickets filed, in file order
  std::size_t filed = 0;    ///< how many
  std::size_t skipped = 0;  ///< rows whose ref was already filed with the same content
  std::set<int> uncovered_years;
};

/// Files every row of a CSV (admins only) in one transaction, with one event
/// per ticket; any bad row aborts the whole import with "SOURCE:LINE: why" (exit 6).
/// Streams: each row is checked and written before the next is read, so memory does
/// not grow with the file (there is no row limit).
ImportResult import_csv(Session& s, CsvReader& reader);
/// The same over text held in memory.
ImportResult import_csv(Session& s, std::string_view text, const std::string& source);

/// Streams the visible tickets matching `f` as export rows (export_columns()).
void export_tickets(Session& s, TicketFilter f, const std::function<void(const nlohmann::ordered_json&)>& row);

}  // namespace linkctl
