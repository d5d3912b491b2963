//===- BufferPlan.h - Where each tensor of a training step lives -*- C++ -*-===//
//
// One arena holds everything a compiled candidate touches. Its front part
// persists between calls: the parameters, running statistics and optimizer
// moments (by name), the input batch, labels, learning rate, step number,
// loss and logits. The rest is workspace, shared by @train_step and @infer
// and reused within each: a tensor's bytes are free again after its last
// use. Values that are views of others (reshape, identity, in-place
// updates, a fused activation's input) share their buffer.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_BUFFERPLAN_H
#define NAS_PASSES_BUFFERPLAN_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <map>
#include <string>
#include <vector>

namespace nas {

/// A persistent part of the arena.
struct ArenaSlot {
  std::string name, role; // role: param, state, moment, input, labels, lr, step, loss, logits
  int64_t offset = 0, bytes = 0;
  std::vector<int64_t> shape; // -1 for the batch dimension
  std::string init;           // parameters only
  int64_t fanIn = 0;
};

class BufferPlan {
public:
  /// Buffers are sized for `batch` rows.
  explicit BufferPlan(int64_t batch) : batch_(batch) {}

  /// Plans the arena for `functions`; `fusedActivation(op)` names the
  /// activation a layer computes in its epilogue (its output is then the
  /// activation's buffer).
  mlir::LogicalResult build(llvm::ArrayRef<mlir::func::FuncOp> functions,
                            llvm::function_ref<mlir::Operation *(mlir::Operation *)> fusedActivation);

  int64_t offsetOf(mlir::Value tensor) const;
  /// The scratch buffer of a conv (or loss-gradient) op.
  int64_t scratchOf(mlir::Operation *op) const { return scratch_.at(op); }
  const ArenaSlot &slot(llvm::StringRef name) const { return slots_.at(slotIndex_.at(name.str())); }
  int64_t arenaBytes() const { return arenaBytes_; }
  mlir::ArrayAttr toAttribute(mlir::MLIRContext *context) const;

private:
  int64_t addSlot(ArenaSlot slot);
  int64_t bytesOf(mlir::Type type) const;
  mlir::LogicalResult planWorkspace(mlir::func::FuncOp fn,
                                    llvm::function_ref<mlir::Operation *(mlir::Operation *)> fusedActivation,
                                    int64_t base);

  int64_t batch_;
  std::vector<ArenaSlot> slots_;
  std::map<std::string, size_t> slotIndex_;
  llvm::DenseMap<mlir::Value, int64_t> offsets_;
  llvm::DenseMap<mlir::Operation *, int64_t> scratch_;
  int64_t persistentBytes_ = 0, arenaBytes_ = 0;
};

/// What both lowerings (CPU, CUDA) start and end with.
struct TrainingFunctions {
  mlir::func::FuncOp train, infer;
};
/// @train_step and @infer of `module` (from nn-autodiff), planned into
/// `plan` with the epilogue fusion of Fusion.h; an error on the module when
/// they are missing.
mlir::FailureOr<TrainingFunctions> planTrainingFunctions(mlir::ModuleOp module, BufferPlan &plan);
/// Records the arena on the module (`nn.layout`, `nn.arena_bytes`) and
/// removes the tensor functions that were lowered.
void finishLowering(mlir::ModuleOp module, const BufferPlan &plan);
/// What both lowerings do around their own work: plan @train_step and
/// @infer into one arena of `batch` rows, let `lower` lower them with that
/// plan, and when it succeeds finish as finishLowering does.
mlir::LogicalResult lowerWithPlan(mlir::ModuleOp module, int64_t batch,
                                  llvm::function_ref<mlir::LogicalResult(BufferPlan &, const TrainingFunctions &)> lower);

} // namespace nas

#endif // NAS_PASSES_BUFFERPLAN_H
