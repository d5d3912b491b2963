//===- Algorithm.h - Search algorithms over a DNASpec -----------*- C++ -*-===//
//
// An algorithm proposes DNA and takes feedback (a reward: higher is better);
// it sees only the decision tree, never the network. The DecisionSpace must
// outlive the algorithm.
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_ALGORITHM_H
#define NAS_SEARCH_ALGORITHM_H

#include "nas/Search/DNA.h"

#include <memory>
#include <optional>

namespace nas {

class Algorithm {
public:
  virtual ~Algorithm() = default;
  /// The next DNA to evaluate; nullopt when there is nothing left (grid).
  virtual std::optional<DNA> propose() = 0;
  /// What evaluating `dna` gave.
  virtual void feedback(const DNA &dna, double reward) = 0;
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
/// it switches on are drawn, the others are kept.
std::unique_ptr<Algorithm> makeRegularizedEvolution(const DecisionSpace &space, int population, int tournament,
                                                    uint64_t seed);

/// One proposal of an algorithm, to evaluate and answer with a reward.
class Trial {
public:
  Trial(Algorithm &algorithm, DNA dna, size_t index) : algorithm_(&algorithm), dna_(std::move(dna)), index_(index) {}
  const DNA &dna() const { return dna_; }
  /// 0, 1, 2, ... in the order of the loop.
  size_t index() const { return index_; }
  void feedback(double reward) { algorithm_->feedback(dna_, reward); }

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
