//===- TPE.cpp - Tree-structured Parzen estimator -------------------------===//
//
// The method is described at makeTPE in Algorithm.h. Every draw comes from
// one nas::Random, in the order of the tree, so a seed and a history give the
// same proposals on every machine.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Algorithm.h"

#include "SeenDNA.h"
#include "nas/Search/Random.h"

#include <algorithm>
#include <cmath>

namespace nas {
namespace {

constexpr double kPi = 3.14159265358979323846;
/// Keeps log() finite where a density underflows.
constexpr double kTiny = 1e-300;

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// A standard normal draw (Box-Muller).
double standardNormal(Random &random) {
  double u1 = 1.0 - random.unit(); // in (0, 1]
  double u2 = random.unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

/// hyperopt's adaptive Parzen estimator on [low, high] (high > low): a
/// Gaussian per observation and a prior Gaussian at the middle with the
/// width of the range, equally weighted, each truncated to the bounds.
class Parzen {
public:
  Parzen(std::vector<double> observations, double low, double high) : low_(low), high_(high) {
    double priorMu = 0.5 * (low + high), priorSigma = high - low;
    std::sort(observations.begin(), observations.end());
    size_t prior = std::lower_bound(observations.begin(), observations.end(), priorMu) - observations.begin();
    mus_ = std::move(observations);
    mus_.insert(mus_.begin() + prior, priorMu);
    size_t n = mus_.size();
    // Each Gaussian is as wide as the larger gap to its neighbours.
    sigmas_.assign(n, priorSigma);
    if (n > 1)
      for (size_t i = 0; i < n; ++i) {
        double left = i > 0 ? mus_[i] - mus_[i - 1] : 0, right = i + 1 < n ? mus_[i + 1] - mus_[i] : 0;
        sigmas_[i] = std::max(left, right);
      }
    sigmas_[prior] = priorSigma;
    double minSigma = priorSigma / std::min(100.0, 1.0 + static_cast<double>(n));
    for (double &s : sigmas_)
      s = std::clamp(s, minSigma, priorSigma);
    // Equal weights, each component renormalized to its mass in the bounds.
    for (size_t i = 0; i < n; ++i) {
      double inside = normalCdf((high - mus_[i]) / sigmas_[i]) - normalCdf((low - mus_[i]) / sigmas_[i]);
      scale_.push_back(1.0 / static_cast<double>(n) / std::max(inside, kTiny));
    }
  }

  double sample(Random &random) const {
    size_t i = random.below(mus_.size());
    // Each component has at least a third of its mass in the bounds (its
    // mean is inside and it is at most as wide as the range), so this
    // rarely loops; the clamp is a backstop.
    double x = mus_[i];
    for (int tries = 0; tries < 64; ++tries) {
      x = mus_[i] + sigmas_[i] * standardNormal(random);
      if (x >= low_ && x <= high_)
        return x;
    }
    return std::clamp(x, low_, high_);
  }

  double density(double x) const {
    double p = 0;
    for (size_t i = 0; i < mus_.size(); ++i) {
      double z = (x - mus_[i]) / sigmas_[i];
      p += scale_[i] * std::exp(-0.5 * z * z) / (sigmas_[i] * std::sqrt(2.0 * kPi));
    }
    return p;
  }

  /// The probability of [a, b].
  double mass(double a, double b) const {
    double p = 0;
    for (size_t i = 0; i < mus_.size(); ++i)
      p += scale_[i] * (normalCdf((b - mus_[i]) / sigmas_[i]) - normalCdf((a - mus_[i]) / sigmas_[i]));
    return p;
  }

private:
  double low_, high_;
  std::vector<double> mus_, sigmas_, scale_;
};

class TPE : public Algorithm {
public:
  TPE(const DecisionSpace &space, int startup, int candidates, double gamma, uint64_t seed)
      : space_(space), startup_(static_cast<size_t>(std::max(startup, 0))), candidates_(std::max(candidates, 1)),
        gamma_(std::clamp(gamma, 1e-9, 1.0)), random_(seed) {}
  using Algorithm::feedback;

  std::optional<DNA> propose() override {
    auto random = [&] { return randomDNA(space_, random_.next()); };
    if (observations_.size() < startup_)
      return seen_.novel(random);
    split();
    // The densities' best guess is often one already evaluated once the
    // model is sure: draw again; when that keeps happening, a neighbour of
    // the guess (one decision changed), and at random last.
    DNA dna = seen_.novel([&] {
      DNA d;
      sampleSpace(space_, d);
      return d;
    });
    if (seen_.contains(dna))
      dna = seen_.novel([&] { return mutate(space_, dna, random_.next()); });
    return seen_.contains(dna) ? seen_.novel(random) : dna;
  }

  void feedback(const DNA &dna, double reward) override {
    seen_.insert(dna);
    observations_.push_back({dna, reward, std::isnan(reward)});
  }
  void failed(const DNA &dna) override {
    seen_.insert(dna);
    observations_.push_back({dna, 0, true});
  }

private:
  struct Observation {
    DNA dna;
    double reward;
    bool failed;
  };

  /// The good trials: the top ceil(gamma * n) by reward (earlier first on
  /// ties); the bad: the others, failed ones included.
  void split() {
    std::vector<size_t> order;
    for (size_t i = 0; i < observations_.size(); ++i)
      if (!observations_[i].failed)
        order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      double x = observations_[a].reward, y = observations_[b].reward;
      return x != y ? x > y : a < b;
    });
    size_t goodCount = static_cast<size_t>(std::ceil(gamma_ * static_cast<double>(observations_.size())));
    goodCount = std::min(std::max<size_t>(goodCount, 1), order.size());
    good_.clear();
    bad_.clear();
    for (size_t k = 0; k < order.size(); ++k)
      (k < goodCount ? good_ : bad_).push_back(&observations_[order[k]].dna);
    for (const Observation &o : observations_)
      if (o.failed)
        bad_.push_back(&o.dna);
  }

