// SPDX-License-Identifier: MIT
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "date.hpp"
#include "types.hpp"

namespace linkctl {

/// Who the actor is: the OS login ("os"), whatever --as says ("declared"), or the
/// PostgreSQL session user ("database": the server's authentication says who acts).
enum class IdentityMode { os, declared, database };

/// One stage's deadline: an amount per severity and the unit it is counted in.
struct Deadline {
  std::array<int, 3> amount{};  ///< indexed by Severity
  DueUnit unit = DueUnit::working_days;
  int for_severity(Severity s) const { return amount[static_cast<int>(s)]; }
  bool operator==(const Deadline&) const = default;
};

/// [deadlines]: one rule per clocked stage and for the two replacements.
struct Deadlines {
  Deadline approval, feedback, review, escalated, reset;
};

/// [scoring]: points (negative) and the head's bonus deductions (yuan, negative).
struct Scoring {
  int approval_overdue = -1;
  int feedback_overdue = -2;
  int review_overdue = -1;
  int rated_fair = -1;
  int rated_unsatisfied = -2;
  int fake_handling = -2;
  int supervisor_reset = -2;
  int bonus_threshold = 3;
  int bonus_penalty = -5;
  int escalated_overdue_bonus_penalty = -5;
};

struct Organization {
  std::string name;
  TimeZone timezone;
  int base_score = 100;
  bool allow_clock_override = false;
  IdentityMode identity = IdentityMode::os;
};

struct Department {
  std::string code, name;
  DeptKind kind = DeptKind::front;
  std::vector<std::string> leads;  ///< person ids
  std::optional<std::string> parent;
};

struct Person {
  std::string id, name, department, login;
  std::vector<std::string> roles;     ///< as written in the policy
  std::set<std::string> filer_kinds;  ///< from roles "filer:<kind>"
  bool handler = false, supervisor = false, admin = false;

  /// Adds a role as written and what it grants; false when linkctl does not know the role.
  bool add_role(std::string role);
};

struct Category {
  std::string code, name;
  Severity severity = Severity::normal;
  std::vector<std::string> filers;             ///< filer kinds allowed to use it
  std::string to;                              ///< default receiving department
  std::array<std::optional<int>, 3> feedback;  ///< per-severity override of [deadlines].feedback
  std::optional<std::string> chain;            ///< approval chain code; none: the sending lead alone
};

/// Who signs one level of an approval chain (SPEC section 11).
enum class ApproverKind { sending_lead, dept_lead, person };

/// One level of an approval chain: its name, who approves it and its deadline.
struct ApprovalLevel {
  std::string name;
  ApproverKind approver = ApproverKind::sending_lead;
  std::string approver_id;           ///< department code (dept_lead) or person id (person); empty for sending_lead
  std::optional<Deadline> deadline;  ///< none: [deadlines].approval
  bool operator==(const ApprovalLevel&) const = default;
  /// "sending-lead", "dept:CODE" or "person:ID", as written in the policy.
  std::string approver_text() const;
};

/// [[approval_chains]]: the signatures a ticket of a category needs before work starts.
struct ApprovalChain {
  std::string code, name;
  std::vector<ApprovalLevel> levels;
  bool operator==(const ApprovalChain&) const = default;
};

/// The parsed, validated policy. Built only by load_policy(); never changes.
struct Policy {
  Organization organization;
  WorkCalendar calendar;
  Deadlines deadlines;
  Scoring scoring;
  std::vector<Department> departments;
  std::vector<Person> people;
  std::vector<Category> categories;
  std::vector<ApprovalChain> approval_chains;
  std::string text;    ///< the TOML source
  std::string sha256;  ///< of `text`

  const Department* department(std::string_view code) const;
  const Person* person(std::string_view id) const;
  const Person* person_by_login(std::string_view login) const;
  const Category* category(std::string_view code) const;
  const ApprovalChain* approval_chain(std::string_view code) const;
  /// True when `person` is one of `dept`'s leads.
  bool is_lead(std::string_view person, std::string_view dept) const;
  /// The feedback deadline of a ticket in `category` with `severity` (category override first).
  Deadline feedback_rule(const Category& category) const;
};

/// One finding of the validator, located in the policy file.
struct Diagnostic {
  bool error = true;  ///< false: a warning
  std::string file;
  unsigned line = 0;
  std::string message;  ///< what is wrong and what would be right
  /// "file:line: error: message".
  std::string str() const;
};

/// The outcome of loading a policy: the policy when there were no errors, and
/// every error and warning found.
struct PolicyLoad {
  std::shared_ptr<const Policy> policy;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return policy != nullptr; }
  std::size_t error_count() const;
};

/// Policy files larger than this are refused (a policy is a few hundred KiB at most).
inline constexpr std::size_t kMaxPolicyBytes = 4 * 1024 * 1024;

/// Parses and validates a policy. `source` names the file in diagnostics;
/// `today` drives the "calendar coverage ends soon" warning.
PolicyLoad load_policy(std::string_view text, const std::string& source, Date today);

}  // namespace linkctl
