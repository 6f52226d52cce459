// SPDX-License-Identifier: MIT
#pragma once
#include <span>
#include <string_view>

namespace linkctl::embedded {

/// One schema migration: its file name (NNNN_name.sql) and SQL text.
struct Migration {
  std::string_view name;
  std::string_view sql;
};

/// Every file in schema/, in order; migration i brings user_version to i + 1.
std::span<const Migration> migrations();

/// examples/four-roles.toml as it was at build time.
std::string_view default_policy();

}  // namespace linkctl::embedded
