//===- NSGA2.cpp - Non-dominated sorting and NSGA-II selection ------------===//
//
// Every tie is broken by index, never by the standard library's sort, so a
// seed gives the same generations on every machine.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Algorithm.h"

#include "nas/Search/Random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace nas {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Axis `i` of `p`; a missing or NaN value is minus infinity.
double axis(const std::vector<double> &p, size_t i) { return i < p.size() && !std::isnan(p[i]) ? p[i] : -kInfinity; }

bool dominates(const std::vector<double> &a, const std::vector<double> &b) {
  bool better = false;
  for (size_t i = 0, n = std::max(a.size(), b.size()); i < n; ++i) {
    double x = axis(a, i), y = axis(b, i);
    if (x < y)
      return false;
    better |= x > y;
  }
  return better;
}

/// The crowding distance of each member of `front` (indices into `points`):
/// per axis, the boundary points get infinity and the others the normalized
/// distance between their neighbours, summed over the axes.
std::vector<double> crowding(const std::vector<std::vector<double>> &points, const std::vector<size_t> &front) {
  std::vector<double> distance(front.size(), 0);
  size_t axes = 0;
  for (size_t i : front)
    axes = std::max(axes, points[i].size());
  std::vector<size_t> order(front.size());
  for (size_t m = 0; m < axes; ++m) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      double x = axis(points[front[a]], m), y = axis(points[front[b]], m);
      return x != y ? x < y : a < b;
    });
    double low = axis(points[front[order.front()]], m), high = axis(points[front[order.back()]], m);
    distance[order.front()] = distance[order.back()] = kInfinity;
    if (!(high > low) || !std::isfinite(high - low))
      continue;
    for (size_t k = 1; k + 1 < order.size(); ++k)
      distance[order[k]] +=
          (axis(points[front[order[k + 1]]], m) - axis(points[front[order[k - 1]]], m)) / (high - low);
  }
  return distance;
}

class NSGA2 : public Algorithm {
public:
  NSGA2(const DecisionSpace &space, int population, int tournament, uint64_t seed)
      : space_(space), population_(std::max(population, 1)), tournament_(std::max(tournament, 1)), random_(seed) {}
  using Algorithm::feedback;

  std::optional<DNA> propose() override {
    // The first generation is random.
    if (parents_.empty())
      return randomDNA(space_, random_.next());
    size_t best = random_.below(parents_.size());
    for (int i = 1; i < tournament_; ++i) {
      size_t other = random_.below(parents_.size());
      const Member &a = parents_[other], &b = parents_[best];
      if (a.rank < b.rank || (a.rank == b.rank && a.crowding > b.crowding))
        best = other;
    }
    return mutate(space_, parents_[best].dna, random_.next());
  }

  void feedback(const DNA &dna, double reward) override {
    if (std::isnan(reward))
      return;
    feedback(dna, std::vector<double>{reward});
  }

  void feedback(const DNA &dna, const std::vector<double> &objectives) override {
    // A failure never joins the population (failed() does nothing either).
    if (objectives.empty())
      return;
    children_.push_back({dna, objectives, 0, 0});
    if (static_cast<int>(children_.size()) < population_)
      return;
    // A generation is complete: the best of parents and children survive.
    std::vector<Member> merged = std::move(parents_);
    merged.insert(merged.end(), std::make_move_iterator(children_.begin()), std::make_move_iterator(children_.end()));
    children_.clear();
    std::vector<std::vector<double>> points;
    for (const Member &m : merged)
      points.push_back(m.objectives);
    parents_.clear();
    for (const std::vector<size_t> &front : nonDominatedFronts(points)) {
      size_t room = static_cast<size_t>(population_) - parents_.size();
      if (front.size() <= room) {
        for (size_t i : front)
          parents_.push_back(std::move(merged[i]));
        continue;
      }
      std::vector<double> distance = crowding(points, front);
      std::vector<size_t> order(front.size());
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(),
                [&](size_t a, size_t b) { return distance[a] != distance[b] ? distance[a] > distance[b] : a < b; });
      for (size_t k = 0; k < room; ++k)
        parents_.push_back(std::move(merged[front[order[k]]]));
      break;
    }
    // Rank and crowding within the new generation, for the tournaments.
    points.clear();
    for (const Member &m : parents_)
      points.push_back(m.objectives);
    std::vector<std::vector<size_t>> fronts = nonDominatedFronts(points);
    for (size_t r = 0; r < fronts.size(); ++r) {
      std::vector<double> distance = crowding(points, fronts[r]);
      for (size_t k = 0; k < fronts[r].size(); ++k) {
        parents_[fronts[r][k]].rank = r;
        parents_[fronts[r][k]].crowding = distance[k];
      }
    }
  }

private:
  struct Member {
    DNA dna;
    std::vector<double> objectives;
    size_t rank;
    double crowding;
  };
  const DecisionSpace &space_;
  int population_, tournament_;
  Random random_;
  std::vector<Member> parents_, children_;
};

} // namespace

std::vector<std::vector<size_t>> nonDominatedFronts(const std::vector<std::vector<double>> &points) {
  size_t n = points.size();
  std::vector<std::vector<size_t>> dominated(n); // whom each point dominates
  std::vector<size_t> dominators(n, 0);          // how many points dominate it
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      if (dominates(points[i], points[j])) {
        dominated[i].push_back(j);
        ++dominators[j];
      } else if (dominates(points[j], points[i])) {
        dominated[j].push_back(i);
        ++dominators[i];
      }
    }
  std::vector<std::vector<size_t>> fronts;
  std::vector<size_t> current;
  for (size_t i = 0; i < n; ++i)
    if (dominators[i] == 0)
      current.push_back(i);
  while (!current.empty()) {
    std::vector<size_t> next;
    for (size_t i : current)
      for (size_t j : dominated[i])
        if (--dominators[j] == 0)
          next.push_back(j);
    std::sort(next.begin(), next.end());
    fronts.push_back(std::move(current));
    current = std::move(next);
  }
  return fronts;
}

std::vector<size_t> paretoFront(const std::vector<std::vector<double>> &points) {
  std::vector<size_t> front;
  for (size_t i = 0; i < points.size(); ++i) {
    bool dominated = false;
    for (size_t j = 0; j < points.size() && !dominated; ++j)
      dominated = j != i && dominates(points[j], points[i]);
    if (!dominated)
      front.push_back(i);
  }
  return front;
}

std::unique_ptr<Algorithm> makeNSGA2(const DecisionSpace &space, int population, int tournament, uint64_t seed) {
  return std::make_unique<NSGA2>(space, population, tournament, seed);
}

} // namespace nas
