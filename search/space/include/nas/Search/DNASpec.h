//===- DNASpec.h - The tree of decision points of a space -------*- C++ -*-===//
//
// What a search algorithm sees of a search space, after PyGlove's DNASpec:
// a tree of decision points. A choice has k candidates, and candidate i may
// carry a sub-space that exists only when i is chosen. A decided count
// (`repeat int(1, 4)`) carries one sub-space per repetition; repetition i
// exists only when the count exceeds i. Ints and floats are leaves with
// bounds. Every point has a stable path name (`mlp.repeat[2].oneof`).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_DNASPEC_H
#define NAS_SEARCH_DNASPEC_H

#include "nas/Search/SpaceSize.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nas {

struct DecisionPoint;
using DecisionSpace = std::vector<std::unique_ptr<DecisionPoint>>;

struct DecisionPoint {
  /// OneOf: one of `candidates`. ManyOf: `choose` of them. Int: an integer in
  /// [low, high]. Float: a number in [lowFloat, highFloat]. Optional: a OneOf
  /// of two, absent (0) or present (1).
  enum class Kind { OneOf, ManyOf, Int, Float, Optional };
  Kind kind = Kind::OneOf;
  std::string path;
  /// Where the decision is in the source ("file:line:col"), for messages.
  std::string where;
  /// What the user said about it (`hint: "..."`), for algorithms and people.
  std::string hint;
  std::vector<std::string> candidates;  // OneOf, ManyOf, Optional: a label per candidate
  std::vector<DecisionSpace> subspaces; // OneOf, Optional: per candidate (may be empty)
  /// When the decision is a repetition count: the count each OneOf candidate
  /// stands for (an Int counts its own value), and the sub-space of each
  /// repetition.
  std::vector<int64_t> countValues;
  std::vector<DecisionSpace> repetitions;
  int64_t low = 0, high = 0;
  double lowFloat = 0, highFloat = 0;
  bool logScale = false;
  int64_t choose = 0;
  bool distinct = true, sorted = false;

  bool isChoice() const { return kind == Kind::OneOf || kind == Kind::Optional; }
  size_t candidateCount() const { return kind == Kind::Optional ? 2 : candidates.size(); }
  /// The repetitions a value activates (0 when this is not a count).
  int64_t repetitionsFor(int64_t value) const;
};

/// The number of candidates of a space: infinite when it has a continuous
/// decision, unless `countContinuous` is false, which counts the choices of
/// the discrete decisions only.
SpaceSize spaceSize(const DecisionSpace &space, bool countContinuous = true);

/// The decisions as an indented tree, one per line, with the condition under
/// which each conditional one exists.
std::string describeDecisions(const DecisionSpace &space);

/// "model NAME, N decisions, S candidates" (with the size of the discrete
/// part when the space is infinite), a line break, then describeDecisions.
std::string summarizeSpace(const std::string &modelName, const DecisionSpace &space);

/// The number of decision points, conditional ones included.
size_t countDecisions(const DecisionSpace &space);

/// The decision with this path, or nullptr.
const DecisionPoint *findDecision(const DecisionSpace &space, const std::string &path);

} // namespace nas

#endif // NAS_SEARCH_DNASPEC_H
