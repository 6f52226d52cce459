// SPDX-License-Identifier: MIT
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace linkctl {

/// A calendar date (a due date, a working day); no time zone attached.
using Date = std::chrono::sys_days;
/// A point in time, UTC, to the second.
using Instant = std::chrono::sys_seconds;

/// The dates linkctl reads, stores and prints: years 0001 to 9999 (four digits).
inline constexpr Date kFirstDate = Date(std::chrono::year(1) / std::chrono::January / 1);
inline constexpr Date kLastDate = Date(std::chrono::year(9999) / std::chrono::December / 31);
/// True when `d` is within [kFirstDate, kLastDate].
constexpr bool in_date_range(Date d) { return d >= kFirstDate && d <= kLastDate; }

/// Parses exactly YYYY-MM-DD (years 0001-9999) and checks the day exists (2026-02-30 is nullopt).
std::optional<Date> parse_date(std::string_view text);
/// parse_date, or a usage Error naming `what` and the expected form.
Date require_date(std::string_view text, std::string_view what);
/// YYYY-MM-DD.
std::string format_date(Date d);
/// Three-letter English weekday name (Mon..Sun).
std::string weekday_name(Date d);
/// The calendar year of a date.
int year_of(Date d);
/// YYYY-MM of a date.
std::string month_of(Date d);
/// First and last day of the month holding `d`.
std::pair<Date, Date> month_bounds(Date d);
/// Parses YYYY-MM (month 01..12) into its first day.
std::optional<Date> parse_month(std::string_view text);

/// YYYY-MM-DDTHH:MM:SSZ.
std::string format_instant(Instant t);
/// Parses the UTC form written by format_instant (strict; used for stored values).
std::optional<Instant> parse_utc_instant(std::string_view text);

/// The policy's time zone: maps instants to local dates and back.
/// Zones that have kept one UTC offset since 1991 (Asia/Shanghai and its
/// aliases, UTC) and explicit offsets ("UTC+08:00") are computed without the
/// system's tzdata; other IANA names need /usr/share/zoneinfo.
class TimeZone {
 public:
  /// UTC.
  TimeZone();
  /// An IANA name or a fixed offset; nullopt when the name is unknown here.
  static std::optional<TimeZone> find(std::string_view name);

  const std::string& name() const { return name_; }
  /// Offset from UTC in force at `t`.
  std::chrono::seconds offset_at(Instant t) const;
  /// The local date on which `t` falls.
  Date local_date(Instant t) const;
  /// The instant of local wall-clock time `d` + `since_midnight`.
  Instant from_local(Date d, std::chrono::seconds since_midnight) const;
  /// "2026-11-16 09:00" in local time.
  std::string format_local(Instant t) const;
  /// Parses ISO-8601 "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" with an optional
  /// "Z" or "+HH:MM"; without an offset the time is local. A bare date means
  /// 09:00 local. nullopt when malformed (24:00, 2026-02-30, junk).
  std::optional<Instant> parse_iso(std::string_view text) const;

 private:
  std::string name_;
  std::optional<std::chrono::seconds> fixed_;  // nullopt: ask the C library (tzdata)
};

}  // namespace linkctl
