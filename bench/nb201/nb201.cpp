//===- nb201.cpp - The search algorithms on NAS-Bench-201 -----------------===//
//
// Runs each algorithm on examples/nasbench201.nas with its table evaluator
// (the 12-epoch CIFAR-10 validation accuracy of all 15,625 cells), many
// seeds, a fixed number of queries each, and prints the mean and standard
// deviation of the best accuracy found, with the gap to random search and
// its standard error. A query is a distinct cell evaluated: a proposal of a
// cell already evaluated is answered with its result, as `nasc search` does,
// and counted apart. Then a two-objective run (accuracy up, Pixel 3 latency
// down) and the hypervolume of the front found against the table's true
// front. Only the public API is used (nas/Compiler, nas/Search).
//
//   nasc-nb201 [--space FILE] [--seeds 100] [--queries 100] [--results DIR]
//              [--metric cifar10_val] [--latency pixel3_ms]
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"
#include "nas/Compiler/Search.h"
#include "nas/Search/Algorithm.h"
#include "nas/Search/Format.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

struct Contender {
  std::string label; // as printed and in the results file name
  nas::AlgorithmSettings settings;
};

struct RunResult {
  double best = -INFINITY;
  std::string bestKey;
  int64_t duplicates = 0;
  std::vector<std::string> evaluated; // distinct keys, in order
};

double mean(const std::vector<double> &x) {
  double s = 0;
  for (double v : x)
    s += v;
  return s / x.size();
}

double stddev(const std::vector<double> &x) {
  double m = mean(x), s = 0;
  for (double v : x)
    s += (v - m) * (v - m);
  return x.size() > 1 ? std::sqrt(s / (x.size() - 1)) : 0;
}

/// One search: `queries` distinct cells, each answered from the table.
/// `objectives` are the columns, oriented so that higher is better.
RunResult search(const nas::DecisionSpace &space, const nas::KeyFormat &key, const nas::MetricTable &table,
                 nas::AlgorithmSettings settings, const std::vector<std::pair<std::string, bool>> &objectives,
                 int queries) {
  std::string error;
  std::unique_ptr<nas::Algorithm> algorithm = nas::makeAlgorithm(space, settings, error);
  if (!algorithm) {
    std::fprintf(stderr, "nasc-nb201: %s\n", error.c_str());
    std::exit(1);
  }
  RunResult r;
  std::map<std::string, std::vector<double>> seen;
  int64_t inARow = 0;
  while (static_cast<int>(r.evaluated.size()) < queries && inARow < 1000) {
    std::optional<nas::DNA> dna = algorithm->propose();
    if (!dna)
      break;
    std::string k = key.render(*dna);
    auto it = seen.find(k);
    if (it != seen.end()) {
      ++r.duplicates, ++inARow;
      algorithm->feedback(*dna, it->second);
      continue;
    }
    inARow = 0;
    const nas::MetricTable::Metrics *row = table.find(k);
    if (!row) {
      std::fprintf(stderr, "nasc-nb201: the table has no row '%s'\n", k.c_str());
      std::exit(1);
    }
    std::vector<double> values;
    for (const auto &[column, maximize] : objectives)
      values.push_back(maximize ? row->at(column) : -row->at(column));
    seen.emplace(k, values);
    r.evaluated.push_back(k);
    if (values[0] > r.best)
      r.best = values[0], r.bestKey = k;
    algorithm->feedback(*dna, values);
  }
  return r;
}

/// The area that the points (x up, y down) dominate above `reference`
/// (x at least reference.first, y at most reference.second).
double hypervolume(std::vector<std::pair<double, double>> points, std::pair<double, double> reference) {
  // Sort by accuracy, best first; sweep keeping the lowest latency so far.
  std::sort(points.begin(), points.end(), [](auto &a, auto &b) { return a.first > b.first; });
  double area = 0, bestLatency = reference.second;
  for (const auto &[x, y] : points) {
    if (y >= bestLatency || x <= reference.first)
      continue;
    area += (x - reference.first) * (bestLatency - y);
    bestLatency = y;
  }
  return area;
}

