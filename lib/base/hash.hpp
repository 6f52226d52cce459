// SPDX-License-Identifier: MIT
#pragma once
#include <string>
#include <string_view>

namespace linkctl {

/// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(std::string_view data);

}  // namespace linkctl
