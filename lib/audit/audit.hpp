// SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "event.hpp"

namespace linkctl {

/// A policy as stored, one row per `policy apply`.
struct PolicyVersion {
  std::int64_t version = 0;
  std::string applied_at, applied_by, source, sha256, text;
  std::optional<std::string> compiled;  ///< the validated policy's snapshot (policy_snapshot.hpp)
};

/// A month's report as frozen by the supervisor.
struct FrozenReport {
  std::string month, frozen_at, frozen_by;
  std::int64_t policy_version = 0;
  std::string calendar_sha256;
  std::string report;  ///< JSON text of the MonthlyReport
};

/// A spot check as stored.
struct SpotcheckRow {
  std::int64_t id = 0, ticket_id = 0;
  std::string finding, dept, at, on_date, by_person;
  std::optional<std::string> note;
};

/// An announced lapse as stored, with the ticket and kind of its stage.
struct LapseRow {
  std::int64_t stage_id = 0;
  std::optional<std::int64_t> ticket_id;  ///< nullopt when the stage does not exist
  std::string kind, due, recipient, announced_at;
};

/// Every row outside tickets and events that feeds a score, a permission or an announcement.
struct AuditRows {
  std::vector<PolicyVersion> policies;
  std::vector<FrozenReport> frozen;
  std::vector<SpotcheckRow> spotchecks;
  std::vector<LapseRow> lapses;
};

/// A hash kept outside the database: event `event` had hash `hash` ("N:HASH").
struct Anchor {
  std::int64_t event = 0;
  std::string hash;
};

/// Result of `audit verify`.
struct AuditResult {
  bool ok = true;
  std::int64_t events_checked = 0;
  std::int64_t tickets_checked = 0;
  std::optional<std::int64_t> first_bad_event;
  std::string problem;    ///< one line, empty when ok
  std::string head_hash;  ///< the last event's hash: record it elsewhere to anchor the chain
  std::int64_t head_event = 0;
  /// The events that wrote rows of other tables (policy versions, frozen reports,
  /// spot checks, announced lapses), for comparing with those rows.
  std::vector<Event> row_events;

  void fail(std::optional<std::int64_t> event, std::string why) {
    ok = false;
    first_bad_event = event;
    problem = std::move(why);
  }
};

/// True for the verbs whose events write rows of other tables (AuditRows).
bool writes_rows(std::string_view verb);

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
