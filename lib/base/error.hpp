// SPDX-License-Identifier: MIT
#pragma once
#include <stdexcept>
#include <string>

namespace linkctl {

/// What went wrong, in the terms of SPEC section 7's exit-code table.
enum class ErrorKind {
  internal = 1,    ///< unexpected internal or I/O error
  usage = 2,       ///< unknown option, missing argument, malformed value
  not_found = 3,   ///< ticket, person, department, category
  permission = 4,  ///< this actor may not do this to this ticket
  conflict = 5,    ///< wrong state, --ref clash, concurrent change
  invalid = 6,     ///< invalid policy or input data (with file:line)
  database = 7,    ///< locked past the timeout, corrupt, newer schema
};

/// The one exception family of linkctl. The message is a single line that
/// says what was wrong and what would be right; main() prefixes "linkctl: error: ".
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }
  int exit_code() const noexcept { return static_cast<int>(kind_); }

 private:
  ErrorKind kind_;
};

}  // namespace linkctl
