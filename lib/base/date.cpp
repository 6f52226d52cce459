// SPDX-License-Identifier: MIT
#include "date.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {
namespace {

using namespace std::chrono;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// HH:MM or HH:MM:SS, 00:00..23:59:59.
std::optional<seconds> parse_clock(std::string_view s) {
  if (s.size() != 5 && s.size() != 8) return std::nullopt;
  if (s[2] != ':' || (s.size() == 8 && s[5] != ':')) return std::nullopt;
  auto hh = s.substr(0, 2), mm = s.substr(3, 2);
  auto ss = s.size() == 8 ? s.substr(6, 2) : std::string_view("00");
  if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return std::nullopt;
  int h = to_int(hh), m = to_int(mm), sec = to_int(ss);
  if (h > 23 || m > 59 || sec > 59) return std::nullopt;
  return hours(h) + minutes(m) + seconds(sec);
}

// "+HH:MM" / "-HH:MM" / "+HHMM" / "+HH".
std::optional<seconds> parse_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  std::string_view hh = s.substr(0, 2), mm = "00";
  if (s.size() == 5 && s[2] == ':')
    mm = s.substr(3, 2);
  else if (s.size() == 4)
    mm = s.substr(2, 2);
  else if (s.size() != 2)
    return std::nullopt;
  if (!all_digits(hh) || !all_digits(mm)) return std::nullopt;
  int h = to_int(hh), m = to_int(mm);
  if (h > 14 || m > 59) return std::nullopt;
  return seconds(sign * (h * 3600 + m * 60));
}

struct FixedZone {
  std::string_view name;
  int offset_hours;
};
// Zones whose offset has not changed since 1991; computed without tzdata so
// the default policy behaves the same on machines without the tzdata package.
constexpr std::array kFixedZones = {
    FixedZone{"Asia/Shanghai", 8},
    FixedZone{"Asia/Chongqing", 8},
    FixedZone{"Asia/Chungking", 8},
    FixedZone{"Asia/Harbin", 8},
    FixedZone{"PRC", 8},
    FixedZone{"Asia/Urumqi", 6},
    FixedZone{"Asia/Hong_Kong", 8},
    FixedZone{"Asia/Macau", 8},
    FixedZone{"Asia/Taipei", 8},
    FixedZone{"UTC", 0},
    FixedZone{"Etc/UTC", 0},
    FixedZone{"GMT", 0},
};

// The C library keeps one current zone; switch it only when it changes.
void use_tz(const std::string& name) {
  static std::string current;
  if (current == name) return;
  ::setenv("TZ", (":" + name).c_str(), 1);
  ::tzset();
  current = name;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto ys = s.substr(0, 4), ms = s.substr(5, 2), ds = s.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
  year_month_day ymd{year(to_int(ys)), month(static_cast<unsigned>(to_int(ms))),
                     day(static_cast<unsigned>(to_int(ds)))};
  if (!ymd.ok() || !in_date_range(sys_days(ymd))) return std::nullopt;
  return sys_days(ymd);
}

Date require_date(std::string_view text, std::string_view what) {
  if (auto d = parse_date(text)) return *d;
  throw Error(ErrorKind::usage, trf("{} '{}' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30", what, text));
}

namespace {
// Writes `v` as `width` decimal digits at `out` (values here are never negative).
void put_digits(char* out, unsigned v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = static_cast<char>('0' + v % 10);
}
}  // namespace

