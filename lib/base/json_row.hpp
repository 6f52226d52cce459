// SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>

namespace linkctl {

/// Builds one row in order, with room for its keys reserved and each value moved
/// in. (An initializer list copies every value; growing an ordered_json object key
/// by key copies every key. Both showed in the profiles of long listings.)
/// Keys must be distinct; they are not checked.
class RowBuilder {
 public:
  explicit RowBuilder(std::size_t keys) : row_(nlohmann::ordered_json::object()) {
    row_.get_ref<nlohmann::ordered_json::object_t&>().reserve(keys);
  }
  RowBuilder& operator()(const char* key, nlohmann::ordered_json value) {
    row_.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(key, std::move(value));
    return *this;
  }
  nlohmann::ordered_json take() { return std::move(row_); }

 private:
  nlohmann::ordered_json row_;
};

}  // namespace linkctl
