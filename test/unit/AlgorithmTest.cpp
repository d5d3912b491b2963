//===- AlgorithmTest.cpp - Search algorithms and early stopping -----------===//
//
// Random, grid, regularized evolution, TPE and NSGA-II, the factory, replay,
// and successive halving. RegularizedEvolution.BeatsRandomSearchOnNASBench201
// runs evolution and random search on the real NAS-Bench-201 table
// (data/nb201, 15,625 cells with their 12-epoch CIFAR-10 validation
// accuracy), with NAS-Bench-201's evolution settings, over 100 seeds; the
// other comparisons use synthetic objectives with known optima.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Algorithm.h"
#include "nas/DSL/Frontend.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"
#include "nas/Search/Pruner.h"
#include "nas/Search/Random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace {

struct Parsed {
  std::unique_ptr<nas::dsl::SourceFile> file;
  nas::dsl::FrontendResult result;
};

Parsed parse(const std::string &name, const std::string &text) {
  Parsed p;
  p.file = std::make_unique<nas::dsl::SourceFile>(name, text);
  nas::dsl::DiagnosticEngine diags(*p.file, stderr);
  p.result = nas::dsl::runFrontend(diags);
  EXPECT_TRUE(p.result.ok());
  return p;
}

Parsed parseBody(const std::string &body) {
  return parse("t.nas", "model m(x: f32[N, 8]) -> f32[N, 4] {\n" + body + "\n}\n");
}

TEST(Mutate, ChangesOneDecision) {
  Parsed p = parseBody("h = dense(x, oneof(8, 16, 32))\nh = oneof(relu, tanh, gelu)(h)\nreturn dense(h, 4)");
  const nas::DecisionSpace &space = p.result.checked.decisions;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    nas::DNA parent = nas::randomDNA(space, seed);
    nas::DNA child = nas::mutate(space, parent, seed + 1000);
    EXPECT_EQ(nas::validate(space, child), "");
    int changed = 0;
    for (auto &[path, v] : parent.values)
      changed += child.values.at(path) != v;
    EXPECT_EQ(changed, 1) << "seed " << seed;
  }
}

TEST(Mutate, KeepsLayersWhenTheDepthChanges) {
  // Growing from 2 to 3 layers keeps the first two activations.
  Parsed p = parseBody("h = x\nrepeat int(1, 4) { h = oneof(relu, tanh, gelu)(h) }\nreturn dense(h, 4)");
  const nas::DecisionSpace &space = p.result.checked.decisions;
  int grown = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    nas::DNA parent = nas::randomDNA(space, seed);
    nas::DNA child = nas::mutate(space, parent, seed * 7 + 1);
    ASSERT_EQ(nas::validate(space, child), "");
    int64_t before = parent.values.at("m.repeat").integer, after = child.values.at("m.repeat").integer;
    if (after <= before)
      continue;
    ++grown;
    for (int64_t i = 0; i < before; ++i) {
      std::string path = "m.repeat[" + std::to_string(i) + "].oneof";
      EXPECT_EQ(child.values.at(path), parent.values.at(path)) << path;
    }
  }
  EXPECT_GT(grown, 20);
}

TEST(GridSearch, ProposesEveryCandidateOnce) {
  Parsed p = parseBody("h = x\nrepeat int(1, 3) { h = oneof(relu, tanh)(h) }\nreturn dense(h, 4)");
  auto grid = nas::makeGridSearch(p.result.checked.decisions);
  std::set<std::string> seen;
  while (std::optional<nas::DNA> dna = grid->propose())
    seen.insert(nas::toJSON(p.result.checked.decisions, *dna));
  EXPECT_EQ(seen.size(), 14u);
  EXPECT_FALSE(grid->propose());
}

TEST(RandomSearch, SameSeedSameProposals) {
  Parsed p = parseBody("return dense(x, oneof(4, 8, 16, 32))");
  auto a = nas::makeRandomSearch(p.result.checked.decisions, 5),
       b = nas::makeRandomSearch(p.result.checked.decisions, 5);
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(*a->propose(), *b->propose());
}

TEST(TrialLoop, ProposesLazilyAndTakesFeedback) {
  Parsed p = parseBody("h = x\nrepeat int(1, 3) { h = oneof(relu, tanh)(h) }\nreturn dense(h, 4)");
  auto grid = nas::makeGridSearch(p.result.checked.decisions);
  size_t count = 0;
  for (nas::Trial &trial : nas::sample(*grid, 10)) {
    EXPECT_EQ(trial.index(), count++);
    EXPECT_EQ(nas::validate(p.result.checked.decisions, trial.dna()), "");
    trial.feedback(1.0);
  }
  EXPECT_EQ(count, 10u);
  // The loop ends early when the algorithm has nothing left (14 in all).
  count = 0;
  for (nas::Trial &trial : nas::sample(*grid, 100)) {
    (void)trial;
    ++count;
  }
  EXPECT_EQ(count, 4u);
}

