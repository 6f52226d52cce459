// SPDX-License-Identifier: MIT
#include "admin.hpp"

#include <fmt/format.h>

#include <map>

#include "audit.hpp"
#include "error.hpp"
#include "hash.hpp"
#include "i18n.hpp"
#include "policy_snapshot.hpp"

namespace linkctl {

OsUser session_user_of(Store& store) {
  auto u = store.connection().database_user();
  return database_user(u ? std::optional<std::string>(u->name) : std::nullopt, u && u->owner);
}

std::string admin_actor(const Policy& policy, const Requester& who, bool require_admin) {
  auto refuse = [](const std::string& name) {
    return Error(ErrorKind::permission,
                 trf("'{}' may not change the policy; only people with the admin role (or root) may", name));
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

using json = nlohmann::ordered_json;

// The compiled snapshot's SHA-256 an init or policy.apply event sealed (from release 0.2 on).
std::optional<std::string> compiled_sha256(const nlohmann::ordered_json& changes) {
  if (!changes.is_object()) return std::nullopt;
  auto it = changes.find("compiled_sha256");
  if (it == changes.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

EventDraft policy_event(Instant at, const Clock& clock, const std::string& verb, const std::string& actor,
                        const Requester& who, std::optional<std::int64_t> old_version, std::int64_t new_version,
                        const PolicyVersion& next) {
  EventDraft e;
  e.verb = verb;
  e.actor = actor;
  if (actor != who.os.login) e.via = who.os.login;
  e.at = at;
  e.recorded_at = clock.wall();
  e.clock_override = clock.overridden();
  e.changes["policy_version"] = {old_version ? json(*old_version) : json(nullptr), new_version};
  e.changes["sha256"] = next.sha256;
  // The snapshot commands load instead of the text: sealed here, checked on every load.
  e.changes["compiled_sha256"] = sha256_hex(*next.compiled);
  e.note = next.source;
  return e;
}

PolicyVersion version_of(const Policy& p, Instant at, const std::string& actor, const std::string& source) {
  return {0, format_instant(at), actor, source, p.sha256, p.text, compile_policy(p)};
}

}  // namespace

PolicyInForce policy_in_force(Store& store, bool verify_text) {
  auto current = store.sealed_policy();
  if (!current)
    throw Error(ErrorKind::database,
                trf("{} holds no policy; apply one with 'linkctl policy apply FILE'", store.name()));
  const PolicyVersion* stored = &current->policy;
  auto tampered = [&](const std::string& what) {
    return Error(ErrorKind::database, trf("the policy in force (v{}) {}; the database was changed outside linkctl: run "
                                          "'linkctl audit verify' and restore it from a backup",
                                          stored->version, what));
  };
  // A cheap tripwire for what would change permissions silently; `audit verify` checks the event itself and the chain.
  const auto& seal = current->seal;
  if (!seal) throw tampered(_("was applied by no event"));
  if (!seal->changes.is_object() || seal->changes.value("sha256", "") != stored->sha256)
    throw tampered(trf("is not the policy event {} applied", seal->event));
  if (seal->last_event_policy_version > stored->version)
    throw tampered(_("is older than the policy later events were judged under"));
  PolicyInForce out;
  out.version = stored->version;
  if (auto sealed = compiled_sha256(seal->changes)) {
    out.sealed = true;
    if (!stored->compiled || sha256_hex(*stored->compiled) != *sealed)
      throw tampered(trf("has a compiled snapshot that is not the one event {} sealed", seal->event));
    if (verify_text && sha256_hex(stored->text) != stored->sha256)
      throw tampered(_("has a text that does not match its SHA-256"));
    out.policy = load_compiled_policy(*stored->compiled, stored->text, stored->sha256);
    if (out.policy) return out;
    // A snapshot of another format: its text, checked below, is as good.
  }
  if (sha256_hex(stored->text) != stored->sha256) throw tampered(_("has a text that does not match its SHA-256"));
  auto load = load_policy(stored->text, fmt::format("policy v{}", stored->version), Date{});
  if (!load.ok())
    throw Error(
        ErrorKind::database,
        trf("the stored policy v{} no longer loads ({}); apply a corrected one with 'linkctl policy apply FILE'",
            stored->version, load.diagnostics.empty() ? "?" : load.diagnostics.front().str()));
  out.policy = load.policy;
  return out;
}

AuditResult audit_database(Store& store, const std::vector<Anchor>& anchors) {
  auto r = store.verify_audit(anchors);
  if (!r.ok) return r;
  auto rows = store.audit_rows();
  // Only spot checks from before 0.2 need this: their date is derived from the instant, in the time zone
  // of the policy they were judged under (its text is checked against the chain before spot checks are).
  std::map<std::int64_t, std::optional<TimeZone>> zones;
  auto local_date = [&](std::int64_t version, Instant at) -> std::optional<Date> {
    auto it = zones.find(version);
    if (it == zones.end()) {
      std::optional<TimeZone> tz;
      for (const auto& v : rows.policies)
        if (v.version == version)
          if (auto p = load_policy(v.text, "", Date{}).policy) tz = p->organization.timezone;
      it = zones.emplace(version, tz).first;
    }
    if (!it->second) return std::nullopt;
    return it->second->local_date(at);
  };
  check_rows(r, rows, local_date);
  return r;
}

Anchor audit_anchor(Store& store, std::optional<std::int64_t> event) {
  Anchor head = store.head();
  if (event) {
    auto hash = store.event_hash_of(*event);
    if (!hash) throw Error(ErrorKind::not_found, trf("no event {}; the newest is {}", *event, head.event));
    return {*event, *hash};
  }
  if (head.event == 0) throw Error(ErrorKind::not_found, _("the database has no events yet"));
  return head;
}

std::vector<PolicyVersion> policy_history(Store& store) { return store.policy_history(); }

Copied copy_database(Store& source, const Policy& policy, const std::string& target, const Requester& who) {
  Copied c;
  c.actor = admin_actor(policy, who, true);
  if (who.os.elevated && !who.os.root)
    throw Error(ErrorKind::permission, trf("linkctl copy refused: this linkctl runs with its installation's group; the "
                                           "installation's owner copies with the plain binary"));
  try {
    Store::require_absent(target);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::conflict) throw;
    throw Error(ErrorKind::conflict, trf("{} already holds a database; copy --to writes only into a new file "
                                         "or an empty PostgreSQL database (CREATE DATABASE ...)",
                                         target));
  }
  c.source = audit_database(source, {});
  if (!c.source.ok)
    throw Error(ErrorKind::invalid,
                trf("{} fails audit verify ({}); nothing was copied", source.name(), c.source.problem));
  Store::create(target, [&](Store& copy) {
    auto tx = copy.begin_write();
    c.rows = source.copy_into(copy);
    tx.commit();
  });
  auto copy = Store::open(target);
  c.target_name = copy.name();
  c.target = audit_database(copy, {});
  if (!c.target.ok)
    throw Error(ErrorKind::database,
                trf("the copy at {} fails audit verify ({}); keep using {}", target, c.target.problem, source.name()));
  c.source_head = audit_anchor(source, c.target.head_event);
  if (c.source_head.hash != c.target.head_hash)
    throw Error(ErrorKind::database,
                trf("the copy's head {}:{} differs from the source's event {}:{}", c.target.head_event,
                    c.target.head_hash, c.source_head.event, c.source_head.hash));
  return c;
}

PolicyApplied init_database(const std::string& path, const Policy& policy, const std::string& source,
                            const Clock& clock, const Requester& who) {
  if (who.os.elevated && !who.os.root)
    throw Error(
        ErrorKind::permission,
        trf("linkctl init refused: this linkctl runs with its installation's group, and {} would be yours in the "
            "group's directory; the installation's owner creates the database with the plain binary",
            path));
  bool by_database = policy.organization.identity == IdentityMode::database;
  std::string actor = by_database ? std::string() : admin_actor(policy, who, false);
  std::int64_t version = 0;
  Store::create(path, [&](Store& store) {
    Requester as = who;
    if (by_database) {
      as.os = session_user_of(store);
      actor = admin_actor(policy, as, false);
    }
    auto tx = store.begin_write();
    Instant at = clock.now();
    auto v = version_of(policy, at, actor, source);
    version = store.add_policy_version(v);
    auto event = policy_event(at, clock, "init", actor, as, std::nullopt, version, v);
    // The account that created the database is always worth recording.
    event.via = as.os.login == actor ? std::nullopt : std::optional<std::string>(as.os.login);
    store.append_event(event, version);
    tx.commit();
  });
  return {version, true, actor};
}

PolicyApplied apply_policy(Store& store, const Policy& current, const Policy& next, const std::string& source,
                           const Clock& clock, const Requester& who) {
  std::string actor = admin_actor(current, who, true);
  auto tx = store.begin_write();
  auto in_force = store.current_policy();
  if (in_force && in_force->sha256 == next.sha256) {
    auto seal = store.policy_seal(in_force->version);
    if (seal && compiled_sha256(seal->changes)) return {in_force->version, false, actor};
    // Applied before snapshots were sealed into the chain: apply it again to seal one.
  }
  for (const auto& d : current.departments) {
    if (next.department(d.code)) continue;
    auto open = store.open_tickets_of(d.code, 6);
    if (open.empty()) continue;
    throw Error(
        ErrorKind::conflict,
        trf("{} drops department '{}', but open ticket{} {}{} {} from or to it; keep the department "
            "until they are done "
            "(or forward them); nothing was changed",
            source, d.code, open.size() == 1 ? "" : "s",
            fmt::join(open.begin(), open.begin() + static_cast<long>(std::min<std::size_t>(open.size(), 5)), ", "),
            open.size() > 5 ? ", …" : "", open.size() == 1 ? "is" : "are"));
  }
  Instant at = clock.now();
  auto v = version_of(next, at, actor, source);
  auto version = store.add_policy_version(v);
  store.append_event(policy_event(at, clock, "policy.apply", actor, who,
                                  in_force ? std::optional<std::int64_t>(in_force->version) : std::nullopt, version, v),
                     version);
  tx.commit();
  return {version, true, actor};
}

}  // namespace linkctl
