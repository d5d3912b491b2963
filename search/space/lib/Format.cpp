//===- Format.cpp - Numbers and lists as people read them -----------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nas {

std::string formatNumber(double x) {
  char buffer[32];
  // Whole numbers in full (10, not 1e+01) while they are exact.
  if (std::nearbyint(x) == x && std::fabs(x) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    return buffer;
  }
  for (int precision = 1; precision < 18; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
    if (std::strtod(buffer, nullptr) == x)
      break;
  }
  return buffer;
}

std::string joinNames(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

} // namespace nas
