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
  Deadline p_approval_;  // [deadlines].approval, for levels that change only its unit
  std::map<std::string, const TV*> dept_at_, person_at_, category_at_, chain_at_;
  std::map<std::string, std::vector<const TV*>> levels_at_;  // per chain code, one per level

  void read_organization(const TV& root, Policy& p);
  void read_calendar(const TV& root, Policy& p);
  Deadline read_deadline(const TV& t, std::string_view key, std::optional<DueUnit> default_unit);
  void read_deadlines(const TV& root, Policy& p);
  void read_scoring(const TV& root, Policy& p);
  void read_departments(const TV& root, Policy& p);
  void read_people(const TV& root, Policy& p);
  void read_categories(const TV& root, Policy& p);
  void read_approval_chains(const TV& root, Policy& p);
  std::optional<Deadline> read_level_deadline(const TV& level, const std::string& where);
  /// Everything the sections must agree on: leads are people of their department,
  /// categories go to departments that exist, every filer kind can file something.
  void cross_check(Policy& p);
};

}  // namespace linkctl::toml_reading
