//===- Decisions.h - The DNASpec of a space, read off its IR ----*- C++ -*-===//
//
// The search side sees only the tree of decision points (nas/Search/DNASpec.h);
// this reads it off a module that MLIRGen made: every nas decision op, with
// full paths rebuilt from the relative names, the sub-spaces of nas.switch
// regions, and one sub-space per repetition of a decided nas.repeat.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_DECISIONS_H
#define NAS_PASSES_DECISIONS_H

#include "mlir/IR/BuiltinOps.h"
#include "nas/Search/DNASpec.h"

namespace nas {

DecisionSpace readDecisions(mlir::ModuleOp module);

} // namespace nas

#endif // NAS_PASSES_DECISIONS_H
