//===- ExternalEvaluator.h - A trainer that is a shell command --*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_EXTERNALEVALUATOR_H
#define NAS_COMPILER_EXTERNALEVALUATOR_H

#include "nas/Compiler/Compiler.h"
#include "nas/Search/Study.h"

#include <atomic>
#include <map>
#include <optional>
#include <string>

namespace nas {

/// Runs `command` with `sh -c` in `directory` (which holds the candidate),
/// with $NASC_TRIAL_DIR set, for at most `timeout` seconds (then its process
/// group is killed) or until `stop` is set. The last line of its standard
/// output that is a JSON object of numbers gives the metrics. nullopt and
/// `error` (exit status, timeout, no JSON) otherwise.
std::optional<std::map<std::string, double>> runExternalEvaluator(const std::string &command,
                                                                  const std::string &directory, double timeout,
                                                                  const std::atomic<bool> *stop, std::string &error);

/// Evaluates `candidate` with `command` (runExternalEvaluator) in a fresh
/// directory holding dna.json and candidate.mlir; fills `trial` (state,
/// metrics, reason). False when stopped (the trial stays running).
bool evaluateWithCommand(const std::string &command, double timeout, const std::atomic<bool> *stop,
                         const Candidate &candidate, TrialRecord &trial);

} // namespace nas

#endif // NAS_COMPILER_EXTERNALEVALUATOR_H
