//===- Frontend.h - From .nas text to a checked module ----------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_FRONTEND_H
#define NAS_DSL_FRONTEND_H

#include "nas/DSL/AST.h"
#include "nas/DSL/Diagnostics.h"
#include "nas/DSL/Sema.h"

#include <optional>
#include <string>

namespace nas::dsl {

struct FrontendResult {
  Module ast;
  CheckedModule checked;
  bool ok() const { return errors == 0; }
  unsigned errors = 0, warnings = 0;
};

/// Parses and checks one file; diagnostics go to `diags`. Semantic checks
/// run only on a file that parsed, so that one typo gives one error.
FrontendResult runFrontend(DiagnosticEngine &diags);

/// Reads a whole file, or returns nullopt and sets `error` to why not.
std::optional<std::string> readFile(const std::string &path, std::string &error);

} // namespace nas::dsl

#endif // NAS_DSL_FRONTEND_H
