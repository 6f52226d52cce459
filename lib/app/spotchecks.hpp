// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "session.hpp"

namespace linkctl {

/// A reproducible sample of `count` done tickets rated in the month of `month_first`
/// (supervisors): the same month, count and seed give the same tickets.
std::vector<Ticket> spotcheck_sample(Session& s, Date month_first, int count, const std::string& seed);

/// Records a spot check of a done ticket (supervisors): one event, and a fake
/// finding costs the receiving department points in this month.
Applied record_spotcheck(Session& s, std::int64_t id, bool fake, const std::optional<std::string>& note);

}  // namespace linkctl
