//===- Diagnostics.h - Errors and warnings with source lines ----*- C++ -*-===//
//
// Reports look like a good compiler's:
//
//   mlp.nas:4:15: error: unknown op 'dense2'
//       h = dense2(h, 10)
//           ^~~~~~
//   hint: did you mean 'dense'?
//
// Colour is used only when the output is a terminal.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_DIAGNOSTICS_H
#define NAS_DSL_DIAGNOSTICS_H

#include "nas/DSL/Source.h"

#include <cstdio>
#include <string>
#include <vector>

namespace nas::dsl {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity;
  SourceRange range;
  std::string message;
  std::string hint;
};

class DiagnosticEngine {
public:
  /// Reports go to `out` (nullptr: kept only in `diagnostics()`).
  DiagnosticEngine(const SourceFile &file, std::FILE *out, bool colour = false)
      : file_(file), out_(out), colour_(colour) {}

  void error(SourceRange range, std::string message, std::string hint = {});
  void warning(SourceRange range, std::string message, std::string hint = {});
  void note(SourceRange range, std::string message);

  unsigned errorCount() const { return errors_; }
  unsigned warningCount() const { return warnings_; }
  const std::vector<Diagnostic> &diagnostics() const { return diagnostics_; }
  const SourceFile &file() const { return file_; }

  /// After this many errors the rest are counted but not printed.
  static constexpr unsigned kMaxPrintedErrors = 20;

private:
  void report(Diagnostic diagnostic);
  void render(const Diagnostic &diagnostic) const;

  const SourceFile &file_;
  std::FILE *out_;
  bool colour_;
  unsigned errors_ = 0, warnings_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

/// The closest of `candidates` to `word` by edit distance, or "" when none is
/// close enough to be a likely typo.
std::string closestMatch(const std::string &word, const std::vector<std::string> &candidates);

} // namespace nas::dsl

#endif // NAS_DSL_DIAGNOSTICS_H
