//===- Pruner.h - Stopping unpromising trials early -------------*- C++ -*-===//
//
// Asynchronous successive halving (Li et al., MLSys 2020), as Optuna's
// SuccessiveHalvingPruner does it: a trial reports its validation figure
// (higher is better) after each epoch; at the rung epochs minEpochs,
// minEpochs * reduction, minEpochs * reduction^2, ... (below maxEpochs) the
// figure is compared with those that every trial reported at the same rung
// so far, this one included, and the trial goes on only if it is among the
// best max(1, floor(n / reduction)) of those n values. So while a rung has
// fewer than `reduction` values only a new best goes on, as in Optuna (the
// trials cannot be paused until enough others arrive). Nothing waits for
// other trials, and the decisions depend only on the order of the reports.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_PRUNER_H
#define NAS_SEARCH_PRUNER_H

#include <cstdint>
#include <map>

namespace nas {

class SuccessiveHalving {
public:
  /// minEpochs is at least 1 and reduction at least 2 (smaller values are
  /// raised to those). maxEpochs is the epochs a trial trains when it is
  /// not pruned: a trial that reaches it is done, so no rung is there or
  /// after it; 0 or less means no limit.
  SuccessiveHalving(int64_t minEpochs, int64_t reduction, int64_t maxEpochs);

  /// Whether `epoch` (1-based) is a rung.
  bool isRung(int64_t epoch) const;

  /// Records `value`, the figure of `trial` after `epoch`, if that epoch is
  /// a rung (a second report of the same trial at the same rung replaces
  /// the first), and says whether the trial should stop: it is outside the
  /// top 1/reduction of the rung's values. Other epochs never prune. A NaN
  /// value is recorded as minus infinity and always pruned.
  bool shouldPrune(int64_t trial, int64_t epoch, double value);

  /// Records without deciding, to restore the rungs from a study's history
  /// (each trial's per-epoch figures, in the order they were reported).
  void record(int64_t trial, int64_t epoch, double value);

  int64_t minEpochs() const { return minEpochs_; }
  int64_t reduction() const { return reduction_; }
  int64_t maxEpochs() const { return maxEpochs_; }

private:
  int64_t minEpochs_, reduction_, maxEpochs_;
  /// By rung epoch: each trial's value there.
  std::map<int64_t, std::map<int64_t, double>> rungs_;
};

} // namespace nas

#endif // NAS_SEARCH_PRUNER_H
