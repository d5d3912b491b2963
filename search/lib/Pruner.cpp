//===- Pruner.cpp - Stopping unpromising trials early ---------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Pruner.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace nas {

SuccessiveHalving::SuccessiveHalving(int64_t minEpochs, int64_t reduction, int64_t maxEpochs)
    : minEpochs_(std::max<int64_t>(minEpochs, 1)), reduction_(std::max<int64_t>(reduction, 2)), maxEpochs_(maxEpochs) {}

bool SuccessiveHalving::isRung(int64_t epoch) const {
  if (epoch < minEpochs_ || (maxEpochs_ > 0 && epoch >= maxEpochs_))
    return false;
  int64_t rung = minEpochs_;
  while (rung < epoch) {
    if (rung > epoch / reduction_) // the next rung would pass `epoch`
      return false;
    rung *= reduction_;
  }
  return rung == epoch;
}

void SuccessiveHalving::record(int64_t trial, int64_t epoch, double value) {
  if (isRung(epoch))
    rungs_[epoch][trial] = std::isnan(value) ? -std::numeric_limits<double>::infinity() : value;
}

bool SuccessiveHalving::shouldPrune(int64_t trial, int64_t epoch, double value) {
  if (!isRung(epoch))
    return false;
  record(trial, epoch, value);
  if (std::isnan(value))
    return true;
  std::vector<double> values;
  for (const auto &[other, v] : rungs_[epoch])
    values.push_back(v);
  std::sort(values.begin(), values.end(), std::greater<double>());
  size_t keep = std::max<size_t>(1, values.size() / static_cast<size_t>(reduction_));
  return value < values[keep - 1];
}

} // namespace nas
