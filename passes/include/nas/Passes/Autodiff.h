//===- Autodiff.h - Training and inference functions of a candidate -*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_AUTODIFF_H
#define NAS_PASSES_AUTODIFF_H

#include "mlir/IR/BuiltinOps.h"

namespace nas {

/// Adds `@train_step` and `@infer` to a materialized candidate (see the
/// nn-autodiff pass). The optimizer and its settings come from the module's
/// `nas.train`. Errors are emitted at the op they concern.
mlir::LogicalResult buildTrainingFunctions(mlir::ModuleOp module);

} // namespace nas

#endif // NAS_PASSES_AUTODIFF_H
