//===- Diagnostics.cpp - Errors and warnings with source lines ------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Diagnostics.h"

#include <algorithm>

namespace nas::dsl {

void DiagnosticEngine::error(SourceRange range, std::string message, std::string hint) {
  ++errors_;
  report({Severity::Error, range, std::move(message), std::move(hint)});
}

void DiagnosticEngine::warning(SourceRange range, std::string message, std::string hint) {
  ++warnings_;
  report({Severity::Warning, range, std::move(message), std::move(hint)});
}

void DiagnosticEngine::note(SourceRange range, std::string message) {
  report({Severity::Note, range, std::move(message), {}});
}

void DiagnosticEngine::report(Diagnostic diagnostic) {
  // A flood of errors after the first twenty helps nobody; a note belongs to
  // the diagnostic before it and follows its fate.
  bool print = errors_ <= kMaxPrintedErrors;
  diagnostics_.push_back(std::move(diagnostic));
  if (print && out_)
    render(diagnostics_.back());
}

void DiagnosticEngine::render(const Diagnostic &d) const {
  const char *bold = colour_ ? "\033[1m" : "";
  const char *reset = colour_ ? "\033[0m" : "";
  const char *kindColour = "";
  const char *kind = "error";
  switch (d.severity) {
  case Severity::Error: kindColour = colour_ ? "\033[1;31m" : ""; break;
  case Severity::Warning:
    kindColour = colour_ ? "\033[1;35m" : "";
    kind = "warning";
    break;
  case Severity::Note:
    kindColour = colour_ ? "\033[1;36m" : "";
    kind = "note";
    break;
  }
  Position pos = file_.position(d.range.begin);
  std::fprintf(out_, "%s%s:%u:%u: %s%s:%s%s %s%s\n", bold, file_.name().c_str(), pos.line, pos.column, kindColour, kind,
               reset, bold, d.message.c_str(), reset);

  std::string_view line = file_.lineText(pos.line);
  std::string shown(line);
  std::replace(shown.begin(), shown.end(), '\t', ' ');
  std::fprintf(out_, "  %s\n", shown.c_str());
  // The caret marks the first character; tildes run to the end of the range
  // or of the line, whichever comes first. Columns in the message count
  // bytes; the marker counts characters, so it lines up under UTF-8 text.
  uint32_t lineStart = d.range.begin - (pos.column - 1);
  uint32_t lineEnd = lineStart + line.size();
  uint32_t end = std::min(std::max(d.range.end, d.range.begin + 1), std::max(lineEnd, d.range.begin + 1));
  auto characters = [&](uint32_t from, uint32_t to) {
    size_t n = 0;
    for (uint32_t i = from; i < to && i - lineStart < line.size(); ++i)
      n += (static_cast<unsigned char>(line[i - lineStart]) & 0xC0) != 0x80;
    return n;
  };
  std::string marker(characters(lineStart, d.range.begin), ' ');
  marker += '^';
  size_t width = characters(d.range.begin, end);
  if (width > 1)
    marker.append(width - 1, '~');
  std::fprintf(out_, "  %s%s%s\n", colour_ ? "\033[1;32m" : "", marker.c_str(), reset);
  if (!d.hint.empty())
    std::fprintf(out_, "  %shint:%s %s\n", colour_ ? "\033[1;36m" : "", reset, d.hint.c_str());
}

namespace {
/// Edits to turn a into b, where swapping two neighbours counts as one
/// ("bais" is one edit from "bias").
size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}
} // namespace

std::string closestMatch(const std::string &word, const std::vector<std::string> &candidates) {
  std::string best;
  size_t bestDistance = std::max<size_t>(1, word.size() / 3) + 1;
  for (const std::string &candidate : candidates) {
    size_t d = editDistance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

} // namespace nas::dsl
