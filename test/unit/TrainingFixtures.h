//===- TrainingFixtures.h - Compiled candidates for the training tests ----===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_TEST_TRAININGFIXTURES_H
#define NAS_TEST_TRAININGFIXTURES_H

#include "nas/Compiler/Compiler.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"
#include "nas/Search/Random.h"

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace nas::test {

/// A .nas source compiled for the CPU, with a copy of its parameters.
struct CompiledProgram {
  std::unique_ptr<Space> space;
  std::unique_ptr<Candidate> candidate;
  std::unique_ptr<CompiledModel> compiled;
  std::string error;
  mutable std::map<std::string, std::vector<float>> copy;

  bool ok() const { return compiled != nullptr; }
  const Program &program() const { return compiled->program(); }
  /// Saves (and restore() puts back) every parameter, state and moment.
  void save(Model &model) const {
    for (const ProgramSlot &s : program().slots)
      if (s.role == "param" || s.role == "state" || s.role == "moment") {
        const float *p = model.slot(s.name);
        copy[s.name].assign(p, p + s.elements(program().batch));
      }
  }
  void restore(Model &model) const {
    for (auto &[name, values] : copy)
      std::copy(values.begin(), values.end(), model.slot(name));
  }
  const std::vector<float> &saved(const std::string &name) const { return copy.at(name); }
};

inline CompiledProgram compileModel(const std::string &source, int64_t batch) {
  CompiledProgram result;
  std::vector<Diagnostic> diagnostics;
  result.space = Space::fromText("test.nas", source, diagnostics);
  if (!result.space) {
    for (const Diagnostic &d : diagnostics)
      result.error += d.str() + "\n";
    return result;
  }
  std::optional<DNA> dna = result.space->first();
  result.candidate = result.space->materialize(*dna, result.error);
  if (result.candidate)
    result.compiled = result.candidate->compileForCPU(batch, result.error);
  return result;
}

/// `count` samples of `shape` (the batch dimension first, ignored) drawn
/// uniformly from [0, 1), labels uniform in [0, classes).
inline Dataset randomDataset(const std::vector<int64_t> &shape, int64_t count, int32_t classes, uint64_t seed) {
  Dataset d;
  d.count = count;
  d.channels = shape.size() == 4 ? shape[1] : 1;
  d.height = shape.size() == 4 ? shape[2] : 1;
  d.width = shape.size() == 4 ? shape[3] : shape[1];
  d.classes = classes;
  Random rng(seed);
  for (int64_t i = 0; i < count * d.sampleSize(); ++i)
    d.images.push_back(static_cast<float>(rng.unit()));
  for (int64_t i = 0; i < count; ++i)
    d.labels.push_back(static_cast<int32_t>(rng.below(classes)));
  return d;
}

/// bench/workloads/<name>.nas with its optimizer replaced.
inline std::string workloadSource(const std::string &name, const std::string &optimizer) {
  std::string lower = name;
  for (char &c : lower)
    c = static_cast<char>(std::tolower(c));
  std::ifstream in(std::string(NASC_SOURCE_DIR) + "/bench/workloads/" + lower + ".nas");
  std::stringstream text;
  text << in.rdbuf();
  return std::regex_replace(text.str(), std::regex("optimizer = .*"), "optimizer = " + optimizer);
}

} // namespace nas::test

#endif // NAS_TEST_TRAININGFIXTURES_H
