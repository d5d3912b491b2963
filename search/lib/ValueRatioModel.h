//===- ValueRatioModel.h - Which decision values the best trials share -*- C++ -*-===//
//
// A cheap model of what makes a trial good, for guided mutation: the trials
// evaluated so far are split as TPE splits them (the top `gamma` by reward
// are good, the rest bad), and a DNA scores the sum over its decisions of
// log(l / g), where l and g are the smoothed frequencies of its value among
// the good and the bad trials in which that decision was active. Choices
// and ints count as categories; floats are not scored. Private to
// search/lib.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_LIB_VALUERATIOMODEL_H
#define NAS_SEARCH_LIB_VALUERATIOMODEL_H

#include "nas/Search/DNA.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace nas {

class ValueRatioModel {
public:
  ValueRatioModel(const DecisionSpace &space, double gamma);
  void add(const DNA &dna, double reward) { trials_.push_back({dna, reward}); }
  size_t size() const { return trials_.size(); }
  /// Counts the values of the good and bad trials; call before scoring.
  void fit();
  /// Higher for DNAs whose values the good trials share more than the bad.
  double score(const DNA &dna) const;

private:
  struct Counts {
    double good = 0, bad = 0;
  };
  struct Decision {
    Counts active;                         // trials in which it was active
    std::map<std::string, Counts> byValue; // the same, per value
  };
  static std::string category(const DecisionValue &v);

  double gamma_;
  std::set<std::string> floats_; // paths of float decisions
  std::vector<std::pair<DNA, double>> trials_;
  std::map<std::string, Decision> decisions_;
};

} // namespace nas

#endif // NAS_SEARCH_LIB_VALUERATIOMODEL_H
