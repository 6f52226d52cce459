// SPDX-License-Identifier: MIT
// libFuzzer target: the date, month and time parsers never crash, and whatever
// they accept is a real date that formats back to the same text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = linkctl::parse_date(text)) {
    if (linkctl::format_date(*d) != text) std::abort();
  }
  if (auto m = linkctl::parse_month(text)) {
    if (linkctl::month_of(*m) != text) std::abort();
  }
  if (auto t = linkctl::parse_utc_instant(text)) {
    if (linkctl::format_instant(*t) != text) std::abort();
  }
  static const auto shanghai = *linkctl::TimeZone::find("Asia/Shanghai");
  static const auto utc = *linkctl::TimeZone::find("UTC");
  for (const auto* tz : {&shanghai, &utc}) {
    if (auto t = tz->parse_iso(text)) {
      // An accepted local time round-trips through its UTC text.
      auto again = linkctl::parse_utc_instant(linkctl::format_instant(*t));
      if (!again || *again != *t) std::abort();
    }
  }
  if (size <= 16) linkctl::TimeZone::find(text);
  return 0;
}
