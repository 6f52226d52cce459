// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "policy.hpp"
#include "ticket.hpp"

namespace linkctl {

/// A stage with what scoring needs to know about its ticket.
struct StageFact {
  std::int64_t ticket_id = 0;
  Stage stage;
  std::string from_dept;       ///< the ticket's sending department
  std::string answering_dept;  ///< review stages: the department whose answer was reviewed
};

/// A spot check (抽查) of a done ticket.
struct SpotcheckFact {
  std::int64_t ticket_id = 0;
  Date on{};
  std::string dept;  ///< receiving department at the time
  bool fake = false;
};

/// Everything that can carry a penalty into a month.
struct MonthFacts {
  std::vector<StageFact> stages;
  std::vector<SpotcheckFact> spotchecks;
};

/// The penalty kinds of SPEC section 6, in report column order.
inline const std::vector<std::string> kPenaltyRules = {"approval_overdue", "feedback_overdue",  "review_overdue",
                                                       "rated_fair",       "rated_unsatisfied", "fake_handling",
                                                       "supervisor_reset"};

/// One traceable deduction: points from a department's score, or yuan from its head's bonus.
struct Penalty {
  std::string department;
  std::string rule;         ///< a kPenaltyRules entry, or bonus_threshold / escalated_overdue
  int points = 0;           ///< negative
  int yuan = 0;             ///< negative (bonus deductions)
  std::int64_t ticket = 0;  ///< 0 for the threshold rule
  Date date{};
  std::string detail;
};

struct DepartmentScore {
  std::string code, name;
  int base = 0;
  std::map<std::string, int> points;  ///< by rule, negative
  int score = 0;
  int bonus_deduction = 0;  ///< yuan, negative
};

/// A month's scores, as computed (or as frozen).
struct MonthlyReport {
  std::string month;  ///< YYYY-MM
  Date as_of{};
  std::vector<DepartmentScore> departments;
  std::vector<Penalty> penalties;
};

/// SPEC section 6 over `facts`: each penalty belongs to the month of the missed
/// due date, or of the rating, reset or finding. Stages not yet finished count
/// as late once `as_of` (`now` for hour-based ones) is past their due date. Departments of kind office are
/// not scored.
MonthlyReport score_month(const Policy& policy, Date month_first, Date as_of, Instant now, const MonthFacts& facts);

/// The report columns of SPEC section 7: department, base, the seven penalty columns, score, bonus_deduction.
std::vector<std::string> score_columns();
/// One department's row under score_columns().
nlohmann::ordered_json score_row(const DepartmentScore& d);
/// The detail columns: month, department, rule, points, yuan, ticket, date, detail.
std::vector<std::string> penalty_columns();
nlohmann::ordered_json penalty_row(const std::string& month, const Penalty& p);
/// The report as stored when frozen (and printed as JSON): month, as_of, departments, penalties.
nlohmann::ordered_json report_json(const MonthlyReport& r);
MonthlyReport report_from_json(const nlohmann::ordered_json& j);

}  // namespace linkctl