// Formatted by hand: these run several times for every row an import writes.
std::string format_date(Date d) {
  year_month_day ymd{d};
  std::string out = "0000-00-00";
  put_digits(out.data(), static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  put_digits(out.data() + 5, static_cast<unsigned>(ymd.month()), 2);
  put_digits(out.data() + 8, static_cast<unsigned>(ymd.day()), 2);
  return out;
}

std::string weekday_name(Date d) {
  static constexpr std::array<const char*, 7> names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[weekday(d).c_encoding()];
}

int year_of(Date d) { return static_cast<int>(year_month_day(d).year()); }

std::string month_of(Date d) { return format_date(d).substr(0, 7); }

std::pair<Date, Date> month_bounds(Date d) {
  year_month_day ymd{d};
  Date first = sys_days(ymd.year() / ymd.month() / day(1));
  Date last = sys_days(year_month_day_last(ymd.year(), month_day_last(ymd.month())));
  return {first, last};
}

std::optional<Date> parse_month(std::string_view s) {
  if (s.size() != 7) return std::nullopt;
  return parse_date(std::string(s) + "-01");
}

std::string format_instant(Instant t) {
  auto d = floor<days>(t);
  hh_mm_ss hms{t - d};
  std::string out = format_date(d) + "T00:00:00Z";
  put_digits(out.data() + 11, static_cast<unsigned>(hms.hours().count()), 2);
  put_digits(out.data() + 14, static_cast<unsigned>(hms.minutes().count()), 2);
  put_digits(out.data() + 17, static_cast<unsigned>(hms.seconds().count()), 2);
  return out;
}

std::optional<Instant> parse_utc_instant(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[19] != 'Z') return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  auto c = parse_clock(s.substr(11, 8));
  if (!d || !c) return std::nullopt;
  return Instant(*d) + *c;
}

TimeZone::TimeZone() : name_("UTC"), fixed_(seconds(0)) {}

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  TimeZone tz;
  tz.name_ = std::string(name);
  for (const auto& z : kFixedZones) {
    if (z.name == name) {
      tz.fixed_ = hours(z.offset_hours);
      return tz;
    }
  }
  for (std::string_view prefix : {"UTC", "GMT", ""}) {
    if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix) {
      if (auto off = parse_offset(name.substr(prefix.size()))) {
        tz.fixed_ = *off;
        return tz;
      }
    }
  }
  // An IANA name from the system's tzdata; reject anything that could escape the directory.
  if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/') return std::nullopt;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") / std::string(name), ec))
    return std::nullopt;
  tz.fixed_.reset();
  return tz;
}

seconds TimeZone::offset_at(Instant t) const {
  if (fixed_) return *fixed_;
  use_tz(name_);
  std::time_t tt = t.time_since_epoch().count();
  std::tm tm{};
  ::localtime_r(&tt, &tm);
  return seconds(tm.tm_gmtoff);
}

Date TimeZone::local_date(Instant t) const { return floor<days>(t + offset_at(t)); }

Instant TimeZone::from_local(Date d, seconds since_midnight) const {
  Instant naive = Instant(d) + since_midnight;
  if (fixed_) return naive - *fixed_;
  // Two passes settle the offset on either side of a transition.
  Instant guess = naive - offset_at(naive);
  return naive - offset_at(guess);
}

std::string TimeZone::format_local(Instant t) const {
  auto local = t + offset_at(t);
  auto d = floor<days>(local);
  hh_mm_ss hms{local - d};
  return fmt::format("{} {:02}:{:02}", format_date(d), hms.hours().count(), hms.minutes().count());
}

std::optional<Instant> TimeZone::parse_iso(std::string_view s) const {
  auto d = parse_date(s.substr(0, 10));
  if (!d) return std::nullopt;
  if (s.size() == 10) {
    Instant t = from_local(*d, hours(9));
    if (!in_date_range(floor<days>(t))) return std::nullopt;
    return t;
  }
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  auto rest = s.substr(11);
  std::optional<seconds> offset;
  if (!rest.empty() && rest.back() == 'Z') {
    offset = seconds(0);
    rest.remove_suffix(1);
  } else if (auto pos = rest.find_first_of("+-"); pos != std::string_view::npos) {
    offset = parse_offset(rest.substr(pos));
    if (!offset) return std::nullopt;
    rest = rest.substr(0, pos);
  }
  auto clock = parse_clock(rest);
  if (!clock) return std::nullopt;
  Instant t = offset ? Instant(*d) + *clock - *offset : from_local(*d, *clock);
  // A local time near the ends of the range can fall outside it in UTC, where it is stored.
  if (!in_date_range(floor<days>(t))) return std::nullopt;
  return t;
}

}  // namespace linkctl
