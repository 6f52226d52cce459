// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <vector>

#include "audit.hpp"
#include "render.hpp"
#include "scoring.hpp"
#include "stats.hpp"

namespace linkctl {

/// One row per department: department, base, the seven penalty columns, score, bonus_deduction (SPEC section 7).
Rows report_rows(const MonthlyReport& r);
/// One row per penalty: month, department, rule, points, yuan, ticket, date, detail.
Rows penalty_rows(const MonthlyReport& r);
/// `report monthly`: a heading saying whether the month is frozen (table), the report as
/// one object (json, unless `detail`), then the department rows or the penalty rows.
View report_view(const MonthlyReport& r, const std::optional<FrozenReport>& frozen, bool detail, Format f);

/// KPIs as rows: department, filed, received, on-time rates per stage (percent, one
/// decimal; null when nothing fell due), median days to answer, ratings, resets, escalations.
Rows stats_rows(const std::vector<DepartmentStats>& stats);

}  // namespace linkctl
