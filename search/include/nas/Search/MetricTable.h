//===- MetricTable.h - Candidates' metrics looked up, not trained -*- C++ -*-===//
//
// A CSV file with a header row: one column holds each candidate's key (see
// KeyFormat), the numeric columns are its metrics (NAS-Bench-201's
// `cifar10_val`, `pixel3_ms`, ...). Fields may be double-quoted ("" inside
// quotes is a quote); an empty or non-numeric field leaves that metric out
// for that row. Every row has the header's number of fields and a distinct
// key; errors name the file and line.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_METRICTABLE_H
#define NAS_SEARCH_METRICTABLE_H

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace nas {

class MetricTable {
public:
  using Metrics = std::map<std::string, double>;

  static std::optional<MetricTable> load(const std::string &path, const std::string &keyColumn, std::string &error);
  /// The same from text; `name` stands for the file in messages.
  static std::optional<MetricTable> parse(const std::string &name, const std::string &text,
                                          const std::string &keyColumn, std::string &error);

  /// The row whose key is `key`; null when there is none.
  const Metrics *find(const std::string &key) const;
  /// Every column but the key's, in the header's order.
  const std::vector<std::string> &metricColumns() const { return columns_; }
  bool hasMetric(const std::string &column) const;
  size_t rows() const { return rows_.size(); }
  /// Every row's key, in the file's order.
  const std::vector<std::string> &keys() const { return keys_; }

private:
  std::vector<std::string> columns_, keys_;
  std::unordered_map<std::string, Metrics> rows_;
};

} // namespace nas

#endif // NAS_SEARCH_METRICTABLE_H
