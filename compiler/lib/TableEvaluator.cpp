//===- TableEvaluator.cpp - Metrics looked up in a CSV table --------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TableEvaluator.h"

#include "nas/Search/Format.h"

namespace nas {

std::optional<TableLookup> TableLookup::open(const DecisionSpace &space, const SearchSettings &settings,
                                             std::string &error) {
  std::optional<MetricTable> table = MetricTable::load(settings.tableFile, settings.tableColumn, error);
  if (!table)
    return std::nullopt;
  std::optional<KeyFormat> key = KeyFormat::parse(settings.tableKey, space, error);
  if (!key) {
    error = "the table key '" + settings.tableKey + "': " + error;
    return std::nullopt;
  }
  for (const Objective &o : settings.objectives)
    if (!table->hasMetric(o.metric) && o.metric != "params" && o.metric != "flops") {
      error = "the objective '" + o.metric + "' is not a column of the table '" + settings.tableFile +
              "'; its columns: " + joinNames(table->metricColumns());
      return std::nullopt;
    }
  return TableLookup(std::move(*table), std::move(*key), settings);
}

bool TableLookup::lookUp(const std::string &key, TrialRecord &trial, std::string &error) const {
  const MetricTable::Metrics *row = table_.find(key);
  if (!row) {
    trial.state = TrialState::Failed;
    trial.reason = "no row of the table has " + settings_.tableColumn + " = '" + key + "'";
    error = "trial " + std::to_string(trial.id) + ": no row of the table '" + settings_.tableFile + "' has " +
            settings_.tableColumn + " = '" + key + "' (the key that the format '" + settings_.tableKey +
            "' gives its DNA " + trial.dna + ")";
    return false;
  }
  trial.metrics = *row;
  trial.state = TrialState::Complete;
  return true;
}

} // namespace nas
