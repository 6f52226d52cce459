// SPDX-License-Identifier: MIT
#include "admin.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "policy_snapshot.hpp"
#include "policy_view.hpp"

namespace linkctl {

std::string admin_actor(const Policy& policy, const Requester& who, bool require_admin) {
  auto refuse = [](const std::string& name) {
    return Error(ErrorKind::permission,
                 fmt::format("'{}' may not change the policy; only people with the admin role (or root) may", name));
  };
  if (who.declared) {
    // --as X: act with X's rights, whoever runs the command.
    Actor actor = resolve_actor(policy, who.os, who.declared);
    if (require_admin && !actor.person->admin) throw refuse(actor.id());
    return actor.id();
  }
  std::optional<Actor> actor;
  try {
    actor = resolve_actor(policy, who.os, std::nullopt);
  } catch (const Error&) {
    if (!who.os.root) throw;
    return who.os.login;  // root, not (yet) a person of the policy
  }
  if (require_admin && !actor->person->admin && !who.os.root) throw refuse(actor->id());
  return actor->id();
}

namespace {

EventDraft policy_event(const Clock& clock, const std::string& verb, const std::string& actor, const Requester& who,
                        std::optional<std::int64_t> old_version, std::int64_t new_version, const Policy& next,
                        const std::string& source) {
  EventDraft e;
  e.verb = verb;
  e.actor = actor;
  if (actor != who.os.login) e.via = who.os.login;
  e.at = clock.now();
  e.recorded_at = clock.wall();
  e.clock_override = clock.overridden();
  e.changes["policy_version"] = {old_version ? nlohmann::ordered_json(*old_version) : nlohmann::ordered_json(nullptr), new_version};
  e.changes["sha256"] = next.sha256;
  e.note = source;
  return e;
}

}  // namespace

PolicyApplied init_database(const std::string& path, const Policy& policy, const std::string& source,
                            const Clock& clock, const Requester& who) {
  std::string actor = admin_actor(policy, who, false);
  Store store = Store::create(path);
  auto tx = store.begin_write();
  PolicyVersion v{0, format_instant(clock.now()), actor, source, policy.sha256, policy.text, compile_policy(policy)};
  auto version = store.add_policy_version(v);
  auto event = policy_event(clock, "init", actor, who, std::nullopt, version, policy, source);
  // The OS account that created the file is always worth recording.
  event.via = who.os.login == actor ? std::nullopt : std::optional<std::string>(who.os.login);
  store.append_event(event, version);
  tx.commit();
  return {version, true, actor};
}

PolicyApplied apply_policy(Store& store, const Policy& current, const Policy& next, const std::string& source,
                           const Clock& clock, const Requester& who) {
  std::string actor = admin_actor(current, who, true);
  auto tx = store.begin_write();
  auto in_force = store.current_policy();
  if (in_force && in_force->sha256 == next.sha256) return {in_force->version, false, actor};
  PolicyVersion v{0, format_instant(clock.now()), actor, source, next.sha256, next.text, compile_policy(next)};
  auto version = store.add_policy_version(v);
  store.append_event(policy_event(clock, "policy.apply", actor, who,
                                  in_force ? std::optional<std::int64_t>(in_force->version) : std::nullopt, version,
                                  next, source),
                     version);
  tx.commit();
  return {version, true, actor};
}

}  // namespace linkctl
