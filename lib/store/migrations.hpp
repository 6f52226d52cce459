// SPDX-License-Identifier: MIT
#pragma once
#include <span>
#include <string_view>

namespace linkctl {

/// One schema migration: its file name (NNNN_name.sql) and SQL text.
struct Migration {
  std::string_view name;
  std::string_view sql;
};

/// schema/sqlite/*.sql as built into the binary, in order; migration i brings the
/// schema to version i + 1.
std::span<const Migration> sqlite_migrations();
/// schema/postgres/*.sql, numbered as schema/sqlite/ is: version N means the same tables.
std::span<const Migration> postgres_migrations();

}  // namespace linkctl
