// SPDX-License-Identifier: MIT
// Internal to lib/policy: the policy loader, split over policy_load.cpp (the
// sections) and policy_check.cpp (what the sections must agree on).
#pragma once
#include <map>
#include <string>

#include "toml_reader.hpp"

namespace linkctl::toml_reading {

class Loader : public TomlReader {
 public:
  Loader(std::string file, Date today) : TomlReader(std::move(file)), today_(today) {}
  PolicyLoad load(std::string_view text);

 private:
  Date today_;
  std::map<std::string, const TV*> dept_at_, person_at_, category_at_;

  void read_organization(const TV& root, Policy& p);
  void read_calendar(const TV& root, Policy& p);
  Deadline read_deadline(const TV& t, std::string_view key, std::optional<DueUnit> default_unit);
  void read_deadlines(const TV& root, Policy& p);
  void read_scoring(const TV& root, Policy& p);
  void read_departments(const TV& root, Policy& p);
  void read_people(const TV& root, Policy& p);
  void read_categories(const TV& root, Policy& p);
  /// Everything the sections must agree on: leads are people of their department,
  /// categories go to departments that exist, every filer kind can file something.
  void cross_check(Policy& p);
};

}  // namespace linkctl::toml_reading
