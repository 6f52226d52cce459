// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>

#include "clock.hpp"
#include "identity.hpp"
#include "policy.hpp"
#include "store.hpp"

namespace linkctl {

/// Who asks for an administrative change, before any policy says who they are.
struct Requester {
  OsUser os;
  std::optional<std::string> declared;  ///< --as / LINKCTL_USER
};

/// Result of init and policy apply.
struct PolicyApplied {
  std::int64_t version = 0;
  bool changed = true;  ///< false: the same text was already in force
  std::string actor;
};

/// Creates a database at `path` and applies `policy` as version 1, with one
/// event. Anyone able to create the file may do this.
PolicyApplied init_database(const std::string& path, const Policy& policy, const std::string& source,
                            const Clock& clock, const Requester& who);

/// Stores `next` as the new policy version, with one event, in one transaction.
/// Only root and people with the admin role (under the policy in force) may.
/// Applying the text already in force changes nothing.
PolicyApplied apply_policy(Store& store, const Policy& current, const Policy& next, const std::string& source,
                           const Clock& clock, const Requester& who);

/// The label an event records for `who` under `policy`: a person id, or the
/// OS login when no person matches (root before its policy names it).
std::string admin_actor(const Policy& policy, const Requester& who, bool require_admin);

}  // namespace linkctl
