//===- SearchDriver.cpp - The search loop: propose, check, train, record --===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Search.h"

#include "TableEvaluator.h"
#include "TrialEvaluator.h"
#include "nas/Search/Algorithm.h"
#include "nas/Search/Pruner.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace nas {

namespace {
using Clock = std::chrono::steady_clock;

/// What the algorithm learns from an ended trial whose DNA is `dna`.
HistoryEntry historyOf(DNA dna, const TrialRecord &t, const std::vector<Objective> &objectives) {
  HistoryEntry h;
  h.dna = std::move(dna);
  std::optional<std::vector<double>> values = orientedObjectives(t, objectives);
  // A pruned trial counts with the figures it reached.
  if ((t.state == TrialState::Complete || t.state == TrialState::Pruned) && values)
    h.objectives = *values;
  else
    h.failed = true;
  return h;
}
} // namespace

std::optional<SearchOutcome> runSearch(const Space &space, Storage &study, const SearchOptions &options,
                                       std::string &error) {
  Clock::time_point start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const SearchSettings &settings = options.settings;
  AlgorithmSettings algo{settings.algorithm, settings.algorithmParams, settings.seed,
                         static_cast<int>(settings.objectives.size())};
  std::unique_ptr<Algorithm> algorithm = makeAlgorithm(space.decisions(), algo, error);
  if (!algorithm)
    return std::nullopt;
  std::optional<TableLookup> table;
  if (options.evaluator.empty() && settings.evaluator == "table")
    if (table = TableLookup::open(space.decisions(), settings, error); !table)
      return std::nullopt;
  std::optional<SuccessiveHalving> pruner;
  if (settings.successiveHalving)
    pruner.emplace(settings.minEpochs, settings.reduction, options.epochs);

  // Resume: runs of dead processes go; the rest is history.
  if (study.dropRunning(error) < 0)
    return std::nullopt;
  std::vector<TrialRecord> trials = study.trials(error);
  if (!error.empty())
    return std::nullopt;
  std::vector<HistoryEntry> history;
  for (const TrialRecord &t : trials) {
    std::string why;
    std::optional<DNA> dna = space.parseDNA(t.dna, why);
    if (!dna) {
      error = "trial " + std::to_string(t.id) + " of the study does not fit this space: " + why;
      return std::nullopt;
    }
    if (t.state != TrialState::Running)
      history.push_back(historyOf(std::move(*dna), t, settings.objectives));
    if (pruner)
      for (const EpochMetrics &e : t.epochs)
        pruner->record(t.id, e.epoch, e.validationAccuracy);
  }
  replay(*algorithm, history);
  auto best = [&]() -> const TrialRecord * {
    auto board = leaderboard(trials, settings.objectives);
    return board.empty() ? nullptr : board.front();
  };
  TrialEvaluator evaluator(options, study);
  if (const TrialRecord *leader = best())
    evaluator.setBest((*orientedObjectives(*leader, settings.objectives))[0]);
  auto ended = [&] {
    return static_cast<int64_t>(std::count_if(trials.begin(), trials.end(),
                                              [](const TrialRecord &t) { return t.state != TrialState::Running; }));
  };
  auto emit = [&](SearchEvent::Kind kind, const TrialRecord *t) {
    if (options.onEvent)
      options.onEvent({kind, t, best(), ended(), settings.trials, elapsed()});
  };
  if (!trials.empty())
    emit(SearchEvent::Kind::Resumed, nullptr);

  SearchOutcome outcome;
  // Proposals of candidates already evaluated are answered from the study
  // and not counted; an algorithm that proposes nothing new for this long
  // has nothing new to propose.
  const int64_t kMaxDuplicatesInARow = 1000;
  int64_t duplicatesInARow = 0;
  while (ended() < settings.trials) {
    if (options.stop && options.stop->load()) {
      outcome.interrupted = true;
      break;
    }
    if (options.budgetSeconds > 0 && elapsed() >= options.budgetSeconds) {
      outcome.outOfTime = true;
      break;
    }
    std::optional<DNA> dna = algorithm->propose();
    if (!dna) {
      outcome.exhausted = true;
      break;
    }
    TrialRecord trial;
    trial.dna = space.toJSON(*dna);
    std::string why, key;
    std::unique_ptr<Candidate> candidate = space.materialize(*dna, why);
    if (candidate) {
      // The same network trained the same way: the structure's hash and
      // the training settings' (two learning rates are two trials). A
      // table tells candidates apart by their keys instead.
      trial.candidateHash = candidate->hash() + "-" + spaceHash(candidate->train().section).substr(0, 8);
      trial.params = candidate->params();
      trial.flops = candidate->flops();
    }
    if (table)
      trial.candidateHash = kTableKeyPrefix + (key = table->key(*dna));
    auto earlier = std::find_if(trials.begin(), trials.end(), [&](const TrialRecord &t) {
      return t.state != TrialState::Running && !t.candidateHash.empty() && t.candidateHash == trial.candidateHash;
    });
    if (earlier != trials.end()) {
      learn(*algorithm, historyOf(*dna, *earlier, settings.objectives));
      ++outcome.duplicates;
      emit(SearchEvent::Kind::Duplicate, &*earlier);
      if (++duplicatesInARow >= kMaxDuplicatesInARow) {
        outcome.exhausted = true;
        break;
      }
      continue;
    }
    duplicatesInARow = 0;
    trial.id = study.startTrial(trial, error);
    if (!trial.id)
      return std::nullopt;
    trials.push_back(trial);
    emit(SearchEvent::Kind::TrialStarted, &trials.back());

    // Checks that cost no training: the network exists, fits the
    // constraints, and has not been trained already.
    bool done = true;
    if (!candidate) {
      trial.state = TrialState::Failed;
      trial.reason = why;
    } else {
      for (const Constraint &c : settings.constraints) {
        double value = c.metric == "params" ? trial.params : c.metric == "flops" ? trial.flops : NAN;
        if (!std::isnan(value) && !c.holds(value)) {
          trial.state = TrialState::Infeasible;
          trial.reason = "violates " + c.str() + " (" + c.metric + " = " + std::to_string(int64_t(value)) + ")";
          break;
        }
      }
      if (trial.state == TrialState::Running && table) {
        std::string fatal;
        if (!table->lookUp(key, trial, fatal)) {
          study.finishTrial(trial.id, trial.state, trial.metrics, trial.reason, error);
          error = fatal;
          return std::nullopt;
        }
      }
      if (trial.state == TrialState::Running) {
        std::string fatal;
        done = evaluator.evaluate(
            *candidate, trial, pruner ? &*pruner : nullptr,
            [&] { trials.back() = trial, emit(SearchEvent::Kind::Epoch, &trials.back()); }, fatal);
        if (!done && !fatal.empty()) {
          error = fatal;
          return std::nullopt;
        }
      }
    }
    if (!done) { // stopped: the trial stays running and runs again on resume
      outcome.interrupted = true;
      break;
    }
    if (!study.finishTrial(trial.id, trial.state, trial.metrics, trial.reason, error))
      return std::nullopt;
    trials.back() = trial;
    learn(*algorithm, historyOf(*dna, trial, settings.objectives));
    emit(SearchEvent::Kind::TrialFinished, &trials.back());
  }
  outcome.finished = ended();
  return outcome;
}

} // namespace nas
