//===- DNA.cpp - A point of a search space --------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/DNA.h"

#include "nas/Search/Format.h"
#include "nas/Search/Random.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace nas {
namespace {

/// Visits the active decisions of `dna` depth-first: a decision, then the
/// sub-space of its chosen candidate, then the repetitions it switches on.
/// `value` returns a decision's value or nullptr (then nothing below it is
/// visited); `visit` sees each active decision before its sub-spaces.
void walkActive(const DecisionSpace &space, const std::function<const DecisionValue *(const DecisionPoint &)> &value,
                const std::function<void(const DecisionPoint &)> &visit) {
  for (const auto &d : space) {
    visit(*d);
    const DecisionValue *v = value(*d);
    if (!v)
      continue;
    int64_t chosen = 0;
    if (d->isChoice() && v->indices.size() == 1) {
      chosen = v->indices[0];
      if (chosen >= 0 && static_cast<size_t>(chosen) < d->subspaces.size())
        walkActive(d->subspaces[chosen], value, visit);
    } else if (d->kind == DecisionPoint::Kind::Int) {
      chosen = v->integer;
    } else {
      continue;
    }
    int64_t count = d->repetitionsFor(chosen);
    for (int64_t i = 0; i < count && static_cast<size_t>(i) < d->repetitions.size(); ++i)
      walkActive(d->repetitions[i], value, visit);
  }
}

std::string quoted(const std::string &path) { return "'" + path + "'"; }

std::string checkValue(const DecisionPoint &d, const DecisionValue &v) {
  const std::string name = "decision " + quoted(d.path);
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional: {
    if (v.indices.size() != 1)
      return name + " needs one candidate index";
    int64_t k = static_cast<int64_t>(d.candidateCount());
    if (v.indices[0] < 0 || v.indices[0] >= k)
      return name + " has " + std::to_string(k) + " candidates; index " + std::to_string(v.indices[0]) +
             " is out of range";
    return "";
  }
  case DecisionPoint::Kind::ManyOf: {
    int64_t n = static_cast<int64_t>(d.candidates.size());
    if (static_cast<int64_t>(v.indices.size()) != d.choose)
      return name + " chooses " + std::to_string(d.choose) + " candidates, but the DNA gives " +
             std::to_string(v.indices.size());
    std::set<int64_t> seen;
    for (size_t i = 0; i < v.indices.size(); ++i) {
      int64_t x = v.indices[i];
      if (x < 0 || x >= n)
        return name + " has " + std::to_string(n) + " candidates; index " + std::to_string(x) + " is out of range";
      if (d.distinct && !seen.insert(x).second)
        return name + " chooses distinct candidates, but index " + std::to_string(x) + " appears twice";
      if (d.sorted && i > 0 && x < v.indices[i - 1])
        return name + " needs its indices in increasing order";
    }
    return "";
  }
  case DecisionPoint::Kind::Int:
    if (v.integer < d.low || v.integer > d.high)
      return name + " is an integer in [" + std::to_string(d.low) + ", " + std::to_string(d.high) + "]; " +
             std::to_string(v.integer) + " is out of range";
    return "";
  case DecisionPoint::Kind::Float:
    if (!(v.number >= d.lowFloat && v.number <= d.highFloat))
      return name + " is a number in [" + formatNumber(d.lowFloat) + ", " + formatNumber(d.highFloat) + "]; " +
             formatNumber(v.number) + " is out of bounds";
    return "";
  }
  return "";
}

/// The first value of a discrete decision.
DecisionValue firstValue(const DecisionPoint &d) {
  DecisionValue v;
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional: v.indices = {0}; break;
  case DecisionPoint::Kind::ManyOf:
    for (int64_t i = 0; i < d.choose; ++i)
      v.indices.push_back(d.distinct ? i : 0);
    break;
  case DecisionPoint::Kind::Int: v.integer = d.low; break;
  case DecisionPoint::Kind::Float: v.number = d.lowFloat; break;
  }
  return v;
}

