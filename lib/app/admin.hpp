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

/// identity = "database": the database session user of `store` as the one who runs
/// the command (Error(invalid) on SQLite, which has none).
OsUser session_user_of(Store& store);

/// The policy in force, as loaded and checked against the audit chain.
struct PolicyInForce {
  std::shared_ptr<const Policy> policy;
  std::int64_t version = 0;
  bool sealed = false;  ///< its compiled snapshot's SHA-256 is in the chain (applied by release 0.2 or later)
};

/// Loads the policy in force, checked against the event that applied it: that
/// event must be intact, name this version's SHA-256, and be no older than the
/// policy the newest event was judged under; the compiled snapshot must hash to
/// what the event recorded (versions applied before 0.2 recorded none: their text
/// is checked against its SHA-256 and parsed instead). `verify_text` checks the
/// text on the fast path too (for printing it). Throws Error(database) otherwise.
PolicyInForce policy_in_force(Store& store, bool verify_text = false);

/// `audit verify`: the chain, the anchors, every ticket, and every row of the other
/// tables against the event that wrote it (lib/audit).
AuditResult audit_database(Store& store, const std::vector<Anchor>& anchors);

/// The anchor of event `event` (default: the newest) as `audit anchor` prints it.
/// Throws Error(not_found) when there is no such event.
Anchor audit_anchor(Store& store, std::optional<std::int64_t> event);

/// Result of copy: the rows copied and the two chains' heads, which are equal.
struct Copied {
  std::string actor;
  std::int64_t rows = 0;
  std::string target_name;  ///< the target as messages name it (a URI without its password)
  AuditResult source;       ///< `audit verify` of the source before the copy
  AuditResult target;       ///< and of the new database after it
  Anchor source_head;       ///< the source's event at the target's head
};

/// `copy --to TARGET` (SPEC 12): admins (or root) copy the whole database into a new
/// one (a file that does not exist, or an empty PostgreSQL database) in one
/// transaction: nothing appears at `target` unless everything was copied. The
/// source's chain is verified first (Error(invalid) when it fails: a damaged chain is
/// not spread), the target's after; Error(conflict) when `target` holds a database.
Copied copy_database(Store& source, const Policy& policy, const std::string& target, const Requester& who);

/// Every policy version applied, oldest first (`policy history`).
std::vector<PolicyVersion> policy_history(Store& store);

/// Result of init and policy apply.
struct PolicyApplied {
  std::int64_t version = 0;
  bool changed = true;  ///< false: the same text was already in force
  std::string actor;
};

/// Creates a database at `path` and applies `policy` as version 1, with one
/// event. Anyone able to create the file may do this, but not through a setgid or
/// setuid installation (the file would be the user's, in the group's directory).
PolicyApplied init_database(const std::string& path, const Policy& policy, const std::string& source,
                            const Clock& clock, const Requester& who);

/// Stores `next` as the new policy version, with one event, in one transaction.
/// Only root and people with the admin role (under the policy in force) may.
/// Applying the text already in force changes nothing, unless that version was applied
/// before 0.2 (its snapshot is then sealed into the chain as a new version). A department
/// that `next` drops may have no open tickets (Error(conflict)).
PolicyApplied apply_policy(Store& store, const Policy& current, const Policy& next, const std::string& source,
                           const Clock& clock, const Requester& who);

/// The label an event records for `who` under `policy`: a person id, or the
/// OS login when no person matches (root before its policy names it).
std::string admin_actor(const Policy& policy, const Requester& who, bool require_admin);

}  // namespace linkctl
