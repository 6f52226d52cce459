// SPDX-License-Identifier: MIT
#include "identity.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {
namespace {

const Person* lookup(const Policy& policy, const std::string& name) {
  if (const Person* p = policy.person(name)) return p;
  return policy.person_by_login(name);
}

}  // namespace

OsUser database_user(const std::optional<std::string>& name, bool owner) {
  if (!name)
    throw Error(ErrorKind::invalid,
                _("identity = \"database\" needs a PostgreSQL database (the actor is its session user); on an SQLite "
                  "file use identity = \"os\""));
  OsUser u;
  u.login = *name;
  u.root = owner;
  u.database = true;
  return u;
}

Actor resolve_actor(const Policy& policy, const OsUser& os, const std::optional<std::string>& declared) {
  if (policy.organization.identity == IdentityMode::declared) {
    std::string name = declared.value_or(os.login);
    const Person* p = lookup(policy, name);
    if (!p)
      throw Error(ErrorKind::not_found, trf("'{}' is not a person in the policy; pass --as ID (or "
                                            "LINKCTL_USER) with an id from 'linkctl policy show'",
                                            name));
    return {p, std::nullopt};
  }
  const Person* self = policy.person_by_login(os.login);
  if (!declared || (self && (declared == self->id || declared == self->login))) {
    if (!self)
      throw Error(ErrorKind::permission,
                  trf("{} '{}' is not a person in the policy; an admin adds login = \"{}\" to their [[people]] entry",
                      os.database ? "database user" : "OS user", os.login, os.login));
    return {self, std::nullopt};
  }
  if (!os.root && !(self && self->admin))
    throw Error(ErrorKind::permission, trf("--as {} refused: you are '{}', and only root and admins may act for others",
                                           *declared, self ? self->id : os.login));
  const Person* p = lookup(policy, *declared);
  if (!p)
    throw Error(ErrorKind::not_found,
                trf("--as {}: no such person in the policy; use an id from 'linkctl policy show'", *declared));
  return {p, os.login};
}

}  // namespace linkctl
