// SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "database.hpp"

namespace linkctl::postgres {

/// True for a libpq URI: postgresql://... or postgres://...
bool is_uri(std::string_view where);

/// `where` as it may be shown: a password in the URI replaced by "***".
std::string display_name(const std::string& where);

/// Opens an existing linkctl database on a PostgreSQL server (15 or later), migrating
/// an older schema in one transaction. libpq is loaded on first use, so that SQLite
/// users never pay for it. Throws Error(database) for an unreachable server, a refused
/// login, a missing database, one that is not linkctl's, or one of a newer schema.
std::unique_ptr<db::Connection> open(const std::string& uri, int busy_timeout_ms);

/// Creates linkctl's schema in an empty database at `uri` and runs `build`, all in one
/// transaction: on failure the database is left empty.
void create(const std::string& uri, const db::Build& build);

/// Throws Error(conflict) unless the database at `uri` is empty (init and copy never overwrite).
void require_absent(const std::string& uri);

/// The schema version this build writes.
int latest_schema_version();

}  // namespace linkctl::postgres
