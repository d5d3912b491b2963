//===- Algorithm.h - Search algorithms over a DNASpec -----------*- C++ -*-===//
//
// An algorithm proposes DNA and takes feedback: a reward (higher is better),
// several objectives (each oriented so that higher is better), or the news
// that a trial failed or was infeasible. It sees only the decision tree,
// never the network. The DecisionSpace must outlive the algorithm.
//
// Every algorithm is deterministic: its state depends only on its settings
// (seed included) and on the sequence of calls it has seen. So a search that
// restarts restores its algorithm by replaying the history (see `replay`):
// for each recorded trial in order, `propose()` (whose answer is dropped),
// then the recorded `feedback` or `failed` for the recorded DNA. The same
// seed and the same history then give the same next proposals as the run
// that was interrupted. Algorithms learn from the DNA passed to feedback,
// not from what they proposed, so a recorded DNA that differs from the
// proposal (a trial the user added) is replayed faithfully too.
//
// Failed trials: random and grid search ignore them; regularized evolution
// and NSGA-II ignore them too (a failed DNA never joins the population, so it
// is never a parent, and the population is filled by the trials that
// worked); TPE counts them among the bad trials. Evolution and TPE do not
// propose a DNA they were given feedback for (failed or not) while a few
// draws find a new one.
//
// `nasc search` answers a proposal of a candidate already evaluated from the
// study without recording it, so a resumed search replays the recorded
// trials only: its algorithm goes on from nearly, not exactly, the state
// the interrupted run had when duplicates were answered.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_ALGORITHM_H
#define NAS_SEARCH_ALGORITHM_H

#include "nas/Search/DNA.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nas {

class Algorithm {
public:
  virtual ~Algorithm() = default;
  /// The next DNA to evaluate; nullopt when there is nothing left (grid).
  virtual std::optional<DNA> propose() = 0;
  /// What evaluating `dna` gave. A NaN reward counts as a failure.
  virtual void feedback(const DNA &dna, double reward) = 0;
  /// What evaluating `dna` gave on several objectives, each oriented so that
  /// higher is better. By default the first objective is the reward (no
  /// objective at all: failed(dna)).
  virtual void feedback(const DNA &dna, const std::vector<double> &objectives);
  /// Evaluating `dna` failed, or it was infeasible. By default nothing
  /// happens (see the file comment for what each algorithm does).
  virtual void failed(const DNA &dna);
};

/// Each DNA drawn uniformly at random (nas::randomDNA), seeded.
std::unique_ptr<Algorithm> makeRandomSearch(const DecisionSpace &space, uint64_t seed);

/// Every DNA in enumeration order (nas::firstDNA, nas::nextDNA); discrete
/// spaces only.
std::unique_ptr<Algorithm> makeGridSearch(const DecisionSpace &space);

/// Regularized evolution (Real et al., AAAI 2019): the first `population`
/// DNAs are random; then each child is a mutation of the best of
/// `tournament` members drawn from the population, and the oldest member
/// dies. A mutation changes one active decision to another value; decisions
/// it switches on are drawn, the others are kept. A proposal is one not
/// evaluated yet when a few tries (new tournaments) find one.
///
/// Guided mutation, with `candidates` above 1: that many children are
/// drawn and the proposal is the one whose decision values are most typical
/// of the best quarter of all the trials evaluated so far (TPE's density
/// ratio with category counts, each decision on its own); 1 is plain
/// regularized evolution.
std::unique_ptr<Algorithm> makeRegularizedEvolution(const DecisionSpace &space, int population, int tournament,
                                                    uint64_t seed, int candidates = 1);

/// Tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011) for one
/// objective, on conditional spaces.
///
/// The first `startup` trials are random. Then the observed trials (failed
/// ones included) are split: the good ones are the top ceil(gamma * n) by
/// reward, the bad ones the rest, failed trials always among them. A
/// proposal is built decision by decision along the tree from the root, as
/// randomDNA draws it: a decision is sampled only when it is active (its
/// parents' values switch it on), and its two densities, l(x) over the good
/// trials and g(x) over the bad, are built only from the trials in which it
/// was active; so a branch's decisions learn only from the trials that took
/// the branch. For each decision `candidates` values are drawn from l and
/// the one with the largest l(x)/g(x) is kept.
///
///  - one-of and optional decisions: category counts with a prior of one per
///    category, (count + 1) / (n + k);
///  - ints and floats: hyperopt's adaptive Parzen estimator: a Gaussian at
///    each observation plus a prior Gaussian at the middle of the range with
///    the width of the range, all weighted equally; each Gaussian's width is
///    the larger distance to its sorted neighbours, clipped to
///    [range / min(100, 1 + n), range]; each is truncated to the bounds.
///    Floats on a log scale work in log space. Ints are estimated on
///    [low - 0.5, high + 0.5]; a sample is rounded and scored by the mass of
///    its unit interval;
///  - many-of decisions: candidates drawn uniformly, scored by the smoothed
///    frequency of each chosen index in the good and bad trials;
///  - a decision that was active in none of the good trials is drawn
///    uniformly.
std::unique_ptr<Algorithm> makeTPE(const DecisionSpace &space, int startup, int candidates, double gamma,
                                   uint64_t seed);