/// The next value of a discrete decision, or false after its last.
bool incrementValue(const DecisionPoint &d, DecisionValue &v) {
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional:
    if (v.indices[0] + 1 >= static_cast<int64_t>(d.candidateCount()))
      return false;
    ++v.indices[0];
    return true;
  case DecisionPoint::Kind::Int:
    if (v.integer >= d.high)
      return false;
    ++v.integer;
    return true;
  case DecisionPoint::Kind::ManyOf: {
    // Index tuples in lexicographic order, skipping the ones the variant
    // does not allow.
    int64_t n = static_cast<int64_t>(d.candidates.size());
    std::vector<int64_t> t = v.indices;
    while (true) {
      int64_t pos = static_cast<int64_t>(t.size()) - 1;
      while (pos >= 0 && t[pos] == n - 1)
        t[pos--] = 0;
      if (pos < 0)
        return false;
      ++t[pos];
      DecisionValue candidate;
      candidate.indices = t;
      if (checkValue(d, candidate).empty()) {
        v.indices = t;
        return true;
      }
    }
  }
  case DecisionPoint::Kind::Float: return false;
  }
  return false;
}

/// Fills every active decision that has no value yet with `fill(d)`.
DNA complete(const DecisionSpace &spec, DNA dna, const std::function<DecisionValue(const DecisionPoint &)> &fill) {
  walkActive(
      spec,
      [&](const DecisionPoint &d) -> const DecisionValue * {
        auto it = dna.values.find(d.path);
        if (it == dna.values.end())
          it = dna.values.emplace(d.path, fill(d)).first;
        return &it->second;
      },
      [](const DecisionPoint &) {});
  return dna;
}

bool hasContinuous(const DecisionSpace &space) {
  for (const auto &d : space) {
    if (d->kind == DecisionPoint::Kind::Float)
      return true;
    for (const DecisionSpace &sub : d->subspaces)
      if (hasContinuous(sub))
        return true;
    for (const DecisionSpace &rep : d->repetitions)
      if (hasContinuous(rep))
        return true;
  }
  return false;
}

} // namespace

DecisionValue randomValue(const DecisionPoint &d, Random &random) {
  DecisionValue v;
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional: v.indices = {static_cast<int64_t>(random.below(d.candidateCount()))}; break;
  case DecisionPoint::Kind::ManyOf: {
    int64_t n = static_cast<int64_t>(d.candidates.size());
    if (d.sorted && !d.distinct) {
      // A uniform multiset: a uniform k-subset of n + k - 1 items, sorted,
      // minus its position (stars and bars). Sorting k independent draws
      // would favour the tuples without repeats.
      std::vector<int64_t> pool(n + d.choose - 1);
      for (int64_t i = 0; i < n + d.choose - 1; ++i)
        pool[i] = i;
      for (int64_t i = 0; i < d.choose; ++i)
        std::swap(pool[i], pool[i + random.below(n + d.choose - 1 - i)]);
      std::vector<int64_t> chosen(pool.begin(), pool.begin() + d.choose);
      std::sort(chosen.begin(), chosen.end());
      for (int64_t i = 0; i < d.choose; ++i)
        v.indices.push_back(chosen[i] - i);
      break;
    }
    if (d.distinct) {
      std::vector<int64_t> pool(n);
      for (int64_t i = 0; i < n; ++i)
        pool[i] = i;
      for (int64_t i = 0; i < d.choose; ++i) {
        std::swap(pool[i], pool[i + random.below(n - i)]);
        v.indices.push_back(pool[i]);
      }
    } else {
      for (int64_t i = 0; i < d.choose; ++i)
        v.indices.push_back(static_cast<int64_t>(random.below(n)));
    }
    if (d.sorted)
      std::sort(v.indices.begin(), v.indices.end());
    break;
  }
  case DecisionPoint::Kind::Int: v.integer = d.low + random.below(d.high - d.low + 1); break;
  case DecisionPoint::Kind::Float: {
    double u = random.unit();
    v.number = d.logScale ? std::exp(std::log(d.lowFloat) + u * (std::log(d.highFloat) - std::log(d.lowFloat)))
                          : d.lowFloat + u * (d.highFloat - d.lowFloat);
    v.number = std::clamp(v.number, d.lowFloat, d.highFloat);
    break;
  }
  }
  return v;
}

std::vector<const DecisionPoint *> activeDecisions(const DecisionSpace &spec, const DNA &dna) {
  std::vector<const DecisionPoint *> active;
  walkActive(
      spec,
      [&](const DecisionPoint &d) -> const DecisionValue * {
        auto it = dna.values.find(d.path);
        return it == dna.values.end() ? nullptr : &it->second;
      },
      [&](const DecisionPoint &d) { active.push_back(&d); });
  return active;
}

