// SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <optional>
#include <string_view>

#include "date.hpp"
#include "store.hpp"

namespace linkctl {

/// Parses an anchor written as "N:HASH" (an event id and its 64 lower-case hex digits).
std::optional<Anchor> parse_anchor(std::string_view text);
/// "N:HASH", as `audit anchor` prints it and --expect-head reads it.
std::string format_anchor(const Anchor& a);

/// The local date of `at` under policy version `version`; nullopt when that policy cannot be read.
using LocalDateOf = std::function<std::optional<Date>(std::int64_t version, Instant at)>;

/// Compares every row of `rows` with the event that wrote it (r.row_events, already
/// checked as part of the chain): each policy version with the init or policy.apply
/// event (its text against the SHA-256 there, its compiled snapshot against the
/// snapshot's SHA-256 where the event records one), each frozen report with its
/// report.freeze event, each spot check with its spotcheck event, each announced lapse
/// with the overdue.announce event that listed it, and no row or event left over.
/// The first difference is recorded on `r` with r.fail(). `local_date` dates the spot
/// checks of releases before 0.2, whose events did not record the date.
void check_rows(AuditResult& r, const AuditRows& rows, const LocalDateOf& local_date);

}  // namespace linkctl
