//===- Random.h - Random numbers that are the same on every machine -*- C++ -*-===//
//
// std::mt19937 is portable but std::uniform_int_distribution and
// std::shuffle are not specified exactly, so a seed could give other DNA on
// another standard library. This is splitmix64 with Lemire's bounded
// integers: fully specified, fast, and good enough for search and shuffling.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_RANDOM_H
#define NAS_SEARCH_RANDOM_H

#include <cstdint>
#include <utility>
#include <vector>

namespace nas {

class Random {
public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  uint64_t below(uint64_t n) { return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64); }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Fisher-Yates.
  template <typename T> void shuffle(std::vector<T> &items) {
    for (size_t i = items.size(); i > 1; --i)
      std::swap(items[i - 1], items[below(i)]);
  }

private:
  uint64_t state_;
};

} // namespace nas

#endif // NAS_SEARCH_RANDOM_H