std::string validate(const DecisionSpace &spec, const DNA &dna) {
  std::string problem;
  std::set<std::string> activePaths;
  for (const DecisionPoint *d : activeDecisions(spec, dna)) {
    activePaths.insert(d->path);
    auto it = dna.values.find(d->path);
    if (it == dna.values.end()) {
      return "missing a value for decision " + quoted(d->path) + (d->where.empty() ? "" : " (" + d->where + ")");
    }
    if (std::string bad = checkValue(*d, it->second); !bad.empty())
      return bad;
  }
  for (const auto &[path, value] : dna.values) {
    if (activePaths.count(path))
      continue;
    if (findDecision(spec, path))
      return "decision " + quoted(path) +
             " has a value, but it is not part of this candidate (its branch is not "
             "chosen or its repetition is not there)";
    return "no decision named " + quoted(path) + " in this space";
  }
  return "";
}

std::string toJSON(const DecisionSpace &spec, const DNA &dna) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto &[path, v] : dna.values) {
    const DecisionPoint *d = findDecision(spec, path);
    if (!d)
      continue;
    switch (d->kind) {
    case DecisionPoint::Kind::OneOf:
    case DecisionPoint::Kind::Optional: object[path] = v.indices.empty() ? 0 : v.indices[0]; break;
    case DecisionPoint::Kind::ManyOf: object[path] = v.indices; break;
    case DecisionPoint::Kind::Int: object[path] = v.integer; break;
    case DecisionPoint::Kind::Float: object[path] = v.number; break;
    }
  }
  return object.dump();
}

std::optional<DNA> fromJSON(const DecisionSpace &spec, const std::string &text, std::string &error) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    error = "the DNA is not valid JSON";
    return std::nullopt;
  }
  if (!json.is_object()) {
    error = "a DNA is a JSON object from decision names to values, e.g. {\"mlp.width\": 1}";
    return std::nullopt;
  }
  DNA dna;
  for (auto &[path, value] : json.items()) {
    const DecisionPoint *d = findDecision(spec, path);
    if (!d) {
      error = "no decision named " + quoted(path) + " in this space";
      return std::nullopt;
    }
    DecisionValue v;
    const std::string name = "decision " + quoted(path);
    switch (d->kind) {
    case DecisionPoint::Kind::OneOf:
    case DecisionPoint::Kind::Optional:
      if (value.is_string()) {
        // A candidate may also be named by its label: "relu".
        auto it = std::find(d->candidates.begin(), d->candidates.end(), value.get<std::string>());
        if (it == d->candidates.end() || std::count(d->candidates.begin(), d->candidates.end(), *it) > 1) {
          error = name + " has no single candidate " + value.dump() + "; its candidates: " + joinNames(d->candidates);
          return std::nullopt;
        }
        v.indices = {it - d->candidates.begin()};
      } else if (value.is_number_integer()) {
        v.indices = {value.get<int64_t>()};
      } else {
        error = name + " needs a candidate index (or label), not " + value.dump();
        return std::nullopt;
      }
      break;
    case DecisionPoint::Kind::ManyOf:
      if (!value.is_array()) {
        error = name + " needs a list of candidate indices, not " + value.dump();
        return std::nullopt;
      }
      for (auto &x : value) {
        if (!x.is_number_integer()) {
          error = name + " needs a list of candidate indices, not " + value.dump();
          return std::nullopt;
        }
        v.indices.push_back(x.get<int64_t>());
      }
      break;
    case DecisionPoint::Kind::Int:
      if (!value.is_number_integer()) {
        error = name + " needs an integer, not " + value.dump();
        return std::nullopt;
      }
      v.integer = value.get<int64_t>();
      break;
    case DecisionPoint::Kind::Float:
      if (!value.is_number()) {
        error = name + " needs a number, not " + value.dump();
        return std::nullopt;
      }
      v.number = value.get<double>();
      break;
    }
    dna.values[path] = v;
  }
  error = validate(spec, dna);
  if (!error.empty())
    return std::nullopt;
  return dna;
}

std::vector<double> toVector(const DecisionSpace &spec, const DNA &dna) {
  std::vector<double> out;
  for (const DecisionPoint *d : activeDecisions(spec, dna)) {
    auto it = dna.values.find(d->path);
    if (it == dna.values.end())
      continue; // an incomplete DNA: nothing to write for it
    const DecisionValue &v = it->second;
    switch (d->kind) {
    case DecisionPoint::Kind::OneOf:
    case DecisionPoint::Kind::Optional:
    case DecisionPoint::Kind::ManyOf:
      for (int64_t i : v.indices)
        out.push_back(static_cast<double>(i));
      break;
    case DecisionPoint::Kind::Int: out.push_back(static_cast<double>(v.integer)); break;
    case DecisionPoint::Kind::Float: out.push_back(v.number); break;
    }
  }
  return out;
}