/// The mean over 100 seeds of the best cifar10_val that `make(seed)` finds
/// in 100 distinct cells of examples/nasbench201.nas, looked up in the real
/// table by the example's key. Proposals of
/// a cell already seen are answered again and not counted, as `nasc search`
/// does.
double meanBestOnNASBench201(
    const std::function<std::unique_ptr<nas::Algorithm>(const nas::DecisionSpace &, uint64_t)> &make) {
  std::string path = std::string(NASC_SOURCE_DIR) + "/data/nb201/nb201-12epoch.csv";
  std::string error;
  static std::optional<nas::MetricTable> table = nas::MetricTable::load(path, "arch", error);
  EXPECT_TRUE(table) << error;
  std::ifstream in(std::string(NASC_SOURCE_DIR) + "/examples/nasbench201.nas");
  std::stringstream text;
  text << in.rdbuf();
  Parsed p = parse("nasbench201.nas", text.str());
  const nas::DecisionSpace &space = p.result.checked.decisions;
  auto key = nas::KeyFormat::parse("|{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|", space, error);
  EXPECT_TRUE(key) << error;
  double total = 0;
  const int seeds = 100;
  for (int seed = 0; seed < seeds; ++seed) {
    std::unique_ptr<nas::Algorithm> algorithm = make(space, seed);
    std::map<std::string, double> seen;
    double best = 0;
    for (int proposals = 0; seen.size() < 100 && proposals < 10000; ++proposals) {
      nas::DNA dna = *algorithm->propose();
      std::string k = key->render(dna);
      double reward = table->find(k)->at("cifar10_val");
      seen[k] = reward;
      algorithm->feedback(dna, reward);
      best = std::max(best, reward);
    }
    total += best / seeds;
  }
  return total;
}

TEST(RegularizedEvolution, BeatsRandomSearchOnNASBench201) {
  double evolution = meanBestOnNASBench201([](const nas::DecisionSpace &space, uint64_t seed) {
    return nas::makeRegularizedEvolution(space, /*population=*/10, /*tournament=*/3, seed);
  });
  double random = meanBestOnNASBench201(
      [](const nas::DecisionSpace &space, uint64_t seed) { return nas::makeRandomSearch(space, seed); });
  std::printf("mean best cifar10_val after 100 cells: evolution %.3f, random %.3f\n", evolution, random);
  // The table's best cell is 84.892 at 12 epochs; both find good cells,
  // evolution reliably better ones (bench/nb201 has the figures).
  EXPECT_GT(evolution, random + 0.3);
}

TEST(RegularizedEvolution, GuidedMutationFindsBetterCells) {
  auto evolution = [](int candidates) {
    return meanBestOnNASBench201([=](const nas::DecisionSpace &space, uint64_t seed) {
      return nas::makeRegularizedEvolution(space, /*population=*/10, /*tournament=*/3, seed, candidates);
    });
  };
  double plain = evolution(1);
  double guided = evolution(4);
  std::printf("mean best cifar10_val after 100 cells: guided %.3f, plain %.3f\n", guided, plain);
  EXPECT_GT(guided, plain + 0.1);
}

TEST(RegularizedEvolution, ProposesCellsNotSeenYet) {
  // A space of 12 networks: evolution proposes 10 different ones first
  // (mutations of the population when they are new, random ones after).
  Parsed p = parseBody("h = dense(x, oneof(8, 16, 32))\nh = oneof(relu, tanh, gelu, sigmoid)(h)\nreturn dense(h, 4)");
  const nas::DecisionSpace &space = p.result.checked.decisions;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    auto rea = nas::makeRegularizedEvolution(space, /*population=*/3, /*tournament=*/2, seed, seed % 2 ? 3 : 1);
    std::set<std::string> seen;
    for (int i = 0; i < 10; ++i) {
      nas::DNA dna = *rea->propose();
      EXPECT_TRUE(seen.insert(nas::toJSON(space, dna)).second) << "seed " << seed << ", proposal " << i;
      rea->feedback(dna, static_cast<double>(i % 5));
    }
  }
}

//===----------------------------------------------------------------------===//
// Synthetic spaces and objectives
//===----------------------------------------------------------------------===//

using nas::DecisionPoint;
using nas::DecisionSpace;
using nas::DNA;