/// The Pareto front of (accuracy up, latency down) points.
std::vector<std::pair<double, double>> front(const std::vector<std::pair<double, double>> &points) {
  std::vector<std::vector<double>> oriented;
  for (const auto &[x, y] : points)
    oriented.push_back({x, -y});
  std::vector<std::pair<double, double>> result;
  for (size_t i : nas::paretoFront(oriented))
    result.push_back(points[i]);
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

} // namespace

int main(int argc, char **argv) {
  std::string spaceFile = std::string(NASC_SOURCE_DIR) + "/examples/nasbench201.nas";
  std::string results = std::string(NASC_SOURCE_DIR) + "/bench/results";
  std::string accuracy = "cifar10_val", latency = "pixel3_ms";
  int seeds = 100, queries = 100;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "nasc-nb201: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--space")
      spaceFile = value();
    else if (a == "--seeds")
      seeds = std::stoi(value());
    else if (a == "--queries")
      queries = std::stoi(value());
    else if (a == "--results")
      results = value();
    else if (a == "--metric")
      accuracy = value();
    else if (a == "--latency")
      latency = value();
    else {
      std::fprintf(stderr, "usage: nasc-nb201 [--space FILE] [--seeds N] [--queries N] [--results DIR] "
                           "[--metric COLUMN] [--latency COLUMN]\n");
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }

  std::vector<nas::Diagnostic> diagnostics;
  nas::CompileOptions options;
  options.printTo = stderr;
  std::unique_ptr<nas::Space> space = nas::Space::fromFile(spaceFile, diagnostics, options);
  if (!space)
    return 1;
  std::string error;
  std::optional<nas::SearchSettings> settings = nas::readSearchSettings(*space, error);
  if (!settings || settings->evaluator != "table") {
    std::fprintf(stderr, "nasc-nb201: %s names no table evaluator%s\n", spaceFile.c_str(), error.c_str());
    return 1;
  }
  std::optional<nas::MetricTable> table = nas::MetricTable::load(settings->tableFile, settings->tableColumn, error);
  std::optional<nas::KeyFormat> key =
      table ? nas::KeyFormat::parse(settings->tableKey, space->decisions(), error) : std::nullopt;
  if (!key) {
    std::fprintf(stderr, "nasc-nb201: %s\n", error.c_str());
    return 1;
  }
  for (const std::string &column : {accuracy, latency})
    if (!table->hasMetric(column)) {
      std::fprintf(stderr, "nasc-nb201: the table has no column '%s'; its columns: %s\n", column.c_str(),
                   nas::joinNames(table->metricColumns()).c_str());
      return 1;
    }
  double top = -INFINITY;
  std::string topKey;
  for (const std::string &k : table->keys())
    if (double v = table->find(k)->at(accuracy); v > top)
      top = v, topKey = k;

  std::printf("NAS-Bench-201, %s (%zu cells; best %.3f, %s)\n", accuracy.c_str(), table->rows(), top, topKey.c_str());
  std::printf("%d queries (distinct cells) per run, %d seeds\n\n", queries, seeds);
  std::printf("%-60s %9s %7s %9s %18s %9s %11s\n", "algorithm", "mean best", "std", "regret", "vs random (s.e.)",
              "top cell", "dups/run");

  // NAS-Bench-201's settings for regularized evolution (population 10,
  // tournament 3), the same with guided mutation, and a greedier one.
  std::vector<Contender> contenders = {
      {"random", {"random", {}}},
      {"evolution", {"evolution", {{"population", 10}, {"tournament", 3}}}},
      {"evolution-guided", {"evolution", {{"population", 10}, {"tournament", 3}, {"candidates", 4}}}},
      {"evolution-greedy", {"evolution", {{"population", 20}, {"tournament", 20}, {"candidates", 2}}}},
      {"tpe", {"tpe", {}}},
  };
  std::filesystem::create_directories(results);
  // Other columns than the defaults get their own result files.
  std::string suffix = accuracy == "cifar10_val" && latency == "pixel3_ms" ? "" : "-" + accuracy + "-" + latency;
  std::vector<double> randomBests;
  for (const Contender &c : contenders) {
    std::vector<double> bests;
    double duplicates = 0;
    int foundTop = 0; // runs whose best is the table's best cell
    std::ofstream picks(results + "/nb201-" + c.label + suffix + ".txt");
    for (int seed = 0; seed < seeds; ++seed) {
      nas::AlgorithmSettings s = c.settings;
      s.seed = seed;
      RunResult r = search(space->decisions(), *key, *table, s, {{accuracy, true}}, queries);
      bests.push_back(r.best);
      foundTop += r.bestKey == topKey;
      duplicates += static_cast<double>(r.duplicates) / seeds;
      picks << r.bestKey << "\n";
    }
    if (c.label == "random")
      randomBests = bests;
    char gap[64] = "-";
    if (c.label != "random")
      std::snprintf(gap, sizeof gap, "%+.3f (%.3f)", mean(bests) - mean(randomBests),
                    std::sqrt(std::pow(stddev(bests), 2) / seeds + std::pow(stddev(randomBests), 2) / seeds));
    std::string name = c.label;
    for (const auto &[p, v] : c.settings.params)
      name += (name.size() == c.label.size() ? "(" : ", ") + p + " " + nas::formatNumber(v);
    if (!c.settings.params.empty())
      name += ")";
    std::printf("%-60s %9.3f %7.3f %9.3f %18s %4d/%-4d %11.1f\n", name.c_str(), mean(bests), stddev(bests),
                top - mean(bests), gap, foundTop, seeds, duplicates);
    std::fflush(stdout);
  }
  std::printf("\nEach run's pick (its best cell), one per line: %s/nb201-<algorithm>.txt\n", results.c_str());

  // Two objectives: accuracy up, latency on a Pixel 3 down.
  std::vector<std::pair<double, double>> all; // (accuracy, latency) of every cell
  for (const std::string &k : table->keys())
    all.push_back({table->find(k)->at(accuracy), table->find(k)->at(latency)});
  // The reference point is the true front's nadir (its worst accuracy and
  // its worst latency): only points as good as some corner of the front
  // count, so the ratio tells searches apart (from the table's worst cell,
  // every search would score above 0.96).
  std::vector<std::pair<double, double>> trueFront = front(all);
  std::pair<double, double> reference{INFINITY, -INFINITY};
  for (const auto &[x, y] : trueFront)
    reference = {std::min(reference.first, x), std::max(reference.second, y)};
  double trueVolume = hypervolume(trueFront, reference);
  std::printf("\nTwo objectives: max %s, min %s; the table's front has %zu cells; hypervolume against the point "
              "(%.3f, %.3f ms)\n",
              accuracy.c_str(), latency.c_str(), trueFront.size(), reference.first, reference.second);
  std::printf("%-60s %14s %7s %14s\n", "algorithm", "HV / true HV", "std", "front size");
  std::vector<Contender> multi = {
      {"random", {"random", {}, 0, 2}},
      {"nsga2", {"nsga2", {{"population", 10}, {"tournament", 2}}, 0, 2}},
  };
  for (const Contender &c : multi) {
    std::vector<double> ratios, sizes;
    std::vector<std::pair<double, double>> firstFront;
    for (int seed = 0; seed < seeds; ++seed) {
      nas::AlgorithmSettings s = c.settings;
      s.seed = seed;
      RunResult r = search(space->decisions(), *key, *table, s, {{accuracy, true}, {latency, false}}, queries);
      std::vector<std::pair<double, double>> points;
      for (const std::string &k : r.evaluated)
        points.push_back({table->find(k)->at(accuracy), table->find(k)->at(latency)});
      std::vector<std::pair<double, double>> found = front(points);
      ratios.push_back(hypervolume(found, reference) / trueVolume);
      sizes.push_back(static_cast<double>(found.size()));
      if (seed == 0)
        firstFront = found;
    }
    std::printf("%-60s %14.4f %7.4f %14.1f\n", c.label.c_str(), mean(ratios), stddev(ratios), mean(sizes));
    std::ofstream out(results + "/nb201-pareto-" + c.label + suffix + ".txt");
    out << "# seed 0: the front found in " << queries << " queries, " << accuracy << " " << latency << "\n";
    for (const auto &[x, y] : firstFront)
      out << x << " " << y << "\n";
  }
  std::ofstream out(results + "/nb201-pareto-true" + suffix + ".txt");
  out << "# the table's front: " << accuracy << " " << latency << "\n";
  for (const auto &[x, y] : trueFront)
    out << x << " " << y << "\n";
  return 0;
}
