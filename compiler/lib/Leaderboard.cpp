//===- Leaderboard.cpp - Trials ranked by their objectives ----------------===//
//
// What reads a study after the search: the objectives of a trial oriented
// so that higher is better, the leaderboard, and the settings a study
// records (with the objectives read back from them).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Search.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

namespace nas {

std::optional<std::vector<double>> orientedObjectives(const TrialRecord &trial,
                                                      const std::vector<Objective> &objectives) {
  std::vector<double> values;
  for (const Objective &o : objectives) {
    auto it = trial.metrics.find(o.metric);
    double v;
    if (it != trial.metrics.end())
      v = it->second;
    else if (o.metric == "params")
      v = static_cast<double>(trial.params);
    else if (o.metric == "flops")
      v = static_cast<double>(trial.flops);
    else
      return std::nullopt;
    values.push_back(o.maximize ? v : -v);
  }
  return values;
}

std::vector<const TrialRecord *> leaderboard(const std::vector<TrialRecord> &trials,
                                             const std::vector<Objective> &objectives, bool distinct) {
  std::vector<std::pair<double, const TrialRecord *>> ranked;
  std::set<std::string> seen;
  for (const TrialRecord &t : trials)
    if (t.state == TrialState::Complete &&
        (!distinct || t.candidateHash.empty() || seen.insert(t.candidateHash).second))
      if (auto values = orientedObjectives(t, objectives); values && !std::isnan((*values)[0]))
        ranked.push_back({(*values)[0], &t});
  std::stable_sort(ranked.begin(), ranked.end(), [](auto &a, auto &b) { return a.first > b.first; });
  std::vector<const TrialRecord *> result;
  for (auto &[_, t] : ranked)
    result.push_back(t);
  return result;
}

std::string searchSettingsJSON(const SearchOptions &o) {
  nlohmann::json j;
  j["algorithm"] = o.settings.algorithm;
  j["algorithm_params"] = o.settings.algorithmParams;
  j["trials"] = o.settings.trials;
  j["seed"] = o.settings.seed;
  for (const Objective &obj : o.settings.objectives)
    j["objectives"].push_back({obj.maximize ? "maximize" : "minimize", obj.metric});
  for (const Constraint &c : o.settings.constraints)
    j["constraints"].push_back(c.str());
  j["epochs"] = o.epochs;
  j["evaluator"] = o.evaluator;
  j["successive_halving"] = o.settings.successiveHalving;
  if (o.evaluator.empty() && o.settings.evaluator == "table")
    j["table"] = {o.settings.tableFile, o.settings.tableColumn, o.settings.tableKey};
  return j.dump();
}

std::vector<Objective> objectivesFromSettingsJSON(const std::string &json) {
  std::vector<Objective> objectives;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("objectives") && j["objectives"].is_array())
    for (const nlohmann::json &o : j["objectives"])
      if (o.is_array() && o.size() == 2 && o[0].is_string() && o[1].is_string())
        objectives.push_back({o[1].get<std::string>(), o[0].get<std::string>() == "maximize"});
  if (objectives.empty())
    objectives.push_back(Objective{});
  return objectives;
}

std::string tableKeyOf(const TrialRecord &trial) {
  const std::string &hash = trial.candidateHash;
  return hash.rfind(kTableKeyPrefix, 0) == 0 ? hash.substr(std::strlen(kTableKeyPrefix)) : std::string();
}

} // namespace nas
