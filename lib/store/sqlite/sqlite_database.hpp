// SPDX-License-Identifier: MIT
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "database.hpp"

namespace linkctl::sqlite {

/// Opens an existing linkctl database file, migrating an older schema in one
/// transaction: WAL mode, foreign keys on, durable commits, writers waiting up to
/// `busy_timeout_ms` for each other. A file in a directory the user cannot write,
/// with no -wal to read, is opened read-only. Throws Error(database) for a missing
/// file, one that is not linkctl's (checked before anything is written), a damaged
/// one or one of a newer schema.
std::unique_ptr<db::Connection> open(const std::string& path, int busy_timeout_ms);

/// Creates a database at `path` with the current schema: builds it under a temporary
/// name beside `path`, hands the connection to `build` (which commits the first rows),
/// closes it, then renames the file into place without replacing anything.
void create(const std::string& path, const db::Build& build);

/// Throws Error(conflict) when `path` is a non-empty file (init never overwrites).
void require_absent(const std::string& path);

/// An in-memory database with the current schema (tests).
std::unique_ptr<db::Connection> memory();

/// The schema version this build writes.
int latest_schema_version();

}  // namespace linkctl::sqlite
