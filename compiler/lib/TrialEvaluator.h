//===- TrialEvaluator.h - A trial trained, or run by a command --*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_TRIALEVALUATOR_H
#define NAS_COMPILER_TRIALEVALUATOR_H

#include "nas/Compiler/Search.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"
#include "nas/Search/Pruner.h"

#include <cmath>
#include <functional>
#include <optional>
#include <string>

namespace nas {

/// What the search needs of each trial's evaluation: the built-in trainer
/// (on the device of the options, the data loaded once, the weights of the
/// best trial kept) or the options' external command.
class TrialEvaluator {
public:
  TrialEvaluator(const SearchOptions &options, Storage &study) : options_(options), study_(study) {}

  /// Trains `candidate`; fills `trial` (state, metrics, reason) and records
  /// epochs as they end. False when stopped (the trial stays running), or
  /// with `error` when no trial can be trained (the data cannot be read).
  bool evaluate(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
                const std::function<void()> &onEpoch, std::string &error);
  /// The best first objective whose weights are kept, restored on resume.
  void setBest(double value) { bestValue_ = value; }

private:
  bool builtIn(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
               const std::function<void()> &onEpoch, std::string &error);
  bool loadData(const std::string &directory, std::string &error);
  void keepWeights(Model &model, const TrialRecord &trial);

  const SearchOptions &options_;
  Storage &study_;
  std::string dataDirectory_;
  std::optional<Dataset> train_, test_;
  double bestValue_ = -INFINITY;
  std::string bestWeights_;
};

} // namespace nas

#endif // NAS_COMPILER_TRIALEVALUATOR_H
