// SPDX-License-Identifier: MIT
#include "clock.hpp"

namespace linkctl {

Instant SystemClock::now() const { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace linkctl
