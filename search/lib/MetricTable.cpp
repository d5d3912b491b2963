//===- MetricTable.cpp - Candidates' metrics looked up, not trained -------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/MetricTable.h"

#include "nas/Search/Format.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace nas {
namespace {

/// Splits one CSV record starting at `pos` (which moves past it); false
/// and `error` on an unclosed quote. `lines` counts the newlines consumed.
bool readRecord(const std::string &text, size_t &pos, std::vector<std::string> &fields, int64_t &lines,
                std::string &error) {
  fields.assign(1, "");
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (quoted) {
      if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"')
        fields.back() += '"', ++pos;
      else if (c == '"')
        quoted = false;
      else {
        if (c == '\n')
          ++lines;
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++pos;
      ++lines;
      return true;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) {
    error = "a quoted field is not closed";
    return false;
  }
  return true;
}

std::optional<double> number(const std::string &field) {
  if (field.empty())
    return std::nullopt;
  char *end = nullptr;
  errno = 0;
  double x = std::strtod(field.c_str(), &end);
  while (*end == ' ')
    ++end;
  if (end == field.c_str() || *end != '\0')
    return std::nullopt;
  return x;
}

} // namespace

std::optional<MetricTable> MetricTable::load(const std::string &path, const std::string &keyColumn,
                                             std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read the table '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse(path, text.str(), keyColumn, error);
}

std::optional<MetricTable> MetricTable::parse(const std::string &name, const std::string &text,
                                              const std::string &keyColumn, std::string &error) {
  MetricTable table;
  size_t pos = 0;
  int64_t line = 1, lines = 0;
  std::vector<std::string> header, fields;
  auto fail = [&](int64_t at, const std::string &message) {
    error = name + ":" + std::to_string(at) + ": " + message;
    return std::nullopt;
  };
  if (!readRecord(text, pos, header, lines, error))
    return fail(line, error);
  if (text.empty() || (header.size() == 1 && header[0].empty()))
    return fail(1, "the table is empty: its first line should name the columns");
  auto keyAt = std::find(header.begin(), header.end(), keyColumn);
  if (keyAt == header.end())
    return fail(1, "no column is named '" + keyColumn + "'; the columns: " + joinNames(header));
  size_t keyIndex = keyAt - header.begin();
  for (size_t i = 0; i < header.size(); ++i) {
    if (std::count(header.begin(), header.end(), header[i]) > 1)
      return fail(1, "the column '" + header[i] + "' appears twice");
    if (i != keyIndex)
      table.columns_.push_back(header[i]);
  }
  std::unordered_map<std::string, int64_t> firstLine;
  while (pos < text.size()) {
    line += lines;
    lines = 0;
    int64_t start = line;
    if (!readRecord(text, pos, fields, lines, error))
      return fail(start, error);
    if (fields.size() == 1 && fields[0].empty())
      continue; // a blank line
    if (fields.size() != header.size())
      return fail(start, "expected " + std::to_string(header.size()) + " fields as in the header, found " +
                             std::to_string(fields.size()));
    const std::string &key = fields[keyIndex];
    if (auto [it, inserted] = firstLine.emplace(key, start); !inserted)
      return fail(start, "the key '" + key + "' is also on line " + std::to_string(it->second));
    Metrics &metrics = table.rows_[key];
    for (size_t i = 0; i < fields.size(); ++i)
      if (i != keyIndex)
        if (std::optional<double> x = number(fields[i]))
          metrics[header[i]] = *x;
    table.keys_.push_back(key);
  }
  return table;
}

const MetricTable::Metrics *MetricTable::find(const std::string &key) const {
  auto it = rows_.find(key);
  return it == rows_.end() ? nullptr : &it->second;
}

bool MetricTable::hasMetric(const std::string &column) const {
  return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
}

} // namespace nas