  /// The values `d` had in `trials`, from those in which it was active.
  static std::vector<const DecisionValue *> valuesOf(const DecisionPoint &d, const std::vector<const DNA *> &trials) {
    std::vector<const DecisionValue *> values;
    for (const DNA *dna : trials)
      if (auto it = dna->values.find(d.path); it != dna->values.end())
        values.push_back(&it->second);
    return values;
  }

  /// Draws the active decisions of `space` into `dna`, depth-first, as the
  /// DNA walk visits them: a decision, its chosen candidate's sub-space,
  /// then the repetitions its value switches on.
  void sampleSpace(const DecisionSpace &space, DNA &dna) {
    for (const auto &d : space) {
      const DecisionValue &v = dna.values[d->path] = sampleDecision(*d);
      int64_t chosen = 0;
      if (d->isChoice()) {
        chosen = v.indices.at(0);
        if (chosen >= 0 && static_cast<size_t>(chosen) < d->subspaces.size())
          sampleSpace(d->subspaces[chosen], dna);
      } else if (d->kind == DecisionPoint::Kind::Int) {
        chosen = v.integer;
      } else {
        continue;
      }
      int64_t count = d->repetitionsFor(chosen);
      for (int64_t i = 0; i < count && static_cast<size_t>(i) < d->repetitions.size(); ++i)
        sampleSpace(d->repetitions[i], dna);
    }
  }

