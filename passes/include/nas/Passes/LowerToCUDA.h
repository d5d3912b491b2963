//===- LowerToCUDA.h - A candidate's training functions for the GPU -*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_LOWERTOCUDA_H
#define NAS_PASSES_LOWERTOCUDA_H

#include "nas/Runtime/CudaPlan.h"

#include "mlir/IR/BuiltinOps.h"

#include <optional>
#include <string>

namespace nas {

/// Lowers @train_step and @infer (from nn-autodiff) to a launch plan (the
/// module attribute `nn.cuda_plan`) over one device arena (`nn.layout`,
/// `nn.arena_bytes`) and the kernels it launches (`gpu.module @kernels`),
/// with buffers sized for `batch` rows (see the nn-lower-cuda pass).
mlir::LogicalResult lowerToCUDA(mlir::ModuleOp module, int64_t batch);

/// The plan lowerToCUDA left in `module`, as the runtime's structures: the
/// batch, the arena's size, the steps, the gather kernels and the kernels'
/// names; the slots (`nn.layout`), the chip and the candidate are the
/// caller's to add. nullopt and `error` when the module has no plan or a
/// step is malformed.
std::optional<CudaPlan> readCudaPlan(mlir::ModuleOp module, std::string &error);

} // namespace nas

#endif // NAS_PASSES_LOWERTOCUDA_H
