//===- Study.h - The record of a search, on disk ----------------*- C++ -*-===//
//
// A study holds the space's source and hash, the search settings, and every
// trial: its DNA, state, per-epoch metrics, final metrics, cost, timings and
// the machine it ran on. Each trial is written when it starts and when it
// ends, in transactions, so a crash loses at most the running trials, which
// a resumed search runs again.
//
// Storage is an interface so that a shared database for many workers can
// be added without touching the algorithms; SQLite (one file, WAL) is the
// embedded default. No method throws: failures return false (or nullopt)
// and say why in `error`.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_STUDY_H
#define NAS_SEARCH_STUDY_H

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nas {

enum class TrialState { Running, Complete, Failed, Pruned, Infeasible };
/// "running", "complete", "failed", "pruned", "infeasible".
const char *trialStateName(TrialState state);
std::optional<TrialState> parseTrialState(const std::string &name);

struct EpochMetrics {
  int64_t epoch = 0; // 1-based
  double trainLoss = 0, validationLoss = 0, validationAccuracy = 0, seconds = 0;
};

struct TrialRecord {
  int64_t id = 0;  // assigned by the storage, 1, 2, ... in start order
  std::string dna; // JSON, by decision path
  std::string candidateHash;
  TrialState state = TrialState::Running;
  std::string reason; // why failed, pruned or infeasible
  int64_t params = 0, flops = 0;
  std::vector<EpochMetrics> epochs;
  /// Final figures by name: val_accuracy, test_accuracy, val_loss,
  /// train_seconds, samples_per_s, ... (objectives are among them).
  std::map<std::string, double> metrics;
  double startedAt = 0, finishedAt = 0; // Unix time, seconds
  std::string machine;                  // host name
  std::string worker;                   // "pid@host" of the process that ran it
};

struct StudyInfo {
  std::string spaceSource; // the .nas text
  std::string spaceHash;   // a hash of it: a study belongs to one space
  std::string spacePath;   // where the file was, for people
  std::string settings;    // the search settings as JSON
  double createdAt = 0;
};

class Storage {
public:
  virtual ~Storage() = default;
  /// The study's description; refuses (false) a study of another space.
  /// Creates the study when the storage is empty (an empty `spaceHash` is
  /// computed from `spaceSource`, a zero `createdAt` is now). A study that
  /// exists keeps its stored description, which info() then returns.
  /// The writing methods below need a successful open().
  virtual bool open(const StudyInfo &info, std::string &error) = 0;
  /// The stored description: after open(), or as soon as the storage is
  /// opened for a study that already has one (so that a reader needs no
  /// space); empty otherwise.
  virtual const StudyInfo &info() const = 0;

  /// Records a new trial, as given (normally running); fills an empty
  /// `machine` (the host name), `worker` ("pid@host" of this process) and a
  /// zero `startedAt` (now). Returns its id (0 on failure).
  virtual int64_t startTrial(const TrialRecord &trial, std::string &error) = 0;
  /// Records (or replaces) one epoch of a trial.
  virtual bool recordEpoch(int64_t id, const EpochMetrics &epoch, std::string &error) = 0;
  /// Ends a running trial: its final state (not Running), final metrics and
  /// reason; sets `finishedAt` to now.
  virtual bool finishTrial(int64_t id, TrialState state, const std::map<std::string, double> &metrics,
                           const std::string &reason, std::string &error) = 0;
  /// Every trial with its epochs, in id order. Clears `error`; on failure
  /// returns nothing and says why in it.
  virtual std::vector<TrialRecord> trials(std::string &error) const = 0;
  /// Deletes the trials left running by a process that died (their epochs
  /// too), so that a resumed search runs them again; returns how many (-1 on
  /// failure). Only workers of this host can be known dead (no such pid);
  /// the running trials of other hosts and of live processes are kept.
  virtual int64_t dropRunning(std::string &error) = 0;
};

/// SQLite's application_id of a nasc study ('nasc'), and the format version
/// (user_version) this code writes and reads; a newer one is refused.
constexpr int32_t kStudyApplicationId = 0x6e617363;
constexpr int kStudyFormatVersion = 1;

/// A study in a SQLite file (created when missing). A file that is not a
/// study (another SQLite database, a truncated or foreign file, a study of
/// a newer format) is refused with a clear error naming it: nullptr.
std::unique_ptr<Storage> openSQLiteStudy(const std::string &path, std::string &error);

/// A hash of a space's source text (FNV-1a 64-bit, 16 hex digits), as
/// studies store it.
std::string spaceHash(const std::string &source);

} // namespace nas

#endif // NAS_SEARCH_STUDY_H
