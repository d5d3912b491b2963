//===- LowerToCPU.h - A candidate's training functions as native code -*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_LOWERTOCPU_H
#define NAS_PASSES_LOWERTOCPU_H

#include "mlir/IR/BuiltinOps.h"

namespace nas {

/// Lowers @train_step and @infer (from nn-autodiff) to the LLVM functions
/// `nasc_train_step(arena, n)` and `nasc_infer(arena, n)`, with buffers
/// sized for `batch` rows (see the nn-lower-cpu pass).
mlir::LogicalResult lowerToCPU(mlir::ModuleOp module, int64_t batch);

} // namespace nas

#endif // NAS_PASSES_LOWERTOCPU_H
