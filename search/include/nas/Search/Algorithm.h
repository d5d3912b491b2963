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

/// `dna` with one active decision changed (see makeRegularizedEvolution);
/// the same seed gives the same mutation.
DNA mutate(const DecisionSpace &space, const DNA &dna, uint64_t seed);

} // namespace nas

#endif // NAS_SEARCH_ALGORITHM_H
