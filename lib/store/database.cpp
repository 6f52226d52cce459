// SPDX-License-Identifier: MIT
#include "database.hpp"

#include <fmt/format.h>

#include "i18n.hpp"

namespace linkctl::db {

std::string failure_message(Failure failure, const std::string& where, const std::string& reason) {
  switch (failure) {
    case Failure::locked:
      return fmt::format("{} is locked by another process ({}); try again", where, reason);
    case Failure::read_only:
      return fmt::format(
          "{} cannot be written by you ({}); the file and its directory must be writable "
          "(see SECURITY in linkctl(1) for a shared installation)",
          where, reason);
    case Failure::full:
      return fmt::format(
          "cannot write {} ({}: the disk is full or failing); nothing was changed, free space and try again", where,
          reason);
    case Failure::corrupt:
      return fmt::format("{} is damaged or not a database ({}); restore it from a backup", where, reason);
    case Failure::unreachable:
      return trf("cannot reach the database {} ({}); check the server and the connection settings", where, reason);
    case Failure::retry:
      return fmt::format("{}: the change kept conflicting with others ({}); nothing was changed, try again", where,
                         reason);
    case Failure::other:
      break;
  }
  return fmt::format("database {}: {}", where, reason);
}

void Statement::bind(int index, const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value))
    bind(index, *text);
  else if (const auto* number = std::get_if<std::int64_t>(&value))
    bind(index, *number);
  else
    bind_null(index);
}

std::int64_t Connection::next_id(const std::string& table, const std::string& column) {
  auto st = prepare(fmt::format("SELECT coalesce(max({}), 0) + 1 FROM {}", column, table));
  if (!st->step()) return 1;
  return st->integer(0);
}

void Connection::insert_rows(const char* table, const char* columns, int count, const std::vector<Value>& values) {
  if (values.empty() || count <= 0) return;
  std::string& sql = insert_sql_[columns];
  if (sql.empty()) {
    std::string marks;
    for (int i = 0; i < count; ++i) marks += i ? ",?" : "?";
    sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, columns, marks);
  }
  auto width = static_cast<std::size_t>(count);
  for (std::size_t row = 0; row + width <= values.size(); row += width) {
    auto& st = prepared(sql.c_str());  // a constant from here on: kept by its address
    for (std::size_t i = 0; i < width; ++i) st.bind(static_cast<int>(i + 1), values[row + i]);
    st.exec();
  }
}

}  // namespace linkctl::db