std::unique_ptr<DecisionPoint> oneOf(const std::string &path, size_t k, std::vector<DecisionSpace> subspaces = {}) {
  auto d = std::make_unique<DecisionPoint>();
  d->kind = DecisionPoint::Kind::OneOf;
  d->path = path;
  for (size_t i = 0; i < k; ++i)
    d->candidates.push_back("c" + std::to_string(i));
  d->subspaces = std::move(subspaces);
  return d;
}

std::unique_ptr<DecisionPoint> intDecision(const std::string &path, int64_t low, int64_t high,
                                           std::vector<DecisionSpace> repetitions = {}) {
  auto d = std::make_unique<DecisionPoint>();
  d->kind = DecisionPoint::Kind::Int;
  d->path = path;
  d->low = low;
  d->high = high;
  d->repetitions = std::move(repetitions);
  return d;
}

std::unique_ptr<DecisionPoint> floatDecision(const std::string &path, double low, double high, bool logScale) {
  auto d = std::make_unique<DecisionPoint>();
  d->kind = DecisionPoint::Kind::Float;
  d->path = path;
  d->lowFloat = low;
  d->highFloat = high;
  d->logScale = logScale;
  return d;
}

template <typename... Points> DecisionSpace makeSpace(Points... points) {
  DecisionSpace space;
  (space.push_back(std::move(points)), ...);
  return space;
}

int64_t choice(const DNA &dna, const std::string &path) { return dna.values.at(path).indices.at(0); }

/// 8 decisions of 6 choices (1,679,616 candidates); f = per-decision scores
/// + interactions of neighbours on a ring + a little deterministic noise.
struct Rugged {
  static constexpr int kDecisions = 8, kChoices = 6;
  DecisionSpace space;
  double unary[kDecisions][kChoices], pair[kDecisions][kChoices][kChoices];

  Rugged() {
    for (int i = 0; i < kDecisions; ++i)
      space.push_back(oneOf("r.d" + std::to_string(i), kChoices));
    nas::Random random(1234);
    for (auto &row : unary)
      for (double &x : row)
        x = random.unit();
    for (auto &square : pair)
      for (auto &row : square)
        for (double &x : row)
          x = random.unit();
  }

  double operator()(const int64_t (&x)[kDecisions]) const {
    double f = 0;
    uint64_t hash = 1469598103934665603ull;
    for (int i = 0; i < kDecisions; ++i) {
      f += unary[i][x[i]] + pair[i][x[i]][x[(i + 1) % kDecisions]];
      hash = (hash ^ static_cast<uint64_t>(x[i])) * 1099511628211ull;
    }
    return f + 0.05 * nas::Random(hash).unit();
  }
  double operator()(const DNA &dna) const {
    int64_t x[kDecisions];
    for (int i = 0; i < kDecisions; ++i)
      x[i] = choice(dna, "r.d" + std::to_string(i));
    return (*this)(x);
  }
  /// Brute force over every candidate.
  double optimum() const {
    double best = -1e300;
    int64_t x[kDecisions] = {};
    while (true) {
      best = std::max(best, (*this)(x));
      int i = 0;
      while (i < kDecisions && ++x[i] == kChoices)
        x[i++] = 0;
      if (i == kDecisions)
        return best;
    }
  }
};

/// Ints and floats (one on a log scale); the maximum is 0 at a = 70,
/// b = -10, c = 0.3, d = 10^-2.5, e = 3.
struct Smooth {
  DecisionSpace space =
      makeSpace(intDecision("s.a", 0, 100), intDecision("s.b", -50, 50), floatDecision("s.c", 0, 1, false),
                floatDecision("s.d", 1e-4, 1e-1, true), intDecision("s.e", 1, 8));
  double operator()(const DNA &dna) const {
    auto sq = [](double x) { return x * x; };
    const auto &v = dna.values;
    return -(sq((v.at("s.a").integer - 70) / 100.0) + sq((v.at("s.b").integer + 10) / 100.0) +
             sq(v.at("s.c").number - 0.3) + sq((std::log10(v.at("s.d").number) + 2.5) / 3) +
             sq((v.at("s.e").integer - 3) / 7.0));
  }
};

