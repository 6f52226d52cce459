// SPDX-License-Identifier: MIT
#include "lapses.hpp"

namespace linkctl {

std::string OpenStage::stage_label() const {
  std::string label(to_string(stage.kind));
  if (stage.level) label += " " + std::to_string(*stage.level) + "/" + std::to_string(levels);
  return label;
}

std::optional<Lapse> lapse_of(OpenStage open, Date today, Instant now) {
  const Stage& s = open.stage;
  std::optional<Date> missed;
  if (s.escalated_due) {
    if (today > *s.escalated_due) missed = *s.escalated_due;  // the escalation's date is the one in force
  } else if (s.due_at ? now > *s.due_at : today > s.due) {
    missed = s.due;
  }
  if (!missed) return std::nullopt;
  Lapse l;
  static_cast<OpenStage&>(l) = std::move(open);
  l.missed = *missed;
  l.days_late = static_cast<int>((today - *missed).count());
  return l;
}

}  // namespace linkctl
