// SPDX-License-Identifier: MIT
// Approval chains (SPEC section 11): who signs each level of a ticket, which
// department owes it, its deadline rule, and the chain as stored on the ticket.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy.hpp"
#include "ticket.hpp"

namespace linkctl {

/// The level of `t`'s chain numbered `level` (1-based); nullptr for a ticket without a chain.
const ApprovalLevel* approval_level_of(const Ticket& t, int level);
/// The department that owes `level` of `t`: the sending department, the named one,
/// or the approving person's department (the code after "person:" when they left the policy).
std::string level_dept(const Policy& policy, const Ticket& t, int level);
/// The deadline rule of `level`: its own, or [deadlines].approval.
Deadline level_rule(const Policy& policy, const Ticket& t, int level);
/// True when `person` may approve or reject `t` at its current level.
bool is_level_approver(const Policy& policy, const Person& person, const Ticket& t);
/// "the approver of level 2/3 (财务部审核): a lead of 财务部 (finance) (qian.li)".
std::string level_approver_phrase(const Policy& policy, const Ticket& t);
/// True when `person` is the approver (or a member of the approving department) of a
/// level `t` has reached: they see it from then on.
bool sees_as_approver(const Person& person, const Ticket& t);
/// The approvers a chain level may name that make `person` see a ticket once it reaches
/// that level: "dept:<their department>" and "person:<their id>".
std::vector<std::string> approvers_seen_by(const Person& person);
/// The text chain_to_text() writes for a level approved by `approver` ("dept:finance"):
/// a stored chain containing it names that approver (a store's prefilter; can_see decides).
std::string chain_text_naming(const std::string& approver);

/// The chain as stored in tickets.approval_chain (compact JSON), and back.
std::string chain_to_text(const ApprovalChain& chain);
/// nullopt when the text is not a chain linkctl wrote.
std::optional<ApprovalChain> chain_from_text(std::string_view text);

}  // namespace linkctl
