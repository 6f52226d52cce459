// SPDX-License-Identifier: MIT
#include "labels.hpp"

#include <array>
#include <utility>

#include "i18n.hpp"

// Marks a word in a context for xgettext without translating it here.
#define NC_(context, msgid) msgid

namespace linkctl {
namespace {

// Every column heading of a human table, for xgettext: column_label() translates any key.
[[maybe_unused]] constexpr const char* kColumns[] = {
    // TRANSLATORS: column headings of the human tables (the tsv/csv/json keys never change).
    NC_("column", "id"),
    NC_("column", "state"),
    NC_("column", "title"),
    NC_("column", "category"),
    NC_("column", "category_name"),
    NC_("column", "severity"),
    NC_("column", "filer"),
    NC_("column", "from_dept"),
    NC_("column", "to_dept"),
    NC_("column", "handler"),
    NC_("column", "filed_at"),
    NC_("column", "approval_due"),
    NC_("column", "feedback_due"),
    NC_("column", "review_due"),
    NC_("column", "escalated"),
    NC_("column", "resets"),
    NC_("column", "rating"),
    NC_("column", "overdue"),
    NC_("column", "explained"),
    NC_("column", "ref"),
    NC_("column", "result"),
    NC_("column", "body"),
    NC_("column", "updated_at"),
    NC_("column", "approval_level"),
    NC_("column", "approval_levels"),
    NC_("column", "approvals"),
    NC_("column", "from"),
    NC_("column", "to"),
    NC_("column", "due"),
    NC_("column", "dept"),
    NC_("column", "ticket"),
    NC_("column", "stage"),
    NC_("column", "days_late"),
    NC_("column", "date"),
    NC_("column", "weekday"),
    NC_("column", "workday"),
    NC_("column", "kind"),
    NC_("column", "counted"),
    NC_("column", "at"),
    NC_("column", "actor"),
    NC_("column", "via"),
    NC_("column", "verb"),
    NC_("column", "state_before"),
    NC_("column", "state_after"),
    NC_("column", "changes"),
    NC_("column", "note"),
    NC_("column", "rule"),
    NC_("column", "status"),
    NC_("column", "check"),
    NC_("column", "detail"),
    NC_("column", "code"),
    NC_("column", "name"),
    NC_("column", "leads"),
    NC_("column", "parent"),
    NC_("column", "department"),
    NC_("column", "login"),
    NC_("column", "roles"),
    NC_("column", "feedback"),
    NC_("column", "filers"),
    NC_("column", "chain"),
    NC_("column", "level"),
    NC_("column", "level_name"),
    NC_("column", "approver"),
    NC_("column", "major"),
    NC_("column", "urgent"),
    NC_("column", "normal"),
    NC_("column", "unit"),
    NC_("column", "points"),
    NC_("column", "version"),
    NC_("column", "applied_at"),
    NC_("column", "applied_by"),
    NC_("column", "source"),
    NC_("column", "sha256"),
    NC_("column", "base"),
    NC_("column", "approval_overdue"),
    NC_("column", "feedback_overdue"),
    NC_("column", "review_overdue"),
    NC_("column", "rated_fair"),
    NC_("column", "rated_unsatisfied"),
    NC_("column", "fake_handling"),
    NC_("column", "supervisor_reset"),
    NC_("column", "score"),
    NC_("column", "bonus_deduction"),
    NC_("column", "filed"),
    NC_("column", "received"),
    NC_("column", "satisfied"),
    NC_("column", "fair"),
    NC_("column", "unsatisfied"),
    NC_("column", "month"),
    NC_("column", "period"),
    NC_("column", "tickets"),
    NC_("column", "escalations"),
    NC_("column", "approval_on_time"),
    NC_("column", "feedback_on_time"),
    NC_("column", "review_on_time"),
    NC_("column", "approved_by"),
    NC_("column", "problem"),
    NC_("column", "events"),
    NC_("column", "first_bad_event"),
    NC_("column", "head_hash"),
    NC_("column", "source_head"),
    NC_("column", "target_head"),
    NC_("column", "rows"),
    NC_("column", "days"),
    NC_("column", "target"),
    NC_("column", "value"),
    NC_("column", "count"),
    NC_("column", "timezone"),
    NC_("column", "base_score"),
    NC_("column", "allow_clock_override"),
    NC_("column", "identity"),
    NC_("column", "calendar")};

// The words in the cells, each in the context of the kind of value it is.
[[maybe_unused]] constexpr const char* kValues[] = {
    // TRANSLATORS: ticket states (SPEC section 3), as the regulation names them.
    NC_("state", "pending"), NC_("state", "routed"), NC_("state", "assigned"), NC_("state", "handled"),
    NC_("state", "answered"), NC_("state", "done"), NC_("state", "rejected"),
    // TRANSLATORS: severities (性质).
    NC_("severity", "major"), NC_("severity", "urgent"), NC_("severity", "normal"),
    // TRANSLATORS: satisfaction ratings (满意度评价).
    NC_("rating", "satisfied"), NC_("rating", "fair"), NC_("rating", "unsatisfied"),
    // TRANSLATORS: the deadlines' stages.
    NC_("stage", "approval"), NC_("stage", "feedback"), NC_("stage", "review"), NC_("stage", "escalated"),
    NC_("stage", "reset"),
    // TRANSLATORS: deadline rules (policy show, deadlines).
    NC_("rule", "approval"), NC_("rule", "feedback"), NC_("rule", "review"), NC_("rule", "reset"),
    NC_("rule", "reset-by-supervisor"), NC_("rule", "reset-after-rating"),
    // TRANSLATORS: the scoring rules of the policy (policy show).
    NC_("rule", "approval_overdue"), NC_("rule", "feedback_overdue"), NC_("rule", "review_overdue"),
    NC_("rule", "rated_fair"), NC_("rule", "rated_unsatisfied"), NC_("rule", "fake_handling"),
    NC_("rule", "supervisor_reset"), NC_("rule", "bonus_penalty"), NC_("rule", "bonus_threshold"),
    NC_("rule", "escalated_overdue_bonus_penalty"),
    // TRANSLATORS: kinds of department, and of calendar day.
    NC_("kind", "front"), NC_("kind", "back"), NC_("kind", "office"), NC_("kind", "workday"), NC_("kind", "weekend"),
    NC_("kind", "holiday"), NC_("kind", "make-up workday"),
    // TRANSLATORS: units of a deadline.
    NC_("unit", "working_days"), NC_("unit", "calendar_days"), NC_("unit", "hours"),
    // TRANSLATORS: weekdays in the calendar tables.
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"), NC_("weekday", "Fri"),
    NC_("weekday", "Sat"), NC_("weekday", "Sun"),
    // TRANSLATORS: the verbs in a ticket's history (the commands' names).
    NC_("verb", "file"), NC_("verb", "approve"), NC_("verb", "reject"), NC_("verb", "route"), NC_("verb", "forward"),
    NC_("verb", "close"), NC_("verb", "confirm"), NC_("verb", "explain"), NC_("verb", "rate"), NC_("verb", "reset"),
    NC_("verb", "escalate"), NC_("verb", "spotcheck"), NC_("verb", "comment"), NC_("verb", "import"),
    NC_("verb", "transfer"),
    // TRANSLATORS: results of doctor's checks and the status of a deadline.
    NC_("status", "ok"), NC_("status", "warning"), NC_("status", "problem"), NC_("status", "skipped"),
    NC_("status", "open"), NC_("status", "overdue"), NC_("status", "finished late"), NC_("status", "finished on time"),
    // TRANSLATORS: the result of audit verify.
    NC_("status", "tampered")};

// The context of a column's values, or nullptr for a column shown as it is.
const char* value_context(std::string_view key) {
  if (key == "state" || key == "state_before" || key == "state_after") return "state";
  if (key == "overdue") return "stage";
  for (const char* k : {"severity", "rating", "stage", "rule", "kind", "unit", "weekday", "verb", "status"})
    if (key == k) return k;
  return nullptr;
}

std::string word(const char* context, const std::string& value) {
  // "routed!" (escalated), "approval 1/2" (a level of a chain): the word, then the rest as it is.
  const char* whole = tr_context(context, value.c_str());
  if (whole != value.c_str()) return whole;
  auto end = value.find_first_of(" !:");
  if (end == std::string::npos) return value;
  std::string head = value.substr(0, end);
  return tr_context(context, head.c_str()) + value.substr(end);
}

}  // namespace

std::string column_label(const std::string& key) { return tr_context("column", key.c_str()); }

nlohmann::ordered_json cell_label(const std::string& key, const nlohmann::ordered_json& value) {
  const char* context = value_context(key);
  if (!context) return value;
  if (value.is_string()) return word(context, value.get<std::string>());
  if (value.is_array()) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& item : value)
      out.push_back(item.is_string() ? nlohmann::ordered_json(word(context, item.get<std::string>())) : item);
    return out;
  }
  return value;
}

std::string state_label(State s) { return tr_context("state", std::string(to_string(s)).c_str()); }
std::string severity_label(Severity s) { return tr_context("severity", std::string(to_string(s)).c_str()); }
std::string rating_label(Rating r) { return tr_context("rating", std::string(to_string(r)).c_str()); }
std::string stage_label(StageKind k) { return tr_context("stage", std::string(to_string(k)).c_str()); }

}  // namespace linkctl
