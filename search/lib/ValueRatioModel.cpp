//===- ValueRatioModel.cpp - Which decision values the best trials share --===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "ValueRatioModel.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace nas {
namespace {
void collectFloats(const DecisionSpace &space, std::set<std::string> &out) {
  for (const auto &d : space) {
    if (d->kind == DecisionPoint::Kind::Float)
      out.insert(d->path);
    for (const DecisionSpace &sub : d->subspaces)
      collectFloats(sub, out);
    for (const DecisionSpace &rep : d->repetitions)
      collectFloats(rep, out);
  }
}
} // namespace

ValueRatioModel::ValueRatioModel(const DecisionSpace &space, double gamma) : gamma_(gamma) {
  collectFloats(space, floats_);
}

std::string ValueRatioModel::category(const DecisionValue &v) {
  std::string k;
  for (int64_t i : v.indices)
    k += std::to_string(i) + ',';
  return k + "/" + std::to_string(v.integer);
}

void ValueRatioModel::fit() {
  decisions_.clear();
  if (trials_.empty())
    return;
  std::vector<double> rewards;
  for (const auto &[_, r] : trials_)
    rewards.push_back(r);
  std::sort(rewards.begin(), rewards.end(), std::greater<double>());
  size_t goodCount = std::clamp<size_t>(static_cast<size_t>(std::ceil(gamma_ * rewards.size())), 1, rewards.size());
  double threshold = rewards[goodCount - 1];
  for (const auto &[dna, reward] : trials_) {
    bool good = reward >= threshold;
    for (const auto &[path, value] : dna.values) {
      if (floats_.count(path))
        continue;
      Decision &d = decisions_[path];
      Counts &c = d.byValue[category(value)];
      (good ? d.active.good : d.active.bad) += 1;
      (good ? c.good : c.bad) += 1;
    }
  }
}

double ValueRatioModel::score(const DNA &dna) const {
  double total = 0;
  for (const auto &[path, value] : dna.values) {
    auto d = decisions_.find(path);
    if (d == decisions_.end())
      continue;
    auto c = d->second.byValue.find(category(value));
    Counts counts = c == d->second.byValue.end() ? Counts{} : c->second;
    // One pseudo-observation of this value and one of the others.
    total += std::log((counts.good + 1) / (d->second.active.good + 2)) -
             std::log((counts.bad + 1) / (d->second.active.bad + 2));
  }
  return total;
}

} // namespace nas
