// SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace linkctl {

/// 性质: 重大违规 / 紧急 / 普通.
enum class Severity { major, urgent, normal };
inline constexpr std::array kSeverities = {Severity::major, Severity::urgent, Severity::normal};

/// front: the filers' departments; back: receiving-only; office: the supervisor.
enum class DeptKind { front, back, office };

/// Where a ticket is in SPEC section 3's lifecycle.
enum class State { pending, routed, assigned, handled, answered, done, rejected };
inline constexpr std::array kStates = {State::pending,  State::routed, State::assigned, State::handled,
                                       State::answered, State::done,   State::rejected};

/// 满意度评价.
enum class Rating { satisfied, fair, unsatisfied };

/// The three clocked stages of a ticket.
enum class StageKind { approval, feedback, review };

/// Why a stage started, and so which [deadlines] rule set its due date. Stored as
/// approval, feedback, review, reset, reset-by-supervisor, reset-after-rating.
enum class StageRule { approval, feedback, review, reset, reset_by_supervisor, reset_after_rating };
/// True for the three kinds of reset (a new feedback stage after an answer).
constexpr bool is_reset(StageRule r) {
  return r == StageRule::reset || r == StageRule::reset_by_supervisor || r == StageRule::reset_after_rating;
}

/// How a deadline is counted.
enum class DueUnit { working_days, calendar_days, hours };

std::string_view to_string(Severity s);
std::string_view to_string(DeptKind k);
std::string_view to_string(State s);
std::string_view to_string(Rating r);
std::string_view to_string(StageKind k);
std::string_view to_string(StageRule r);
std::string_view to_string(DueUnit u);

std::optional<Severity> parse_severity(std::string_view s);
std::optional<DeptKind> parse_dept_kind(std::string_view s);
std::optional<State> parse_state(std::string_view s);
std::optional<Rating> parse_rating(std::string_view s);
std::optional<DueUnit> parse_due_unit(std::string_view s);
std::optional<StageKind> parse_stage_kind(std::string_view s);
std::optional<StageRule> parse_stage_rule(std::string_view s);

/// The Chinese label used by the regulation (重大违规, 紧急, 普通).
std::string_view label_zh(Severity s);

}  // namespace linkctl