  DecisionValue sampleDecision(const DecisionPoint &d) {
    std::vector<const DecisionValue *> good = valuesOf(d, good_), bad = valuesOf(d, bad_);
    if (good.empty())
      return randomValue(d, random_);
    // The candidate with the largest log l(x) - log g(x); the first on ties.
    DecisionValue best;
    double bestScore = 0;
    bool any = false;
    auto consider = [&](DecisionValue v, double score) {
      if (!any || score > bestScore) {
        any = true;
        bestScore = score;
        best = std::move(v);
      }
    };
    switch (d.kind) {
    case DecisionPoint::Kind::OneOf:
    case DecisionPoint::Kind::Optional: {
      size_t k = d.candidateCount();
      if (k == 0)
        return randomValue(d, random_);
      std::vector<double> goodCount(k, 1), badCount(k, 1); // a prior of one
      for (const DecisionValue *v : good)
        if (v->indices.size() == 1 && v->indices[0] >= 0 && static_cast<size_t>(v->indices[0]) < k)
          goodCount[v->indices[0]] += 1;
      for (const DecisionValue *v : bad)
        if (v->indices.size() == 1 && v->indices[0] >= 0 && static_cast<size_t>(v->indices[0]) < k)
          badCount[v->indices[0]] += 1;
      double goodTotal = 0, badTotal = 0;
      for (size_t i = 0; i < k; ++i) {
        goodTotal += goodCount[i];
        badTotal += badCount[i];
      }
      for (int c = 0; c < candidates_; ++c) {
        double u = random_.unit() * goodTotal;
        size_t i = 0;
        while (i + 1 < k && u >= goodCount[i])
          u -= goodCount[i++];
        consider(DecisionValue{{static_cast<int64_t>(i)}, 0, 0},
                 std::log(goodCount[i] / goodTotal) - std::log(badCount[i] / badTotal));
      }
      return best;
    }
    case DecisionPoint::Kind::ManyOf: {
      size_t n = d.candidates.size();
      std::vector<double> goodCount(n, 1), badCount(n, 1);
      double goodTotal = static_cast<double>(n), badTotal = static_cast<double>(n);
      auto count = [&](const std::vector<const DecisionValue *> &values, std::vector<double> &counts, double &total) {
        for (const DecisionValue *v : values)
          for (int64_t i : v->indices)
            if (i >= 0 && static_cast<size_t>(i) < n) {
              counts[i] += 1;
              total += 1;
            }
      };
      count(good, goodCount, goodTotal);
      count(bad, badCount, badTotal);
      for (int c = 0; c < candidates_; ++c) {
        DecisionValue v = randomValue(d, random_);
        double score = 0;
        for (int64_t i : v.indices)
          if (i >= 0 && static_cast<size_t>(i) < n)
            score += std::log(goodCount[i] / goodTotal) - std::log(badCount[i] / badTotal);
        consider(std::move(v), score);
      }
      return best;
    }
    case DecisionPoint::Kind::Int: {
      if (d.high <= d.low)
        return DecisionValue{{}, d.low, 0};
      std::vector<double> goodX, badX;
      for (const DecisionValue *v : good)
        goodX.push_back(static_cast<double>(v->integer));
      for (const DecisionValue *v : bad)
        badX.push_back(static_cast<double>(v->integer));
      double low = static_cast<double>(d.low) - 0.5, high = static_cast<double>(d.high) + 0.5;
      Parzen l(std::move(goodX), low, high), g(std::move(badX), low, high);
      for (int c = 0; c < candidates_; ++c) {
        double x =
            std::clamp(std::floor(l.sample(random_) + 0.5), static_cast<double>(d.low), static_cast<double>(d.high));
        consider(DecisionValue{{}, static_cast<int64_t>(x), 0},
                 std::log(std::max(l.mass(x - 0.5, x + 0.5), kTiny)) -
                     std::log(std::max(g.mass(x - 0.5, x + 0.5), kTiny)));
      }
      return best;
    }
    case DecisionPoint::Kind::Float: {
      if (!(d.highFloat > d.lowFloat))
        return DecisionValue{{}, 0, d.lowFloat};
      bool logScale = d.logScale && d.lowFloat > 0;
      auto to = [&](double x) { return logScale ? std::log(x) : x; };
      std::vector<double> goodX, badX;
      for (const DecisionValue *v : good)
        goodX.push_back(to(std::clamp(v->number, d.lowFloat, d.highFloat)));
      for (const DecisionValue *v : bad)
        badX.push_back(to(std::clamp(v->number, d.lowFloat, d.highFloat)));
      Parzen l(std::move(goodX), to(d.lowFloat), to(d.highFloat)), g(std::move(badX), to(d.lowFloat), to(d.highFloat));
      for (int c = 0; c < candidates_; ++c) {
        double y = l.sample(random_);
        consider(DecisionValue{{}, 0, std::clamp(logScale ? std::exp(y) : y, d.lowFloat, d.highFloat)},
                 std::log(std::max(l.density(y), kTiny)) - std::log(std::max(g.density(y), kTiny)));
      }
      return best;
    }
    }
    return randomValue(d, random_);
  }

  const DecisionSpace &space_;
  size_t startup_;
  int candidates_;
  double gamma_;
  Random random_;
  std::vector<Observation> observations_;
  std::vector<const DNA *> good_, bad_;
  SeenDNA seen_;
};

} // namespace

std::unique_ptr<Algorithm> makeTPE(const DecisionSpace &space, int startup, int candidates, double gamma,
                                   uint64_t seed) {
  return std::make_unique<TPE>(space, startup, candidates, gamma, seed);
}

} // namespace nas
