//===- LowerToCUDA.h - A candidate's training functions for the GPU -*- C++ -*-===//
#ifndef NAS_PASSES_LOWERTOCUDA_H
#define NAS_PASSES_LOWERTOCUDA_H

#include "mlir/IR/BuiltinOps.h"

namespace nas {

/// Lowers @train_step and @infer (from nn-autodiff) to a launch plan (the
/// module attribute `nn.cuda_plan`) over one device arena (`nn.layout`,
/// `nn.arena_bytes`) and the kernels it launches (`gpu.module @kernels`),
/// with buffers sized for `batch` rows (see the nn-lower-cuda pass).
mlir::LogicalResult lowerToCUDA(mlir::ModuleOp module, int64_t batch);

} // namespace nas

#endif // NAS_PASSES_LOWERTOCUDA_H
