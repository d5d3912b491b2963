//===- Diagnostics.cpp - Errors and warnings with source lines ------------===//
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
  case Severity::Error:
    kindColour = colour_ ? "\033[1;31m" : "";
    break;
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
  std::fprintf(out_, "%s%s:%u:%u: %s%s:%s%s %s%s\n", bold, file_.name().c_str(), pos.line, pos.column,
               kindColour, kind, reset, bold, d.message.c_str(), reset);

  std::string_view line = file_.lineText(pos.line);
  std::string shown(line);
  std::replace(shown.begin(), shown.end(), '\t', ' ');
  std::fprintf(out_, "  %s\n", shown.c_str());
  // The caret marks the first character; tildes run to the end of the range
  // or of the line, whichever comes first.
  uint32_t lineEnd = d.range.begin - (pos.column - 1) + line.size();
  uint32_t end = std::min(std::max(d.range.end, d.range.begin + 1), std::max(lineEnd, d.range.begin + 1));
  std::string marker(pos.column - 1, ' ');
  marker += '^';
  if (end > d.range.begin + 1)
    marker.append(end - d.range.begin - 1, '~');
  std::fprintf(out_, "  %s%s%s\n", colour_ ? "\033[1;32m" : "", marker.c_str(), reset);
  if (!d.hint.empty())
    std::fprintf(out_, "  %shint:%s %s\n", colour_ ? "\033[1;36m" : "", reset, d.hint.c_str());
}

namespace {
size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
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
