// SPDX-License-Identifier: MIT
// libFuzzer target: the policy loader must never crash, whatever the file holds,
// and must either load a policy or report at least one error.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto load = linkctl::load_policy(text, "fuzz.toml", linkctl::Date{});
  if (!load.ok() && load.error_count() == 0) std::abort();  // refused without saying why
  return 0;
}
