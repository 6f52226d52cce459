// SPDX-License-Identifier: MIT
#include "i18n.hpp"

#include <libintl.h>

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "untranslated.hpp"

namespace linkctl {
namespace {

constexpr const char* kDomain = "linkctl";
bool original_text = false;  // keep_original_text()

#ifndef LINKCTL_INSTALL_LOCALEDIR
#define LINKCTL_INSTALL_LOCALEDIR "/usr/share/locale"
#endif

std::string locale_dir() {
  if (const char* env = std::getenv("LINKCTL_LOCALEDIR"); env && *env) return env;
  // The build tree: the catalogs are built into locale/ beside the binary.
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto beside = exe.parent_path() / "locale";
    if (std::filesystem::is_directory(beside, ec)) return beside.string();
  }
  return LINKCTL_INSTALL_LOCALEDIR;
}

}  // namespace

void init_i18n() {
  // Not LC_ALL: LC_NUMERIC, LC_TIME and LC_COLLATE stay "C", so that number parsing and
  // printing, dates and sorting never change with the locale.
  std::setlocale(LC_MESSAGES, "");
  std::setlocale(LC_CTYPE, "");
  // A C/POSIX locale translates nothing: no need to look for catalogs.
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0) {
    if (!std::getenv("LANGUAGE")) return;
  }
  int saved = errno;
  bindtextdomain(kDomain, locale_dir().c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  errno = saved;
}

void keep_original_text() { original_text = true; }

const char* tr(const char* msgid) { return original_text ? msgid : dgettext(kDomain, msgid); }

const char* tr_context(const char* context, const char* msgid) {
  if (original_text) return msgid;
  // pgettext: the catalog's key is "context\004msgid"; without a translation, the msgid.
  std::string key = std::string(context) + '\004' + msgid;
  const char* found = dgettext(kDomain, key.c_str());
  return found == key.c_str() || std::strcmp(found, key.c_str()) == 0 ? msgid : found;
}

}  // namespace linkctl
