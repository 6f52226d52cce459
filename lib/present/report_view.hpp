// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <vector>

#include "audit.hpp"
#include "period_report.hpp"
#include "policy.hpp"
#include "render.hpp"
#include "scoring.hpp"
#include "stats.hpp"

namespace linkctl {

/// One row per department: department, base, the seven penalty columns, score, bonus_deduction (SPEC section 7).
Rows report_rows(const MonthlyReport& r);
/// One row per penalty: month, department, rule, points, yuan, ticket, date, detail.
Rows penalty_rows(const MonthlyReport& r);
/// `report monthly`: a heading saying whether the month is frozen (table), the report as
/// one object (json, unless `detail`), then the department rows or the penalty rows. In a
/// table departments by name and each score also as a bar, full at the base score.
View report_view(const MonthlyReport& r, const std::optional<FrozenReport>& frozen, bool detail, Format f);

/// `report quarterly|yearly`: a heading naming each month's source (table), the report as
/// one object (json, unless `detail`), then the department rows or every penalty with its month.
View period_report_view(const PeriodReport& r, const std::string& title, bool detail, Format f);

/// KPIs as rows: department, filed, received, on-time rates per stage (percent, one
/// decimal; null when nothing fell due), median days to answer, ratings, resets, escalations.
Rows stats_rows(const std::vector<DepartmentStats>& stats);
/// `stats`: stats_rows; in a table departments by name and the feedback on-time rate
/// (the stage the regulation scores hardest) also as a bar.
View stats_view(const Policy& p, const std::vector<DepartmentStats>& stats, Format f);

}  // namespace linkctl