std::optional<DNA> fromVector(const DecisionSpace &spec, const std::vector<double> &vector, std::string &error) {
  DNA dna;
  size_t next = 0;
  bool shortVector = false;
  auto take = [&](const DecisionPoint &d, bool integral) -> std::optional<double> {
    if (next >= vector.size()) {
      if (!shortVector)
        error = "the vector ends before decision " + quoted(d.path);
      shortVector = true;
      return std::nullopt;
    }
    double x = vector[next++];
    // Whole numbers within 2^53 convert to int64_t exactly; others do not.
    if (integral && (x != std::floor(x) || std::fabs(x) > 0x1.0p53)) {
      if (error.empty())
        error = "decision " + quoted(d.path) + " needs a whole number, not " + formatNumber(x);
      return std::nullopt;
    }
    return x;
  };
  walkActive(
      spec,
      [&](const DecisionPoint &d) -> const DecisionValue * {
        DecisionValue v;
        switch (d.kind) {
        case DecisionPoint::Kind::OneOf:
        case DecisionPoint::Kind::Optional:
        case DecisionPoint::Kind::ManyOf: {
          int64_t count = d.kind == DecisionPoint::Kind::ManyOf ? d.choose : 1;
          for (int64_t i = 0; i < count; ++i) {
            std::optional<double> x = take(d, true);
            if (!x)
              return nullptr;
            v.indices.push_back(static_cast<int64_t>(*x));
          }
          break;
        }
        case DecisionPoint::Kind::Int: {
          std::optional<double> x = take(d, true);
          if (!x)
            return nullptr;
          v.integer = static_cast<int64_t>(*x);
          break;
        }
        case DecisionPoint::Kind::Float: {
          std::optional<double> x = take(d, false);
          if (!x)
            return nullptr;
          v.number = *x;
          break;
        }
        }
        // Out-of-range values would send the walk astray: stop below them.
        if (!checkValue(d, v).empty()) {
          if (error.empty())
            error = checkValue(d, v);
          return nullptr;
        }
        return &(dna.values[d.path] = v);
      },
      [](const DecisionPoint &) {});
  if (!error.empty())
    return std::nullopt;
  if (next != vector.size()) {
    error =
        "the vector has " + std::to_string(vector.size()) + " numbers, but this candidate has " + std::to_string(next);
    return std::nullopt;
  }
  return dna;
}

DNA randomDNA(const DecisionSpace &spec, uint64_t seed) {
  Random random(seed);
  return complete(spec, DNA{}, [&](const DecisionPoint &d) { return randomValue(d, random); });
}

DNA completeRandomly(const DecisionSpace &spec, const DNA &partial, uint64_t seed) {
  Random random(seed);
  DNA filled = complete(spec, partial, [&](const DecisionPoint &d) { return randomValue(d, random); });
  DNA pruned;
  for (const DecisionPoint *d : activeDecisions(spec, filled))
    pruned.values[d->path] = filled.values.at(d->path);
  return pruned;
}

std::optional<DNA> firstDNA(const DecisionSpace &spec) {
  if (hasContinuous(spec))
    return std::nullopt;
  return complete(spec, DNA{}, firstValue);
}

std::optional<DNA> nextDNA(const DecisionSpace &spec, const DNA &dna) {
  if (hasContinuous(spec) || !validate(spec, dna).empty())
    return std::nullopt;
  // An odometer over the active decisions: the last one that can still
  // move moves, every decision after it starts over.
  std::vector<const DecisionPoint *> active = activeDecisions(spec, dna);
  for (size_t j = active.size(); j-- > 0;) {
    DecisionValue v = dna.values.at(active[j]->path);
    if (!incrementValue(*active[j], v))
      continue;
    DNA next;
    for (size_t i = 0; i < j; ++i)
      next.values[active[i]->path] = dna.values.at(active[i]->path);
    next.values[active[j]->path] = v;
    return complete(spec, std::move(next), firstValue);
  }
  return std::nullopt;
}

} // namespace nas
