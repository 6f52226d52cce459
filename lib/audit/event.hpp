// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "date.hpp"

namespace linkctl {

/// What an accepted verb appends to the audit log.
struct EventDraft {
  std::optional<std::int64_t> ticket_id;
  std::string verb;
  std::string actor;
  std::optional<std::string> via;  ///< OS login when it is not the actor ("zhou as li.na")
  Instant at{};
  Instant recorded_at{};
  bool clock_override = false;
  std::optional<std::string> state_before, state_after;
  nlohmann::ordered_json changes = nlohmann::ordered_json::object();
  std::optional<std::string> note;
  std::optional<std::string> ticket_digest;  ///< set by the store for ticket events
};

/// A stored event with its place in the hash chain.
struct Event : EventDraft {
  std::int64_t id = 0;
  std::int64_t policy_version = 0;
  std::string changes_json;  ///< `changes` exactly as stored and hashed
  std::string prev_hash, hash;
};

/// prev_hash of the first event.
inline const std::string kGenesisHash(64, '0');

/// The hash an event must carry: SHA-256 over the previous hash and every stored field.
std::string event_hash(const Event& e, const std::string& prev_hash);
/// The same over the times as stored (`at`, `recorded_at`), so that a time not in
/// canonical form (edited outside linkctl) fails the check.
std::string stored_event_hash(const Event& e, const std::string& prev_hash, std::string_view at,
                              std::string_view recorded_at);
/// `changes` as stored: compact JSON, UTF-8 kept, broken UTF-8 replaced.
std::string changes_text(const nlohmann::ordered_json& changes);

}  // namespace linkctl
