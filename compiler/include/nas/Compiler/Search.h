//===- Search.h - Searching a space: trials recorded in a study -*- C++ -*-===//
//
// The loop behind `nasc search`, for embedders too: an algorithm proposes
// DNA; each candidate is materialized, checked against the constraints
// (params, FLOPs) before any training, skipped when a trial of the same
// network (structural hash) already has a result, and otherwise trained by
// the built-in CPU trainer or an external command; every trial is written
// to the study when it starts and when it ends. Running it again on the
// same study resumes: trials left running by a process that died are run
// again, and the algorithm is restored by replaying the history.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_SEARCH_H
#define NAS_COMPILER_SEARCH_H

#include "nas/Compiler/Compiler.h"
#include "nas/Search/Study.h"

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nas {

/// The search section of `space`, read off the space itself (no candidate
/// is materialized); nullopt and `error` when a setting is not a constant.
NAS_API std::optional<SearchSettings> readSearchSettings(const Space &space, std::string &error);

struct SearchOptions {
  SearchSettings settings;
  int64_t epochs = 0;        // 0: the train section's
  double budgetSeconds = 0;  // 0: no limit; no new trial starts after it
  std::string dataDirectory; // "": the train section's data
  int64_t threads = 0;       // 0: all cores
  /// An external trainer: a shell command run in a fresh directory holding
  /// dna.json and candidate.mlir (also in $NASC_TRIAL_DIR, $NASC_DNA,
  /// $NASC_CANDIDATE); its last line of output that is a JSON object gives
  /// the trial's metrics. "": the built-in trainer.
  std::string evaluator;
  /// Where the built-in trainer runs candidates: cpu, cuda or auto.
  std::string device = "cpu";
  double evaluatorTimeout = 3600;
  /// Where the weights of the best trial so far are kept (as
  /// trial-<id>.safetensors); "" keeps none.
  std::string weightsDirectory;
  /// Set (e.g. by SIGINT) to stop: the running trial is abandoned, left as
  /// running, and runs again when the search resumes.
  const std::atomic<bool> *stop = nullptr;
  /// Called as the search goes.
  std::function<void(const struct SearchEvent &)> onEvent;
};

struct SearchEvent {
  /// Duplicate: the algorithm proposed a candidate that an ended trial
  /// (`trial`) already evaluated; that result is its feedback, and nothing
  /// is recorded or counted.
  enum class Kind { Resumed, TrialStarted, Epoch, TrialFinished, Duplicate } kind;
  const TrialRecord *trial = nullptr; // the trial concerned
  const TrialRecord *best = nullptr;  // the best complete trial so far, if any
  int64_t finished = 0, total = 0;    // trials ended (any state) and the budget
  double elapsed = 0;                 // seconds since this run started
};

struct SearchOutcome {
  int64_t finished = 0;     // trials in the study that have ended
  bool interrupted = false; // `stop` was set
  bool outOfTime = false;   // the budget ran out first
  bool exhausted = false;   // the algorithm had nothing more (or nothing new) to propose
  int64_t duplicates = 0;   // proposals of candidates already evaluated, not counted as trials
};

/// A trial that the table evaluator judged is told apart by its key: its
/// candidate hash is this prefix and the key.
constexpr const char *kTableKeyPrefix = "table:";
/// That key (NAS-Bench-201's cell string, say), or "" for other trials.
NAS_API std::string tableKeyOf(const TrialRecord &trial);

/// Runs (or resumes) a search of `space` recorded in `study`.
NAS_API std::optional<SearchOutcome> runSearch(const Space &space, Storage &study, const SearchOptions &options,
                                               std::string &error);

/// The settings as a study records them (JSON), and the objectives read
/// back from that (maximize val_accuracy when there are none).
NAS_API std::string searchSettingsJSON(const SearchOptions &options);
NAS_API std::vector<Objective> objectivesFromSettingsJSON(const std::string &json);

/// The trial's objective values, each oriented so that higher is better;
/// nullopt when one is missing.
NAS_API std::optional<std::vector<double>> orientedObjectives(const TrialRecord &trial,
                                                              const std::vector<Objective> &objectives);
/// Complete trials, best first by the first objective (then by id); with
/// `distinct`, a trial that reused another's result (the same network
/// trained the same way) is left out.
NAS_API std::vector<const TrialRecord *> leaderboard(const std::vector<TrialRecord> &trials,
                                                     const std::vector<Objective> &objectives, bool distinct = false);

} // namespace nas

#endif // NAS_COMPILER_SEARCH_H