/// A one-of whose candidates make their own decisions (one of them nested
/// deeper), and a count whose repetitions make one each (they do not count).
/// The optimum, 1, is in branch 1 with act 3, lr 1e-2 and width 12; that
/// corner is better on average than the other branches, but only 1 in 12
/// random trials takes it, and only a few of those tune it well.
struct Conditional {
  DecisionSpace space;
  Conditional() {
    std::vector<DecisionSpace> branches(3);
    branches[0] = makeSpace(intDecision("c.branch[0].n", 0, 20), oneOf("c.branch[0].act", 3));
    std::vector<DecisionSpace> acts(4);
    acts[3] = makeSpace(floatDecision("c.branch[1].act[3].lr", 1e-4, 1, true));
    branches[1] = makeSpace(oneOf("c.branch[1].act", 4, std::move(acts)), intDecision("c.branch[1].width", 1, 16));
    std::vector<DecisionSpace> repetitions(3);
    for (int i = 0; i < 3; ++i)
      repetitions[i] = makeSpace(oneOf("c.tail[" + std::to_string(i) + "].op", 2));
    space = makeSpace(oneOf("c.branch", 3, std::move(branches)), intDecision("c.tail", 1, 3, std::move(repetitions)));
  }
  double operator()(const DNA &dna) const {
    const auto &v = dna.values;
    switch (choice(dna, "c.branch")) {
    case 0:
      return 0.4 - std::abs(v.at("c.branch[0].n").integer - 10) / 50.0 + 0.1 * (choice(dna, "c.branch[0].act") == 1);
    case 1: {
      int64_t act = choice(dna, "c.branch[1].act");
      if (act != 3)
        return 0.3 + 0.1 * act;
      double lr = std::abs(std::log10(v.at("c.branch[1].act[3].lr").number) + 2);
      return 1.0 - 0.15 * std::min(lr, 2.0) - 0.01 * std::abs(v.at("c.branch[1].width").integer - 12);
    }
    default: return 0.45;
    }
  }
};

std::unique_ptr<nas::Algorithm> make(const DecisionSpace &space, const std::string &name, uint64_t seed,
                                     int objectives = 1, std::map<std::string, double> params = {}) {
  std::string error;
  auto algorithm = nas::makeAlgorithm(space, {name, std::move(params), seed, objectives}, error);
  EXPECT_TRUE(algorithm) << error;
  return algorithm;
}

/// The best reward of `trials` trials.
template <typename Objective> double bestOf(nas::Algorithm &algorithm, const Objective &f, int trials) {
  double best = -1e300;
  for (nas::Trial &trial : nas::sample(algorithm, trials)) {
    double reward = f(trial.dna());
    trial.feedback(reward);
    best = std::max(best, reward);
  }
  return best;
}

/// Mean best of `trials` trials over seeds 0, 1, ..., seeds - 1.
template <typename Objective>
double meanBest(const DecisionSpace &space, const std::string &name, const Objective &f, int seeds, int trials) {
  double sum = 0;
  for (int seed = 0; seed < seeds; ++seed)
    sum += bestOf(*make(space, name, seed), f, trials);
  return sum / seeds;
}

//===----------------------------------------------------------------------===//
// Single-objective search
//===----------------------------------------------------------------------===//

TEST(RegularizedEvolution, BeatsRandomSearchOnARuggedFunction) {
  Rugged f;
  double optimum = f.optimum();
  double evolution = meanBest(f.space, "evolution", f, 30, 300), random = meanBest(f.space, "random", f, 30, 300);
  std::printf("rugged (optimum %.3f), mean best of 300 over 30 seeds: evolution %.3f, random %.3f\n", optimum,
              evolution, random);
  EXPECT_LE(evolution, optimum);
  // Measured: evolution 11.78 (0.56 below the optimum), random 10.94: a
  // margin of 0.84. Assert half of it.
  EXPECT_GT(evolution, random + 0.42);
}

TEST(TPE, BeatsRandomSearchOnASmoothFunction) {
  Smooth f;
  double tpe = meanBest(f.space, "tpe", f, 30, 100), random = meanBest(f.space, "random", f, 30, 100);
  std::printf("smooth (optimum 0), mean best of 100 over 30 seeds: tpe %.4f, random %.4f\n", tpe, random);
  // Measured: tpe -0.0336, random -0.0730 (TPE's regret is 46% of random's):
  // a margin of 0.039. Assert half of it.
  EXPECT_GT(tpe, random + 0.0195);
}

TEST(TPE, ProposesOnlyActiveDecisionsAndFindsTheBranchWithTheOptimum) {
  Conditional f;
  const int seeds = 20, trials = 100;
  std::map<std::string, double> meanBest;
  std::map<std::string, int> close; // within 0.02 of the optimum
  for (int seed = 0; seed < seeds; ++seed) {
    for (const char *name : {"tpe", "random"}) {
      auto algorithm = make(f.space, name, seed);
      double best = -1e300;
      DNA bestDNA;
      for (nas::Trial &trial : nas::sample(*algorithm, trials)) {
        ASSERT_EQ(nas::validate(f.space, trial.dna()), "") << name << " seed " << seed << ", trial " << trial.index();
        double reward = f(trial.dna());
        trial.feedback(reward);
        if (reward > best) {
          best = reward;
          bestDNA = trial.dna();
        }
      }
      meanBest[name] += best / seeds;
      close[name] += best > 0.98;
      if (std::string(name) == "tpe") {
        EXPECT_EQ(choice(bestDNA, "c.branch"), 1) << "seed " << seed;
        EXPECT_EQ(choice(bestDNA, "c.branch[1].act"), 3) << "seed " << seed;
      }
    }
  }
  std::printf("conditional (optimum 1), %d trials over %d seeds: mean best tpe %.3f, random %.3f; within 0.02 of "
              "the optimum: tpe %d, random %d\n",
              trials, seeds, meanBest["tpe"], meanBest["random"], close["tpe"], close["random"]);
  // Measured: mean best 0.983 (random 0.944); 14 seeds within 0.02 (random 2).
  EXPECT_GT(meanBest["tpe"], 0.975);
  EXPECT_GE(close["tpe"], 10);
}

