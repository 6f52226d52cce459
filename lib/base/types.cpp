// SPDX-License-Identifier: MIT
#include "types.hpp"

namespace linkctl {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_enum(std::string_view s, const std::array<std::pair<E, std::string_view>, N>& names) {
  for (const auto& [e, name] : names)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(E e, const std::array<std::pair<E, std::string_view>, N>& names) {
  for (const auto& [v, name] : names)
    if (v == e) return name;
  return "?";
}

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverityNames{
    {{Severity::major, "major"}, {Severity::urgent, "urgent"}, {Severity::normal, "normal"}}};
constexpr std::array<std::pair<DeptKind, std::string_view>, 3> kDeptKindNames{
    {{DeptKind::front, "front"}, {DeptKind::back, "back"}, {DeptKind::office, "office"}}};
constexpr std::array<std::pair<State, std::string_view>, 7> kStateNames{{{State::pending, "pending"},
                                                                         {State::routed, "routed"},
                                                                         {State::assigned, "assigned"},
                                                                         {State::handled, "handled"},
                                                                         {State::answered, "answered"},
                                                                         {State::done, "done"},
                                                                         {State::rejected, "rejected"}}};
constexpr std::array<std::pair<Rating, std::string_view>, 3> kRatingNames{
    {{Rating::satisfied, "satisfied"}, {Rating::fair, "fair"}, {Rating::unsatisfied, "unsatisfied"}}};
constexpr std::array<std::pair<StageKind, std::string_view>, 3> kStageNames{
    {{StageKind::approval, "approval"}, {StageKind::feedback, "feedback"}, {StageKind::review, "review"}}};
constexpr std::array<std::pair<StageRule, std::string_view>, 6> kRuleNames{
    {{StageRule::approval, "approval"},
     {StageRule::feedback, "feedback"},
     {StageRule::review, "review"},
     {StageRule::reset, "reset"},
     {StageRule::reset_by_supervisor, "reset-by-supervisor"},
     {StageRule::reset_after_rating, "reset-after-rating"}}};
constexpr std::array<std::pair<DueUnit, std::string_view>, 3> kUnitNames{
    {{DueUnit::working_days, "working_days"}, {DueUnit::calendar_days, "calendar_days"}, {DueUnit::hours, "hours"}}};

}  // namespace

std::string_view to_string(Severity s) { return name_of(s, kSeverityNames); }
std::string_view to_string(DeptKind k) { return name_of(k, kDeptKindNames); }
std::string_view to_string(State s) { return name_of(s, kStateNames); }
std::string_view to_string(Rating r) { return name_of(r, kRatingNames); }
std::string_view to_string(StageKind k) { return name_of(k, kStageNames); }
std::string_view to_string(DueUnit u) { return name_of(u, kUnitNames); }
std::string_view to_string(StageRule r) { return name_of(r, kRuleNames); }

std::optional<Severity> parse_severity(std::string_view s) { return parse_enum(s, kSeverityNames); }
std::optional<DeptKind> parse_dept_kind(std::string_view s) { return parse_enum(s, kDeptKindNames); }
std::optional<State> parse_state(std::string_view s) { return parse_enum(s, kStateNames); }
std::optional<Rating> parse_rating(std::string_view s) { return parse_enum(s, kRatingNames); }
std::optional<DueUnit> parse_due_unit(std::string_view s) { return parse_enum(s, kUnitNames); }
std::optional<StageKind> parse_stage_kind(std::string_view s) { return parse_enum(s, kStageNames); }
std::optional<StageRule> parse_stage_rule(std::string_view s) { return parse_enum(s, kRuleNames); }

std::string_view label_zh(Severity s) {
  switch (s) {
    case Severity::major:
      return "重大违规";
    case Severity::urgent:
      return "紧急";
    case Severity::normal:
      return "普通";
  }
  return "?";
}

}  // namespace linkctl
