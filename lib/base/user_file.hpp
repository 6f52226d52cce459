// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace linkctl {

/// True when this process runs with another group or user than the one who started
/// it: a setgid (or setuid) installation, where the database's group is lent to linkctl.
bool elevated();

/// Opens a file the user named on the command line for reading ("-": standard input),
/// with the real user's rights even in a setgid or setuid installation, so linkctl never
/// reads for someone what they could not read themselves. Returns the descriptor.
/// Throws Error(not_found) for a missing file, Error(permission) for one the user may
/// not read, naming `what` (e.g. "--body-file").
int open_user_file(const std::string& path, std::string_view what);

/// Whether open_user_file handed out standard input (a command that read it cannot be run again).
bool standard_input_used() noexcept;

/// The contents of open_user_file(path), at most `limit` + 1 bytes (so a caller can tell
/// a file over its limit from one exactly at it).
std::string read_user_file(const std::string& path, std::size_t limit, std::string_view what);

/// Writes `bytes` to the file `path` the user named (e.g. --output) atomically and with the
/// real user's rights: a temporary file beside it, flushed to disk, then renamed over it, so
/// an existing file is replaced only as a whole and a failed write leaves it as it was.
/// A new file gets mode 0666 less the umask; a replaced one keeps its mode. Throws
/// Error(permission) or Error(not_found) (a missing directory) naming `what`, Error(internal) on an I/O error.
void write_user_file(const std::string& path, std::string_view bytes, std::string_view what);

/// open_user_file(path), read in pieces: for inputs too large to hold whole (import).
class UserFileReader {
 public:
  UserFileReader(std::string path, std::string_view what);
  ~UserFileReader();
  UserFileReader(const UserFileReader&) = delete;
  UserFileReader& operator=(const UserFileReader&) = delete;
  /// Up to `size` bytes into `buffer`; 0 at the end of the file. Throws Error(internal) on a read error.
  std::size_t read(char* buffer, std::size_t size);

 private:
  std::string path_, what_;
  int fd_;
};

}  // namespace linkctl
