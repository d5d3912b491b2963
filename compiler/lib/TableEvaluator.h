//===- TableEvaluator.h - Metrics looked up in a CSV table ------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_TABLEEVALUATOR_H
#define NAS_COMPILER_TABLEEVALUATOR_H

#include "nas/Compiler/Compiler.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"
#include "nas/Search/Study.h"

#include <optional>
#include <string>

namespace nas {

/// The table evaluator (`evaluator = table(...)`): a candidate's metrics
/// are a row of a CSV table, found by the key its decisions render.
class TableLookup {
public:
  /// The table and key format of `settings`; nullopt and `error` when the
  /// table cannot be read, the key format does not fit `space`, or an
  /// objective is not a column.
  static std::optional<TableLookup> open(const DecisionSpace &space, const SearchSettings &settings,
                                         std::string &error);

  std::string key(const DNA &dna) const { return key_.render(dna); }

  /// Fills `trial` with the row of `key`; false and `error` when the table
  /// has none (a wrong key format: every lookup would miss).
  bool lookUp(const std::string &key, TrialRecord &trial, std::string &error) const;

private:
  TableLookup(MetricTable table, KeyFormat key, const SearchSettings &settings)
      : table_(std::move(table)), key_(std::move(key)), settings_(settings) {}
  MetricTable table_;
  KeyFormat key_;
  SearchSettings settings_;
};

} // namespace nas

#endif // NAS_COMPILER_TABLEEVALUATOR_H
