//===- Fusion.h - Which activations run in a layer's epilogue ---*- C++ -*-===//
//
// Shared by nn-lower-cpu and nn-lower-cuda (and so by the buffer plan of
// both): a dense or conv layer computes its only activation in its
// epilogue when the activation's gradient needs the activation's output
// alone.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_FUSION_H
#define NAS_PASSES_FUSION_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseSet.h"

namespace nas {

/// The activation (relu, tanh, sigmoid) that can run in `layer`'s epilogue:
/// the only user of its output apart from that activation's gradient, when
/// the gradient reads the activation's output alone; null otherwise.
mlir::Operation *fusableActivation(mlir::Operation *layer);

/// What a lowering writes for a dense or conv `layer` whose plain result is
/// `output`: with a fusable activation, that activation (recorded in `fused`,
/// so that it is not lowered again) and its result; else null and `output`.
struct LayerOutput {
  mlir::Operation *activation;
  mlir::Value value;
};
LayerOutput fuseActivation(mlir::Operation *layer, mlir::Value output, llvm::DenseSet<mlir::Operation *> &fused);

/// fusableActivation for dense and conv layers, null for other ops: what
/// BufferPlan::build takes.
mlir::Operation *epilogueActivation(mlir::Operation *op);

/// The NASC_ACT_* code of an activation op or kind name (none when it is
/// not one).
int64_t activationKind(mlir::Operation *op);
int64_t activationKind(llvm::StringRef kind);

} // namespace nas

#endif // NAS_PASSES_FUSION_H
