// SPDX-License-Identifier: MIT
#pragma once
#include "date.hpp"

namespace linkctl {

/// The only source of "now". SystemClock reads the real time; FixedClock is
/// set from --now/--today/LINKCTL_NOW (when the policy allows) and in tests.
class Clock {
 public:
  virtual ~Clock() = default;
  /// Effective time of the action being done.
  virtual Instant now() const = 0;
  /// Real wall time, recorded beside the effective time on every event.
  virtual Instant wall() const = 0;
  /// True when now() is not the real time.
  virtual bool overridden() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override;
  Instant wall() const override { return now(); }
  bool overridden() const override { return false; }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant at) : at_(at) {}
  Instant now() const override { return at_; }
  Instant wall() const override { return real_.now(); }
  bool overridden() const override { return true; }

 private:
  Instant at_;
  SystemClock real_;
};

}  // namespace linkctl