/// NSGA-II (Deb et al., 2002) selection for several objectives (higher is
/// better on each). The first `population` evaluated DNAs are random and
/// become the first generation. Then each child is a mutation (nas::mutate)
/// of a parent chosen by a crowded tournament of `tournament` members (2:
/// Deb's binary tournament): the lower non-domination rank wins, then the
/// larger crowding distance, then the first drawn. Once `population`
/// children are evaluated, parents and children are merged and the next
/// generation is the best `population` of them by rank, then by crowding
/// distance within the last front that fits. A single reward is a single
/// objective; a missing or NaN objective counts as minus infinity.
std::unique_ptr<Algorithm> makeNSGA2(const DecisionSpace &space, int population, int tournament, uint64_t seed);

/// The indices (increasing) of the points that no other point dominates,
/// higher being better on every axis: a point dominates another when it is
/// at least as good on every axis and better on one. Equal points do not
/// dominate each other, so both are on the front.
std::vector<size_t> paretoFront(const std::vector<std::vector<double>> &points);

/// The fronts of non-dominated sorting (Deb's fast sort): front 0 is the
/// Pareto front, front 1 the front of the rest, ...; indices increasing.
std::vector<std::vector<size_t>> nonDominatedFronts(const std::vector<std::vector<double>> &points);

/// An algorithm by name, for configuration files and the command line.
struct AlgorithmSettings {
  /// "random", "grid", "evolution", "tpe" or "nsga2".
  std::string name;
  /// By name; whole numbers where a count is meant:
  ///   evolution: population (20, >= 2), tournament (5, in [1, population]),
  ///              candidates (1: plain; more: guided mutation);
  ///   tpe: startup (10, >= 0), candidates (24, >= 1), gamma (0.25, in (0, 1));
  ///   nsga2: population (20, >= 2), tournament (2, in [1, population]).
  std::map<std::string, double> params;
  uint64_t seed = 0;
  /// How many objectives the feedback will carry. Evolution with more than
  /// one is NSGA-II with evolution's population and tournament; TPE takes
  /// only one; random and grid search ignore the feedback anyway.
  int objectives = 1;
};

/// The algorithm `settings` name, or nullptr and `error` (an unknown name,
/// an unknown parameter, a parameter out of range, grid search on a space
/// with a continuous decision, TPE with several objectives).
std::unique_ptr<Algorithm> makeAlgorithm(const DecisionSpace &space, const AlgorithmSettings &settings,
                                         std::string &error);

/// One recorded trial: its DNA and its objectives, or that it failed.
struct HistoryEntry {
  DNA dna;
  std::vector<double> objectives;
  bool failed = false;
};

/// Tells `algorithm` what `entry` records: failed(entry.dna) or
/// feedback(entry.dna, entry.objectives).
void learn(Algorithm &algorithm, const HistoryEntry &entry);

/// Restores a freshly made algorithm to where the recorded run left it: for
/// each entry in order, propose() (the answer is dropped), then learn().
void replay(Algorithm &algorithm, const std::vector<HistoryEntry> &history);

/// One proposal of an algorithm, to evaluate and answer with a reward.
class Trial {
public:
  Trial(Algorithm &algorithm, DNA dna, size_t index) : algorithm_(&algorithm), dna_(std::move(dna)), index_(index) {}
  const DNA &dna() const { return dna_; }
  /// 0, 1, 2, ... in the order of the loop.
  size_t index() const { return index_; }
  void feedback(double reward) { algorithm_->feedback(dna_, reward); }
  void feedback(const std::vector<double> &objectives) { algorithm_->feedback(dna_, objectives); }
  void failed() { algorithm_->failed(dna_); }

private:
  Algorithm *algorithm_;
  DNA dna_;
  size_t index_;
};

/// PyGlove's sampling loop: up to `count` trials, each proposed when the
/// loop reaches it (so the feedback of one shapes the next):
///
///   for (nas::Trial &trial : nas::sample(*algorithm, 100))
///     trial.feedback(score(trial.dna()));
class TrialLoop {
public:
  TrialLoop(Algorithm &algorithm, size_t count) : algorithm_(algorithm), count_(count) {}
  class iterator {
  public:
    iterator(TrialLoop *loop) : loop_(loop) { advance(); }
    Trial &operator*() { return *trial_; }
    iterator &operator++() {
      advance();
      return *this;
    }
    bool operator!=(const iterator &other) const { return trial_.has_value() != other.trial_.has_value(); }

  private:
    friend class TrialLoop;
    iterator() = default;
    void advance();
    TrialLoop *loop_ = nullptr;
    std::optional<Trial> trial_;
  };
  iterator begin() { return iterator(this); }
  iterator end() { return iterator(); }

private:
  Algorithm &algorithm_;
  size_t count_, next_ = 0;
};

inline TrialLoop sample(Algorithm &algorithm, size_t count) { return TrialLoop(algorithm, count); }

/// `dna` with one active decision changed (see makeRegularizedEvolution);
/// the same seed gives the same mutation.
DNA mutate(const DecisionSpace &space, const DNA &dna, uint64_t seed);

} // namespace nas

#endif // NAS_SEARCH_ALGORITHM_H
