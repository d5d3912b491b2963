//===- MakeAlgorithm.cpp - Algorithms by name and parameters --------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Builtins.h"
#include "nas/Search/Algorithm.h"

#include "nas/Search/Format.h"

#include <algorithm>
#include <cmath>

namespace nas {
namespace {

/// Reads an algorithm's parameters, each at most once, with their defaults
/// and ranges; the first problem goes to `error`.
class Params {
public:
  Params(const AlgorithmSettings &settings, std::string &error) : settings_(settings), error_(error) {}

  /// Every parameter given is one of `known`.
  bool onlyKnown(const std::vector<std::string> &known) {
    for (const auto &[name, value] : settings_.params) {
      if (std::find(known.begin(), known.end(), name) != known.end())
        continue;
      if (known.empty())
        error_ = settings_.name + " search takes no parameters, but '" + name + "' is given";
      else
        error_ = settings_.name + " has no parameter '" + name + "'; its parameters: " + joinNames(known);
      return false;
    }
    return true;
  }

  /// A whole number in [low, high].
  bool integer(const std::string &name, int defaultValue, int64_t low, int64_t high, int &out) {
    auto it = settings_.params.find(name);
    if (it == settings_.params.end()) {
      out = defaultValue;
      return true;
    }
    double x = it->second;
    if (!(x == std::floor(x) && x >= static_cast<double>(low) && x <= static_cast<double>(high))) {
      error_ = settings_.name + " parameter '" + name + "' is a whole number in [" + std::to_string(low) + ", " +
               std::to_string(high) + "], not " + formatNumber(x);
      return false;
    }
    out = static_cast<int>(x);
    return true;
  }

  /// A number strictly between low and high.
  bool open(const std::string &name, double defaultValue, double low, double high, double &out) {
    auto it = settings_.params.find(name);
    if (it == settings_.params.end()) {
      out = defaultValue;
      return true;
    }
    double x = it->second;
    if (!(x > low && x < high)) {
      error_ = settings_.name + " parameter '" + name + "' is a number in (" + formatNumber(low) + ", " +
               formatNumber(high) + "), not " + formatNumber(x);
      return false;
    }
    out = x;
    return true;
  }

private:
  const AlgorithmSettings &settings_;
  std::string &error_;
};

constexpr int64_t kMaxCount = 1000000;

/// A parameter's default, from the language's algorithm table
/// (nas/DSL/Builtins.h), where it is written once for the checks, the
/// reference and this.
int tableDefault(const std::string &algorithm, const char *param) {
  return static_cast<int>(dsl::settingDefault(false, "algorithm", algorithm, param).number);
}

/// The first continuous decision of `space`, or nullptr.
const DecisionPoint *firstFloat(const DecisionSpace &space) {
  for (const auto &d : space) {
    if (d->kind == DecisionPoint::Kind::Float)
      return d.get();
    for (const DecisionSpace &sub : d->subspaces)
      if (const DecisionPoint *f = firstFloat(sub))
        return f;
    for (const DecisionSpace &rep : d->repetitions)
      if (const DecisionPoint *f = firstFloat(rep))
        return f;
  }
  return nullptr;
}

} // namespace

std::unique_ptr<Algorithm> makeAlgorithm(const DecisionSpace &space, const AlgorithmSettings &settings,
                                         std::string &error) {
  error.clear();
  if (settings.objectives < 1) {
    error = "a search needs at least one objective, not " + std::to_string(settings.objectives);
    return nullptr;
  }
  Params params(settings, error);
  const std::string &name = settings.name;
  if (name == "random") {
    if (!params.onlyKnown({}))
      return nullptr;
    return makeRandomSearch(space, settings.seed);
  }
  if (name == "grid") {
    if (!params.onlyKnown({}))
      return nullptr;
    if (const DecisionPoint *f = firstFloat(space)) {
      error =
          "grid search needs a discrete space, but decision '" + f->path + "' is a float; use random, evolution or tpe";
      return nullptr;
    }
    return makeGridSearch(space);
  }
  if (name == "evolution" || name == "nsga2") {
    bool nsga2 = name == "nsga2" || settings.objectives > 1;
    int population = 0, tournament = 0, candidates = 1;
    if (!params.onlyKnown(nsga2 && name == "nsga2"
                              ? std::vector<std::string>{"population", "tournament"}
                              : std::vector<std::string>{"population", "tournament", "candidates"}) ||
        !params.integer("population", tableDefault(name, "population"), 2, kMaxCount, population) ||
        !params.integer("tournament", tableDefault(name, "tournament"), 1, population, tournament) ||
        !params.integer("candidates", tableDefault("evolution", "candidates"), 1, 1000, candidates))
      return nullptr;
    // Several objectives: NSGA-II's rank and crowding take the reward's place.
    if (nsga2)
      return makeNSGA2(space, population, tournament, settings.seed);
    return makeRegularizedEvolution(space, population, tournament, settings.seed, candidates);
  }
  if (name == "tpe") {
    if (settings.objectives > 1) {
      error = "tpe optimizes one objective, but " + std::to_string(settings.objectives) +
              " are given; use nsga2 (or evolution) for several";
      return nullptr;
    }
    int startup = 0, candidates = 0;
    double gamma = 0;
    if (!params.onlyKnown({"startup", "candidates", "gamma"}) ||
        !params.integer("startup", tableDefault("tpe", "startup"), 0, kMaxCount, startup) ||
        !params.integer("candidates", tableDefault("tpe", "candidates"), 1, kMaxCount, candidates) ||
        !params.open("gamma", 0.25, 0, 1, gamma))
      return nullptr;
    return makeTPE(space, startup, candidates, gamma, settings.seed);
  }
  error = "unknown search algorithm '" + name + "'; the algorithms: random, grid, evolution, tpe, nsga2";
  return nullptr;
}

} // namespace nas
