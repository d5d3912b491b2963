//===- Algorithm.cpp - Search algorithms over a DNASpec -------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Algorithm.h"

#include "SeenDNA.h"
#include "ValueRatioModel.h"
#include "nas/Search/Random.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace nas {

void Algorithm::feedback(const DNA &dna, const std::vector<double> &objectives) {
  if (objectives.empty())
    failed(dna);
  else
    feedback(dna, objectives[0]);
}

void Algorithm::failed(const DNA &) {}

namespace {

class RandomSearch : public Algorithm {
public:
  RandomSearch(const DecisionSpace &space, uint64_t seed) : space_(space), random_(seed) {}
  using Algorithm::feedback;
  std::optional<DNA> propose() override { return randomDNA(space_, random_.next()); }
  void feedback(const DNA &, double) override {}

private:
  const DecisionSpace &space_;
  Random random_;
};

class GridSearch : public Algorithm {
public:
  explicit GridSearch(const DecisionSpace &space) : space_(space) {}
  using Algorithm::feedback;
  std::optional<DNA> propose() override {
    if (done_)
      return std::nullopt;
    std::optional<DNA> next = last_ ? nextDNA(space_, *last_) : firstDNA(space_);
    done_ = !next;
    last_ = next;
    return next;
  }
  void feedback(const DNA &, double) override {}

private:
  const DecisionSpace &space_;
  std::optional<DNA> last_;
  bool done_ = false;
};

class RegularizedEvolution : public Algorithm {
public:
  RegularizedEvolution(const DecisionSpace &space, int population, int tournament, int candidates, uint64_t seed)
      : space_(space), population_(std::max(population, 1)), tournament_(std::max(tournament, 1)),
        candidates_(std::max(candidates, 1)), random_(seed), model_(space, /*gamma=*/0.25) {}
  using Algorithm::feedback;

  std::optional<DNA> propose() override {
    // Until the population is full, explore at random; then mutate the
    // winner of a tournament. Either way, something not evaluated yet when
    // a few tries find it (a new tournament each time).
    if (static_cast<int>(members_.size()) < population_)
      return seen_.novel([&] { return randomDNA(space_, random_.next()); });
    auto child = [&] {
      DNA dna = seen_.novel([&] {
        const Member *best = nullptr;
        for (int i = 0; i < tournament_; ++i) {
          const Member &m = members_[random_.below(members_.size())];
          if (!best || m.reward > best->reward)
            best = &m;
        }
        return mutate(space_, best->dna, random_.next());
      });
      // Every neighbour of the population seen: somewhere new at random.
      return seen_.contains(dna) ? seen_.novel([&] { return randomDNA(space_, random_.next()); }) : dna;
    };
    if (candidates_ <= 1)
      return child();
    // Guided mutation: of `candidates` children, the one whose values the
    // best trials so far share most.
    model_.fit();
    std::optional<DNA> pick;
    double pickScore = -INFINITY;
    for (int c = 0; c < candidates_; ++c) {
      DNA d = child();
      if (double score = model_.score(d); !pick || score > pickScore)
        pick = std::move(d), pickScore = score;
    }
    return pick;
  }

  void failed(const DNA &dna) override { seen_.insert(dna); }

  void feedback(const DNA &dna, double reward) override {
    seen_.insert(dna);
    if (!std::isnan(reward) && candidates_ > 1)
      model_.add(dna, reward);
    // A failure (NaN) never joins the population.
    if (std::isnan(reward))
      return;
    members_.push_back({dna, reward});
    // Aging: the oldest member dies, however good it was.
    if (static_cast<int>(members_.size()) > population_)
      members_.pop_front();
  }

private:
  struct Member {
    DNA dna;
    double reward;
  };
  const DecisionSpace &space_;
  int population_, tournament_, candidates_;
  Random random_;
  std::deque<Member> members_;
  SeenDNA seen_;
  ValueRatioModel model_; // every trial evaluated, for guided mutation
};

} // namespace

DNA mutate(const DecisionSpace &space, const DNA &dna, uint64_t seed) {
  std::vector<const DecisionPoint *> active = activeDecisions(space, dna);
  if (active.empty())
    return dna;
  Random random(seed);
  const DecisionPoint &d = *active[random.below(active.size())];
  DNA child = dna;
  DecisionValue &v = child.values[d.path];
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional: {
    int64_t k = static_cast<int64_t>(d.candidateCount());
    if (k > 1) // another candidate, uniformly among the others
      v.indices = {(v.indices.at(0) + 1 + static_cast<int64_t>(random.below(k - 1))) % k};
    break;
  }
  case DecisionPoint::Kind::Int: {
    int64_t span = d.high - d.low + 1;
    if (span > 1)
      v.integer = d.low + (v.integer - d.low + 1 + static_cast<int64_t>(random.below(span - 1))) % span;
    break;
  }
  case DecisionPoint::Kind::Float:
  case DecisionPoint::Kind::ManyOf:
    // Drawn anew.
    child.values.erase(d.path);
    break;
  }
  return completeRandomly(space, child, random.next());
}

void TrialLoop::iterator::advance() {
  trial_.reset();
  if (!loop_ || loop_->next_ >= loop_->count_)
    return;
  if (std::optional<DNA> dna = loop_->algorithm_.propose())
    trial_.emplace(loop_->algorithm_, std::move(*dna), loop_->next_++);
}

void learn(Algorithm &algorithm, const HistoryEntry &entry) {
  if (entry.failed)
    algorithm.failed(entry.dna);
  else
    algorithm.feedback(entry.dna, entry.objectives);
}

void replay(Algorithm &algorithm, const std::vector<HistoryEntry> &history) {
  for (const HistoryEntry &entry : history) {
    // The proposal is dropped, but drawing it moves the algorithm's random
    // state (and a grid's position) exactly as in the recorded run.
    (void)algorithm.propose();
    learn(algorithm, entry);
  }
}

std::unique_ptr<Algorithm> makeRandomSearch(const DecisionSpace &space, uint64_t seed) {
  return std::make_unique<RandomSearch>(space, seed);
}
std::unique_ptr<Algorithm> makeGridSearch(const DecisionSpace &space) { return std::make_unique<GridSearch>(space); }
std::unique_ptr<Algorithm> makeRegularizedEvolution(const DecisionSpace &space, int population, int tournament,
                                                    uint64_t seed, int candidates) {
  return std::make_unique<RegularizedEvolution>(space, population, tournament, candidates, seed);
}

} // namespace nas