TEST(TPE, ProposesValidDNAForALanguageSpace) {
  // Choices with sub-spaces, repetitions, a float and a many-of, as the
  // language makes them.
  Parsed p = parseBody("h = oneof(x, oneof(relu, gelu, tanh)(x), dense(x, int(2, 4)))\n"
                       "repeat int(1, 3) { h = oneof(relu, tanh)(h) }\n"
                       "for a in manyof(2, relu, gelu, tanh) { h = a(h) }\n"
                       "h = dropout(h, floatv(0.1, 0.5))\nreturn dense(h, 4)");
  const nas::DecisionSpace &space = p.result.checked.decisions;
  auto tpe = make(space, "tpe", 3, 1, {{"startup", 5}});
  // A reward that prefers deep stacks of tanh.
  for (nas::Trial &trial : nas::sample(*tpe, 80)) {
    ASSERT_EQ(nas::validate(space, trial.dna()), "") << nas::toJSON(space, trial.dna());
    std::vector<double> v = nas::toVector(space, trial.dna());
    double reward = 0;
    for (double x : v)
      reward += x;
    trial.feedback(reward);
  }
}

TEST(TPE, CountsFailuresAsBad) {
  // Every trial with d0 = 0 fails; after the random start-up TPE avoids it.
  Rugged f;
  auto tpe = make(f.space, "tpe", 1, 1, {{"startup", 20}});
  int failedAfterStartup = 0;
  for (nas::Trial &trial : nas::sample(*tpe, 120)) {
    if (choice(trial.dna(), "r.d0") == 0) {
      trial.failed();
      failedAfterStartup += trial.index() >= 20;
    } else {
      trial.feedback(f(trial.dna()));
    }
  }
  // Uniform draws would fail 100 / 6 ≈ 17 times.
  EXPECT_LT(failedAfterStartup, 8);
}

//===----------------------------------------------------------------------===//
// Determinism and replay
//===----------------------------------------------------------------------===//

struct Case {
  std::string name;
  int objectives;
};
const std::vector<Case> kCases = {{"random", 1}, {"grid", 1},  {"evolution", 1},
                                  {"tpe", 1},    {"nsga2", 2}, {"evolution", 2}};

/// The space each algorithm runs on in the determinism tests: grid search
/// needs a discrete one.
const DecisionSpace &spaceFor(const std::string &name) {
  static Rugged rugged;
  static Conditional conditional;
  return name == "grid" ? rugged.space : conditional.space;
}

std::vector<double> objectivesOf(const DecisionSpace &space, const DNA &dna, int objectives) {
  std::vector<double> v = nas::toVector(space, dna);
  double a = 0, b = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    a += std::sin(v[i] * (i + 1));
    b += std::cos(v[i] + i);
  }
  if (objectives == 1)
    return {a};
  return {a, b};
}

/// Runs `count` trials of `algorithm` from where it is, recording them:
/// trial 5 is answered for another DNA than the proposed one (a trial the
/// user added), every seventh fails.
std::vector<nas::HistoryEntry> run(nas::Algorithm &algorithm, const DecisionSpace &space, int objectives, size_t first,
                                   size_t count, std::vector<DNA> *proposals = nullptr) {
  std::vector<nas::HistoryEntry> history;
  for (size_t i = first; i < first + count; ++i) {
    std::optional<DNA> dna = algorithm.propose();
    if (!dna)
      break;
    if (proposals)
      proposals->push_back(*dna);
    nas::HistoryEntry entry{i == 5 ? nas::randomDNA(space, 999) : *dna, {}, i % 7 == 6};
    if (entry.failed) {
      algorithm.failed(entry.dna);
    } else {
      entry.objectives = objectivesOf(space, entry.dna, objectives);
      algorithm.feedback(entry.dna, entry.objectives);
    }
    history.push_back(std::move(entry));
  }
  return history;
}

