//===- DNA.h - A point of a search space ------------------------*- C++ -*-===//
//
// A DNA fills in the decisions of a DNASpec: an index per choice, the chosen
// indices of a multi-choice, a value per int and float. Only the decisions
// on the active path (the chosen candidates' sub-spaces, the repetitions the
// chosen counts switch on) have values.
//
// Two forms round-trip with it:
//  - JSON, an object by decision path, readable and stable:
//      {"mlp.repeat": 2, "mlp.repeat[0].oneof": 1, "mlp.width": 3}
//    (choices by index, ints and floats by value, multi-choices as arrays);
//  - a flat vector of numbers in the depth-first order of the active path,
//    for algorithms that work on vectors.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_DNA_H
#define NAS_SEARCH_DNA_H

#include "nas/Search/DNASpec.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nas {

class Random;

/// The value of one decision.
struct DecisionValue {
  std::vector<int64_t> indices; // OneOf/Optional: one; ManyOf: `choose`
  int64_t integer = 0;          // Int
  double number = 0;            // Float
  bool operator==(const DecisionValue &) const = default;
};

struct DNA {
  /// By full decision path; std::map keeps the JSON form in a stable order.
  std::map<std::string, DecisionValue> values;
  bool operator==(const DNA &) const = default;
};

/// Checks that `dna` fits `spec`: every active decision has a valid value and
/// no other decision has one. Returns "" or the first problem, naming the
/// decision ("decision 'mlp.width' has 4 candidates; index 7 is out of range").
std::string validate(const DecisionSpace &spec, const DNA &dna);

/// The active decisions of `dna` in depth-first order (parents before the
/// sub-spaces they switch on, in source order).
std::vector<const DecisionPoint *> activeDecisions(const DecisionSpace &spec, const DNA &dna);

std::string toJSON(const DecisionSpace &spec, const DNA &dna);
/// Parses and validates; on failure returns nullopt and sets `error`.
std::optional<DNA> fromJSON(const DecisionSpace &spec, const std::string &json, std::string &error);

/// The active decisions' values in depth-first order; decisions without a
/// value are skipped (a valid DNA has none).
std::vector<double> toVector(const DecisionSpace &spec, const DNA &dna);
std::optional<DNA> fromVector(const DecisionSpace &spec, const std::vector<double> &vector, std::string &error);

/// A uniformly random DNA: each active decision drawn uniformly (floats on
/// their scale). The same seed gives the same DNA on every machine.
DNA randomDNA(const DecisionSpace &spec, uint64_t seed);

/// One decision's value drawn uniformly (floats on their scale), as
/// randomDNA draws it; for algorithms that draw decision by decision.
DecisionValue randomValue(const DecisionPoint &d, Random &random);

/// Keeps the values of `partial` on its active path, drops the others, and
/// draws the decisions that became active without a value (a mutation that
/// adds a layer keeps the existing ones and draws the new one).
DNA completeRandomly(const DecisionSpace &spec, const DNA &partial, uint64_t seed);

/// Enumeration for grid search: the first DNA (every decision at its first
/// value), and the next one in the order where the last active decision
/// changes fastest. nullopt when the space has a continuous decision, when
/// `dna` does not fit the space, or after the last DNA.
std::optional<DNA> firstDNA(const DecisionSpace &spec);
std::optional<DNA> nextDNA(const DecisionSpace &spec, const DNA &dna);

} // namespace nas

#endif // NAS_SEARCH_DNA_H
