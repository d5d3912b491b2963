//===- SeenDNA.h - The DNAs an algorithm was told about ---------*- C++ -*-===//
//
// Evolution and TPE propose something new when they can: a child or a
// model's pick that was evaluated already teaches nothing, and on small
// discrete spaces (NAS-Bench-201's 15,625 cells) both would otherwise spend
// many proposals on repeats. Private to search/lib.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_LIB_SEENDNA_H
#define NAS_SEARCH_LIB_SEENDNA_H

#include "nas/Search/DNA.h"

#include <string>
#include <unordered_set>

namespace nas {

class SeenDNA {
public:
  void insert(const DNA &dna) { seen_.insert(key(dna)); }
  bool contains(const DNA &dna) const { return seen_.count(key(dna)) != 0; }

  /// `draw()` until it gives a DNA not seen, at most `tries` times; the
  /// last draw when every one was seen.
  template <typename Draw> DNA novel(Draw &&draw, int tries = 64) const {
    DNA dna = draw();
    for (int i = 1; i < tries && contains(dna); ++i)
      dna = draw();
    return dna;
  }

private:
  static std::string key(const DNA &dna) {
    std::string k;
    for (const auto &[path, v] : dna.values) {
      k += path;
      k += '=';
      for (int64_t i : v.indices)
        k += std::to_string(i) + ',';
      k += std::to_string(v.integer) + ',' + std::to_string(v.number) + ';';
    }
    return k;
  }
  std::unordered_set<std::string> seen_;
};

} // namespace nas

#endif // NAS_SEARCH_LIB_SEENDNA_H