TEST(AlgorithmDeterminism, SameSeedSameProposals) {
  for (const Case &c : kCases) {
    const DecisionSpace &space = spaceFor(c.name);
    auto a = make(space, c.name, 11, c.objectives), b = make(space, c.name, 11, c.objectives);
    std::vector<DNA> fromA, fromB;
    run(*a, space, c.objectives, 0, 120, &fromA);
    run(*b, space, c.objectives, 0, 120, &fromB);
    ASSERT_EQ(fromA.size(), 120u) << c.name;
    EXPECT_TRUE(fromA == fromB) << c.name;
    for (const DNA &dna : fromA)
      ASSERT_EQ(nas::validate(space, dna), "") << c.name;
    if (c.name == "grid")
      continue;
    auto other = make(space, c.name, 12, c.objectives);
    std::vector<DNA> fromOther;
    run(*other, space, c.objectives, 0, 120, &fromOther);
    EXPECT_FALSE(fromA == fromOther) << c.name << ": another seed, the same proposals";
  }
}

TEST(AlgorithmReplay, RestoresTheStateOfAnInterruptedRun) {
  for (const Case &c : kCases) {
    const DecisionSpace &space = spaceFor(c.name);
    // The uninterrupted run: 40 trials, then 10 more.
    auto uninterrupted = make(space, c.name, 5, c.objectives);
    std::vector<nas::HistoryEntry> history = run(*uninterrupted, space, c.objectives, 0, 40);
    std::vector<DNA> expected, actual;
    run(*uninterrupted, space, c.objectives, 40, 10, &expected);
    // A restart: a new algorithm replays the 40 recorded trials.
    auto restarted = make(space, c.name, 5, c.objectives);
    nas::replay(*restarted, history);
    run(*restarted, space, c.objectives, 40, 10, &actual);
    ASSERT_EQ(expected.size(), 10u) << c.name;
    EXPECT_TRUE(expected == actual) << c.name;
  }
}

//===----------------------------------------------------------------------===//
// Several objectives
//===----------------------------------------------------------------------===//

