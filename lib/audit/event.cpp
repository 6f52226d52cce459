// SPDX-License-Identifier: MIT
#include "event.hpp"

#include "canonical.hpp"
#include "hash.hpp"

namespace linkctl {

std::string stored_event_hash(const Event& e, const std::string& prev_hash, std::string_view at,
                              std::string_view recorded_at) {
  CanonicalArray j;
  j.num(e.id).num_or_null(e.ticket_id).str(e.verb).str(e.actor).str_or_null(e.via).str(at).str(recorded_at);
  j.boolean(e.clock_override).str_or_null(e.state_before).str_or_null(e.state_after).str(e.changes_json);
  j.str_or_null(e.note).str_or_null(e.ticket_digest).num(e.policy_version);
  return sha256_hex(prev_hash + "\n" + j.text());
}

std::string event_hash(const Event& e, const std::string& prev_hash) {
  return stored_event_hash(e, prev_hash, format_instant(e.at), format_instant(e.recorded_at));
}

std::string changes_text(const nlohmann::ordered_json& changes) {
  return changes.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace linkctl
