// SPDX-License-Identifier: MIT
#include "user_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {

bool elevated() { return ::getegid() != ::getgid() || ::geteuid() != ::getuid(); }

namespace {

// open(2) as the real user: the effective ids are set to the real ones around the call
// (the saved set-ids let them come back), so the kernel checks the user's own rights.
int open_as_real_user(const char* path) {
  if (!elevated()) return ::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  const gid_t egid = ::getegid();
  const uid_t euid = ::geteuid();
  // Group first: a setuid-root process must change its group while it is still root.
  if (::setegid(::getgid()) != 0 || ::seteuid(::getuid()) != 0)
    throw Error(ErrorKind::internal,
                trf("cannot take the real user's rights to read {} ({})", path, std::strerror(errno)));
  int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  int saved = errno;
  if (::seteuid(euid) != 0 || ::setegid(egid) != 0)
    throw Error(ErrorKind::internal,
                trf("cannot take back linkctl's rights after reading {} ({})", path, std::strerror(errno)));
  errno = saved;
  return fd;
}

// The real user's rights for the life of the guard (nothing when not elevated).
class RealUserRights {
 public:
  explicit RealUserRights(std::string_view path) {
    if (!elevated()) return;
    egid_ = ::getegid();
    euid_ = ::geteuid();
    if (::setegid(::getgid()) != 0 || ::seteuid(::getuid()) != 0)
      throw Error(ErrorKind::internal,
                  trf("cannot take the real user's rights to write {} ({})", path, std::strerror(errno)));
    dropped_ = true;
  }
  ~RealUserRights() {
    // Taking back rights the saved set-ids hold cannot fail; if it did, stopping is safer than going on.
    if (dropped_ && (::seteuid(euid_) != 0 || ::setegid(egid_) != 0)) std::abort();
  }
  RealUserRights(const RealUserRights&) = delete;
  RealUserRights& operator=(const RealUserRights&) = delete;

 private:
  gid_t egid_ = 0;
  uid_t euid_ = 0;
  bool dropped_ = false;
};

}  // namespace

void write_user_file(const std::string& path, std::string_view bytes, std::string_view what) {
  RealUserRights rights(path);
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty()) throw Error(ErrorKind::usage, trf("{} {}: names a directory; give a file name", what, path));
  std::string temp = (dir == "/" ? "" : dir) + "/." + base + ".XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    int err = errno;
    if (err == EACCES || err == EPERM || err == EROFS)
      throw Error(ErrorKind::permission,
                  trf("{} {}: you may not write in {} ({})", what, path, dir, std::strerror(err)));
    throw Error(ErrorKind::not_found,
                trf("{} {}: cannot create a file in {} ({}); check the path", what, path, dir, std::strerror(err)));
  }
  auto fail = [&](const char* doing) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw Error(ErrorKind::internal, trf("{} {}: {} failed ({})", what, path, doing, std::strerror(err)));
  };
  struct stat st {};
  mode_t mode;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      ::unlink(temp.c_str());
      throw Error(ErrorKind::usage, trf("{} {}: is a directory; give a file name", what, path));
    }
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) fail("setting the mode");
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("writing");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flushing");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw Error(ErrorKind::internal, trf("{} {}: closing failed ({})", what, path, std::strerror(err)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw Error(err == EACCES || err == EPERM ? ErrorKind::permission : ErrorKind::internal,
                trf("{} {}: cannot replace the file ({})", what, path, std::strerror(err)));
  }
}

namespace {
bool g_standard_input_used = false;
}

bool standard_input_used() noexcept { return g_standard_input_used; }

int open_user_file(const std::string& path, std::string_view what) {
  if (path == "-") {
    g_standard_input_used = true;
    return STDIN_FILENO;
  }
  int fd = open_as_real_user(path.c_str());
  if (fd < 0) {
    int err = errno;
    if (err == EACCES || err == EPERM)
      throw Error(ErrorKind::permission, trf("{} {}: you may not read this file (permission denied)", what, path));
    throw Error(ErrorKind::not_found,
                trf("{} {}: cannot read the file ({}); check the path", what, path, std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorKind::not_found, trf("{} {}: is a directory; give a file", what, path));
  }
  return fd;
}

std::string read_user_file(const std::string& path, std::size_t limit, std::string_view what) {
  int fd = open_user_file(path, what);
  std::string text;
  char buffer[65536];
  while (text.size() <= limit) {
    std::size_t room = limit - text.size();  // one byte past the limit is read, to tell it was passed
    auto n = ::read(fd, buffer, room >= sizeof buffer ? sizeof buffer : room + 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      if (fd != STDIN_FILENO) ::close(fd);
      throw Error(ErrorKind::internal, trf("{} {}: read failed ({})", what, path, std::strerror(err)));
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return text;
}

UserFileReader::UserFileReader(std::string path, std::string_view what)
    : path_(std::move(path)), what_(what), fd_(open_user_file(path_, what)) {}

UserFileReader::~UserFileReader() {
  if (fd_ != STDIN_FILENO) ::close(fd_);
}

std::size_t UserFileReader::read(char* buffer, std::size_t size) {
  while (true) {
    auto n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR)
      throw Error(ErrorKind::internal, trf("{} {}: read failed ({})", what_, path_, std::strerror(errno)));
  }
}

}  // namespace linkctl
