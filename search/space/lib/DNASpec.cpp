//===- DNASpec.cpp - The tree of decision points of a space ---------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/DNASpec.h"

#include "nas/Search/Format.h"

#include <algorithm>

namespace nas {

int64_t DecisionPoint::repetitionsFor(int64_t value) const {
  if (repetitions.empty())
    return 0;
  if (kind == Kind::Int)
    return value;
  return value >= 0 && static_cast<size_t>(value) < countValues.size() ? countValues[value] : 0;
}

namespace {
SpaceSize binomial(int64_t n, int64_t k) {
  // One row of Pascal's triangle in exact arithmetic: only additions.
  if (k < 0 || k > n)
    return SpaceSize(0);
  k = std::min(k, n - k);
  std::vector<SpaceSize> row(k + 1, SpaceSize(0));
  row[0] = SpaceSize(1);
  for (int64_t i = 1; i <= n; ++i)
    for (int64_t j = std::min(i, k); j > 0; --j)
      row[j] += row[j - 1];
  return row[k];
}

SpaceSize decisionSize(const DecisionPoint &d, bool countContinuous) {
  // Value v of a count switches on repetitions [0, v).
  auto withRepetitions = [&](SpaceSize base, int64_t count) {
    for (int64_t i = 0; i < count && i < static_cast<int64_t>(d.repetitions.size()); ++i)
      base *= spaceSize(d.repetitions[i], countContinuous);
    return base;
  };
  switch (d.kind) {
  case DecisionPoint::Kind::Float: return countContinuous ? SpaceSize::infinite() : SpaceSize(1);
  case DecisionPoint::Kind::Int: {
    if (d.repetitions.empty())
      return SpaceSize(static_cast<uint64_t>(d.high - d.low) + 1);
    SpaceSize total(0);
    for (int64_t v = d.low; v <= d.high; ++v)
      total += withRepetitions(SpaceSize(1), v);
    return total;
  }
  case DecisionPoint::Kind::ManyOf: {
    int64_t n = static_cast<int64_t>(d.candidates.size()), k = d.choose;
    if (d.distinct && d.sorted)
      return binomial(n, k);
    if (d.distinct) {
      SpaceSize r(1);
      for (int64_t i = 0; i < k; ++i)
        r *= SpaceSize(static_cast<uint64_t>(n - i));
      return r;
    }
    if (d.sorted)
      return binomial(n + k - 1, k);
    SpaceSize r(1);
    for (int64_t i = 0; i < k; ++i)
      r *= SpaceSize(static_cast<uint64_t>(n));
    return r;
  }
  case DecisionPoint::Kind::OneOf:
  case DecisionPoint::Kind::Optional: {
    SpaceSize total(0);
    for (size_t i = 0; i < d.candidateCount(); ++i) {
      SpaceSize sub = i < d.subspaces.size() ? spaceSize(d.subspaces[i], countContinuous) : SpaceSize(1);
      total += withRepetitions(sub, d.repetitionsFor(static_cast<int64_t>(i)));
    }
    return total;
  }
  }
  return SpaceSize(1);
}

void describeInto(const DecisionSpace &space, int indent, const std::string &condition, std::string &out) {
  for (const auto &d : space) {
    std::string line(indent * 2, ' ');
    line += d->path + "  ";
    switch (d->kind) {
    case DecisionPoint::Kind::OneOf: line += "oneof(" + joinNames(d->candidates) + ")"; break;
    case DecisionPoint::Kind::ManyOf:
      line += "manyof(" + std::to_string(d->choose) + ", " + joinNames(d->candidates) + ")";
      if (!d->distinct || d->sorted)
        line +=
            std::string(" distinct=") + (d->distinct ? "true" : "false") + " sorted=" + (d->sorted ? "true" : "false");
      break;
    case DecisionPoint::Kind::Int:
      line += "int(" + std::to_string(d->low) + ", " + std::to_string(d->high) + ")";
      break;
    case DecisionPoint::Kind::Float:
      line +=
          "floatv(" + formatNumber(d->lowFloat) + ", " + formatNumber(d->highFloat) + (d->logScale ? ", log)" : ")");
      break;
    case DecisionPoint::Kind::Optional:
      line += d->candidates.back() == "{ ... }" ? "optional { ... }" : "optional(" + d->candidates.back() + ")";
      break;
    }
    if (!d->hint.empty())
      line += "  hint \"" + d->hint + "\"";
    if (!condition.empty())
      line += "  [when " + condition + "]";
    out += line + "\n";
    for (size_t i = 0; i < d->subspaces.size(); ++i) {
      std::string when = d->kind == DecisionPoint::Kind::Optional
                             ? d->path + (i ? " is present" : " is absent")
                             : d->path + " = " + (i < d->candidates.size() ? d->candidates[i] : std::to_string(i));
      describeInto(d->subspaces[i], indent + 1, when, out);
    }
    for (size_t i = 0; i < d->repetitions.size(); ++i)
      describeInto(d->repetitions[i], indent + 1, d->path + " > " + std::to_string(i), out);
  }
}
} // namespace

SpaceSize spaceSize(const DecisionSpace &space, bool countContinuous) {
  SpaceSize size(1);
  for (const auto &d : space)
    size *= decisionSize(*d, countContinuous);
  return size;
}

std::string describeDecisions(const DecisionSpace &space) {
  std::string out;
  describeInto(space, 0, "", out);
  return out;
}

std::string summarizeSpace(const std::string &modelName, const DecisionSpace &space) {
  size_t count = countDecisions(space);
  SpaceSize size = spaceSize(space);
  std::string out = "model " + modelName + ", " + std::to_string(count) +
                    (count == 1 ? " decision, " : " decisions, ") + size.toString() +
                    (size == SpaceSize(1) ? " candidate" : " candidates");
  if (size.isInfinite())
    out += " (" + spaceSize(space, false).toString() + " when continuous decisions are left out)";
  return out + "\n" + describeDecisions(space);
}

size_t countDecisions(const DecisionSpace &space) {
  size_t count = 0;
  for (const auto &d : space) {
    ++count;
    for (const DecisionSpace &sub : d->subspaces)
      count += countDecisions(sub);
    for (const DecisionSpace &rep : d->repetitions)
      count += countDecisions(rep);
  }
  return count;
}

const DecisionPoint *findDecision(const DecisionSpace &space, const std::string &path) {
  for (const auto &d : space) {
    if (d->path == path)
      return d.get();
    for (const DecisionSpace &sub : d->subspaces)
      if (const DecisionPoint *found = findDecision(sub, path))
        return found;
    for (const DecisionSpace &rep : d->repetitions)
      if (const DecisionPoint *found = findDecision(rep, path))
        return found;
  }
  return nullptr;
}

} // namespace nas
