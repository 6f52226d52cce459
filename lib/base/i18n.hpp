// SPDX-License-Identifier: MIT
// Translation of human text (GNU gettext, the "linkctl" domain). Only text a person reads
// goes through here: help, table headings and labels, warnings and errors. Never tsv/csv/json,
// event payloads, the audit chain or the database, which stay byte-identical under every LANG.
//
// Marking, for xgettext (po/README): _("text") translates now; N_("text") only marks a
// string translated later by tr(); C_("context", "text") translates a short word that means
// different things in different places; trf("text {}", args...) translates a fmt format string.
#pragma once
#include <fmt/format.h>

#include <string>

namespace linkctl {

/// Chooses the messages' language from the environment (LC_ALL, LC_MESSAGES, LANG) and finds
/// the catalogs: $LINKCTL_LOCALEDIR, else locale/ beside the binary (the build tree), else
/// the installed locale directory. Sets LC_MESSAGES and LC_CTYPE only, never the categories
/// that change how numbers, dates or sorting work. Call once, first thing in main().
void init_i18n();

/// `msgid` in the user's language (itself when there is no translation).
const char* tr(const char* msgid);
/// `msgid` in the context `context` (gettext's pgettext).
const char* tr_context(const char* context, const char* msgid);

/// fmt::format with a translated format string. A translation whose fields do not match the
/// arguments falls back to the original text rather than failing the command.
template <typename... Args>
std::string trf(const char* msgid, Args&&... args) {
  try {
    return fmt::format(fmt::runtime(tr(msgid)), args...);
  } catch (const fmt::format_error&) {
    return fmt::format(fmt::runtime(msgid), args...);
  }
}

}  // namespace linkctl

// NOLINTBEGIN(cppcoreguidelines-macro-usage): xgettext finds the strings by these names.
#define _(msgid) ::linkctl::tr(msgid)
#define N_(msgid) msgid
#define C_(context, msgid) ::linkctl::tr_context(context, msgid)
// NOLINTEND(cppcoreguidelines-macro-usage)