TEST(NSGA2, ParetoFrontOfAHandMadeSet) {
  std::vector<std::vector<double>> points = {
      {1, 5}, // 0: front
      {2, 4}, // 1: front
      {2, 3}, // 2: dominated by 1
      {4, 1}, // 3: front
      {3, 1}, // 4: dominated by 3
      {2, 4}, // 5: equal to 1, so on the front too
      {0, 5}, // 6: dominated by 0
      {5, 0}, // 7: front
      {1, 1}, // 8: dominated by many
  };
  EXPECT_EQ(nas::paretoFront(points), (std::vector<size_t>{0, 1, 3, 5, 7}));
  std::vector<std::vector<size_t>> fronts = nas::nonDominatedFronts(points);
  ASSERT_EQ(fronts.size(), 3u);
  EXPECT_EQ(fronts[0], (std::vector<size_t>{0, 1, 3, 5, 7}));
  EXPECT_EQ(fronts[1], (std::vector<size_t>{2, 4, 6}));
  EXPECT_EQ(fronts[2], (std::vector<size_t>{8}));
  EXPECT_EQ(nas::paretoFront({}), std::vector<size_t>{});
  EXPECT_EQ(nas::paretoFront({{3, 3}}), std::vector<size_t>{0});
  // Three axes: none of these dominates another.
  EXPECT_EQ(nas::paretoFront({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), (std::vector<size_t>{0, 1, 2}));
}

/// ZDT1 on a discrete space (21 * 6^3 = 4,536 candidates), as two objectives
/// to maximize: f1 = p / 20, g = 1 + 9 * mean(x) / 5, f2 = g * (1 - sqrt(f1 /
/// g)); the Pareto front is x = 0, f2 = 1 - sqrt(f1), from (f1, f2) = (0, 1)
/// to (1, 0).
struct ZDT1 {
  DecisionSpace space;
  ZDT1() {
    space.push_back(intDecision("z.p", 0, 20));
    for (int i = 0; i < 3; ++i)
      space.push_back(oneOf("z.x" + std::to_string(i), 6));
  }
  std::vector<double> operator()(const DNA &dna) const {
    double f1 = dna.values.at("z.p").integer / 20.0, sum = 0;
    for (int i = 0; i < 3; ++i)
      sum += choice(dna, "z.x" + std::to_string(i));
    double g = 1 + 9 * sum / 15;
    return {-f1, -g * (1 - std::sqrt(f1 / g))};
  }
  /// The area the front dominates, up to the reference point (1.1, 11).
  static double hypervolume(std::vector<std::vector<double>> front) {
    std::sort(front.begin(), front.end(), [](const auto &a, const auto &b) { return a[0] > b[0]; }); // f1 ascending
    double area = 0, ceiling = 11;
    for (const auto &p : front) {
      double f1 = -p[0], f2 = -p[1];
      if (f2 < ceiling) {
        area += (1.1 - f1) * (ceiling - f2);
        ceiling = f2;
      }
    }
    return area;
  }
};

TEST(NSGA2, SpreadsAlongTheParetoFront) {
  ZDT1 f;
  std::vector<std::vector<double>> trueFront;
  for (int p = 0; p <= 20; ++p)
    trueFront.push_back({-p / 20.0, -(1 - std::sqrt(p / 20.0))});
  double bestVolume = ZDT1::hypervolume(trueFront);
  std::map<std::string, double> volume;
  std::map<std::string, int> bothExtremes;
  const int seeds = 10;
  for (int seed = 0; seed < seeds; ++seed) {
    for (const char *name : {"nsga2", "random"}) {
      auto algorithm = make(f.space, name, seed, 2);
      std::vector<std::vector<double>> points;
      for (nas::Trial &trial : nas::sample(*algorithm, 300)) {
        points.push_back(f(trial.dna()));
        trial.feedback(points.back());
      }
      std::vector<std::vector<double>> front;
      for (size_t i : nas::paretoFront(points))
        front.push_back(points[i]);
      volume[name] += ZDT1::hypervolume(front) / seeds;
      // Both ends of the true front: (f1, f2) = (0, 1) and (1, 0).
      bool left = false, right = false;
      for (const auto &p : front) {
        left |= p[0] == 0 && p[1] == -1;
        right |= p[0] == -1 && p[1] == 0;
      }
      bothExtremes[name] += left && right;
    }
  }
  std::printf("ZDT1 hypervolume (best %.3f), mean over 10 seeds of 300 trials: nsga2 %.3f, random %.3f; both "
              "extremes of the true front found by nsga2 %d, random %d of 10\n",
              bestVolume, volume["nsga2"], volume["random"], bothExtremes["nsga2"], bothExtremes["random"]);
  // Measured: 9 of 10 (each extreme is 1 of 4,536 candidates, so 300
  // random draws find both about 0.4% of the time).
  EXPECT_GE(bothExtremes["nsga2"], 7);
  EXPECT_GT(volume["nsga2"], volume["random"]);
}

//===----------------------------------------------------------------------===//
// The factory
//===----------------------------------------------------------------------===//

TEST(MakeAlgorithm, ErrorsNameTheProblem) {
  Rugged rugged;
  Smooth smooth;
  auto error = [](const DecisionSpace &space, nas::AlgorithmSettings settings) {
    std::string message;
    EXPECT_FALSE(nas::makeAlgorithm(space, settings, message));
    return message;
  };
  EXPECT_EQ(error(rugged.space, {"annealing", {}, 0, 1}),
            "unknown search algorithm 'annealing'; the algorithms: random, grid, evolution, tpe, nsga2");
  EXPECT_EQ(error(rugged.space, {"evolution", {{"size", 10}}, 0, 1}),
            "evolution has no parameter 'size'; its parameters: population, tournament, candidates");
  EXPECT_EQ(error(rugged.space, {"random", {{"population", 10}}, 0, 1}),
            "random search takes no parameters, but 'population' is given");
  EXPECT_EQ(error(rugged.space, {"evolution", {{"population", 1}}, 0, 1}),
            "evolution parameter 'population' is a whole number in [2, 1000000], not 1");
  EXPECT_EQ(error(rugged.space, {"evolution", {{"population", 10}, {"tournament", 11}}, 0, 1}),
            "evolution parameter 'tournament' is a whole number in [1, 10], not 11");
  EXPECT_EQ(error(rugged.space, {"nsga2", {{"population", 12.5}}, 0, 2}),
            "nsga2 parameter 'population' is a whole number in [2, 1000000], not 12.5");
  EXPECT_EQ(error(rugged.space, {"tpe", {{"gamma", 1}}, 0, 1}), "tpe parameter 'gamma' is a number in (0, 1), not 1");
  EXPECT_EQ(error(rugged.space, {"tpe", {{"gamma", 0}}, 0, 1}), "tpe parameter 'gamma' is a number in (0, 1), not 0");
  EXPECT_EQ(error(rugged.space, {"tpe", {{"candidates", 0}}, 0, 1}),
            "tpe parameter 'candidates' is a whole number in [1, 1000000], not 0");
  EXPECT_EQ(error(rugged.space, {"tpe", {{"startup", -1}}, 0, 1}),
            "tpe parameter 'startup' is a whole number in [0, 1000000], not -1");
  EXPECT_EQ(error(rugged.space, {"tpe", {}, 0, 2}),
            "tpe optimizes one objective, but 2 are given; use nsga2 (or evolution) for several");
  EXPECT_EQ(error(smooth.space, {"grid", {}, 0, 1}),
            "grid search needs a discrete space, but decision 's.c' is a float; use random, evolution or tpe");
  EXPECT_EQ(error(rugged.space, {"random", {}, 0, 0}), "a search needs at least one objective, not 0");
  // The defaults work, and evolution takes several objectives (as NSGA-II).
  for (const Case &c : kCases) {
    std::string message = "stale";
    auto algorithm = nas::makeAlgorithm(rugged.space, {c.name, {}, 0, c.objectives}, message);
    ASSERT_TRUE(algorithm) << message;
    EXPECT_EQ(message, "");
    EXPECT_EQ(nas::validate(rugged.space, *algorithm->propose()), "");
  }
}

//===----------------------------------------------------------------------===//
// Early stopping
//===----------------------------------------------------------------------===//

TEST(SuccessiveHalving, PrunesOutsideTheTopThirdOfEachRung) {
  // Rungs at epochs 1, 3 and 9 (27 is the last epoch: no rung there).
  nas::SuccessiveHalving pruner(/*minEpochs=*/1, /*reduction=*/3, /*maxEpochs=*/27);
  for (int64_t epoch : {1, 3, 9})
    EXPECT_TRUE(pruner.isRung(epoch)) << epoch;
  for (int64_t epoch : {0, 2, 4, 6, 10, 27, 81})
    EXPECT_FALSE(pruner.isRung(epoch)) << epoch;
  // Epoch 1. While a rung has fewer than 3 values only a new best goes on.
  EXPECT_FALSE(pruner.shouldPrune(1, 1, 0.50)); // {.50}: the best
  EXPECT_TRUE(pruner.shouldPrune(2, 1, 0.40));  // {.50 .40}: not the best
  EXPECT_FALSE(pruner.shouldPrune(3, 1, 0.60)); // 3 values: the top 1 is .60
  EXPECT_TRUE(pruner.shouldPrune(4, 1, 0.55));  // 4 values: top 1 is .60
  EXPECT_TRUE(pruner.shouldPrune(5, 1, 0.45));  // 5 values: top 1 is .60
  EXPECT_FALSE(pruner.shouldPrune(6, 1, 0.55)); // 6 values: top 2 are .60 .55; ties go on
  EXPECT_TRUE(pruner.shouldPrune(7, 1, 0.52));  // 7 values: top 2 are .60 .55
  // Non-rung epochs never prune, however bad.
  EXPECT_FALSE(pruner.shouldPrune(1, 2, 0.0));
  EXPECT_FALSE(pruner.shouldPrune(7, 2, -100.0));
  // Epoch 3 is a rung of its own.
  EXPECT_FALSE(pruner.shouldPrune(1, 3, 0.70));
  EXPECT_FALSE(pruner.shouldPrune(3, 3, 0.80));
  EXPECT_TRUE(pruner.shouldPrune(6, 3, 0.75));
  // A NaN always stops the trial.
  EXPECT_TRUE(pruner.shouldPrune(8, 1, std::nan("")));
  // The last epoch never prunes.
  EXPECT_FALSE(pruner.shouldPrune(3, 27, 0.0));
}

TEST(SuccessiveHalving, RecordRestoresTheRungs) {
  // The same reports, recorded rather than decided, give the same next
  // decision.
  nas::SuccessiveHalving live(2, 2, 0), restored(2, 2, 0);
  // Rungs at 2, 4, 8, ... (no maximum).
  EXPECT_TRUE(live.isRung(2) && live.isRung(4) && live.isRung(1024));
  EXPECT_FALSE(live.isRung(1) || live.isRung(3) || live.isRung(6));
  double values[] = {0.3, 0.9, 0.5, 0.7, 0.1, 0.6};
  for (int64_t t = 0; t < 6; ++t) {
    (void)live.shouldPrune(t, 2, values[t]);
    restored.record(t, 2, values[t]);
    restored.record(t, 3, values[t]); // not a rung: ignored
  }
  // With .65, 7 values at rung 2: the top 3 are .9 .7 .65.
  EXPECT_EQ(live.shouldPrune(6, 2, 0.65), restored.shouldPrune(6, 2, 0.65));
  EXPECT_FALSE(restored.shouldPrune(7, 2, 0.7));
  EXPECT_TRUE(restored.shouldPrune(8, 2, 0.6));
  // A trial that reports the same rung again replaces its value.
  nas::SuccessiveHalving again(1, 2, 0);
  EXPECT_FALSE(again.shouldPrune(1, 1, 0.2));
  EXPECT_FALSE(again.shouldPrune(1, 1, 0.1)); // still one value: the best
}

} // namespace
