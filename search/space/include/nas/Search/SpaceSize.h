//===- SpaceSize.h - Exact size of a search space ---------------*- C++ -*-===//
//
// The number of candidates of a discrete space grows as a product over its
// decisions and overflows 64 bits quickly (NAS-Bench-201 is small; a 20-layer
// space with 5 choices per layer is not), so it is kept as an exact unsigned
// big integer. A space with a continuous decision has an infinite size.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_SPACESIZE_H
#define NAS_SEARCH_SPACESIZE_H

#include <cstdint>
#include <string>
#include <vector>

namespace nas {

class SpaceSize {
public:
  /// The size of a space with exactly `n` candidates.
  explicit SpaceSize(uint64_t n = 1);
  static SpaceSize infinite();

  bool isInfinite() const { return infinite_; }
  bool isZero() const { return !infinite_ && limbs_.empty(); }

  SpaceSize &operator+=(const SpaceSize &other);
  SpaceSize &operator*=(const SpaceSize &other);
  friend SpaceSize operator+(SpaceSize a, const SpaceSize &b) { return a += b; }
  friend SpaceSize operator*(SpaceSize a, const SpaceSize &b) { return a *= b; }
  bool operator==(const SpaceSize &other) const = default;

  /// Decimal digits, or "infinite".
  std::string toString() const;

private:
  void trim();
  bool infinite_ = false;
  std::vector<uint32_t> limbs_; // little-endian base 2^32, no leading zeros
};

} // namespace nas

#endif // NAS_SEARCH_SPACESIZE_H
