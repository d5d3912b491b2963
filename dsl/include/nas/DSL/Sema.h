//===- Sema.h - Semantic checks and the decisions of a space ----*- C++ -*-===//
//
// Checks a parsed module by elaborating it the way materialization will:
// blocks are instantiated at each call, `for` loops unrolled, every
// repetition of a `repeat` visited, every candidate of a choice visited.
// Along the way it checks names, arity, argument kinds, tensor shapes where
// they are known and constants where a constant is required, and it collects
// the tree of decision points with their stable path names.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_SEMA_H
#define NAS_DSL_SEMA_H

#include "nas/DSL/AST.h"
#include "nas/DSL/Diagnostics.h"
#include "nas/Search/DNASpec.h"

#include <memory>
#include <string>
#include <vector>

namespace nas::dsl {

using nas::DecisionPoint;
using nas::DecisionSpace;

struct CheckedModule {
  std::string modelName;
  DecisionSpace decisions;
};

/// Runs every semantic check; errors and warnings go to `diags`.
CheckedModule checkModule(const Module &module, DiagnosticEngine &diags);

} // namespace nas::dsl

#endif // NAS_DSL_SEMA_H
