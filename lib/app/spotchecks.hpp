// SPDX-License-Identifier: MIT
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "period.hpp"
#include "session.hpp"

namespace linkctl {

/// A reproducible sample of `count` done tickets rated in `period` (supervisors): the
/// same period, count and seed give the same tickets.
std::vector<Ticket> spotcheck_sample(Session& s, const Period& period, int count, const std::string& seed);

/// Records a spot check of a done ticket (supervisors): one event, and a fake
/// finding costs the receiving department points in this month.
Applied record_spotcheck(Session& s, std::int64_t id, bool fake, const std::optional<std::string>& note);

}  // namespace linkctl
