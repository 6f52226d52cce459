// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

#include "policy.hpp"

namespace linkctl {

/// The real OS account running linkctl; under identity = "database", the database
/// session user in its place (see database_user()).
struct OsUser {
  std::string login;
  bool root = false;
  bool elevated = false;  ///< running with another group or user than the real one (a setgid/setuid installation)
  bool database = false;  ///< `login` is the database session user, not an OS account
};

/// identity = "database": who acts is the database session user `name` (nullopt: the
/// engine has none, i.e. SQLite: throws invalid); `owner` (a superuser or the database's
/// owner) counts as root does under "os". Never elevated.
OsUser database_user(const std::optional<std::string>& name, bool owner);

/// Who is acting: a person of the policy, and the OS login when someone else
/// acts for them ("zhou as li.na").
struct Actor {
  const Person* person = nullptr;
  std::optional<std::string> via;
  const std::string& id() const { return person->id; }
};

/// SPEC section 8. identity = "os": the person whose login is the OS user;
/// `declared` (--as / LINKCTL_USER) only for root and admins. identity =
/// "declared": `declared`, else the OS login. identity = "database": as "os", with
/// `os` from database_user(). Throws not_found for an unknown
/// person, permission for a refused --as.
Actor resolve_actor(const Policy& policy, const OsUser& os, const std::optional<std::string>& declared);

}  // namespace linkctl
