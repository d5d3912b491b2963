//===- SpaceSize.cpp - Exact size of a search space -----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/SpaceSize.h"

#include <algorithm>

namespace nas {

SpaceSize::SpaceSize(uint64_t n) {
  limbs_ = {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)};
  trim();
}

SpaceSize SpaceSize::infinite() {
  SpaceSize s(0);
  s.infinite_ = true;
  return s;
}

void SpaceSize::trim() {
  while (!limbs_.empty() && limbs_.back() == 0)
    limbs_.pop_back();
}

SpaceSize &SpaceSize::operator+=(const SpaceSize &other) {
  if (infinite_ || other.infinite_) {
    *this = infinite();
    return *this;
  }
  limbs_.resize(std::max(limbs_.size(), other.limbs_.size()) + 1, 0);
  uint64_t carry = 0;
  for (size_t i = 0; i < limbs_.size(); ++i) {
    uint64_t sum = carry + limbs_[i] + (i < other.limbs_.size() ? other.limbs_[i] : 0);
    limbs_[i] = static_cast<uint32_t>(sum);
    carry = sum >> 32;
  }
  trim();
  return *this;
}

SpaceSize &SpaceSize::operator*=(const SpaceSize &other) {
  // Zero times infinite is zero: a space with an empty choice has no candidate.
  if (isZero() || other.isZero()) {
    *this = SpaceSize(0);
    return *this;
  }
  if (infinite_ || other.infinite_) {
    *this = infinite();
    return *this;
  }
  std::vector<uint32_t> product(limbs_.size() + other.limbs_.size(), 0);
  for (size_t i = 0; i < limbs_.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < other.limbs_.size(); ++j) {
      uint64_t cur = product[i + j] + static_cast<uint64_t>(limbs_[i]) * other.limbs_[j] + carry;
      product[i + j] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
    product[i + other.limbs_.size()] += static_cast<uint32_t>(carry);
  }
  limbs_ = std::move(product);
  trim();
  return *this;
}

std::string SpaceSize::toString() const {
  if (infinite_)
    return "infinite";
  if (limbs_.empty())
    return "0";
  // Repeated division by 10^9 gives nine decimal digits at a time.
  std::vector<uint32_t> rest = limbs_;
  std::string digits;
  while (!rest.empty()) {
    uint64_t remainder = 0;
    for (size_t i = rest.size(); i-- > 0;) {
      uint64_t cur = (remainder << 32) | rest[i];
      rest[i] = static_cast<uint32_t>(cur / 1000000000u);
      remainder = cur % 1000000000u;
    }
    while (!rest.empty() && rest.back() == 0)
      rest.pop_back();
    std::string chunk = std::to_string(remainder);
    if (!rest.empty())
      chunk.insert(0, 9 - chunk.size(), '0');
    digits.insert(0, chunk);
  }
  return digits;
}

} // namespace nas
