//===- RunPipeline.h - A pipeline of passes/ on a candidate's IR -*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_RUNPIPELINE_H
#define NAS_COMPILER_RUNPIPELINE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/STLFunctionalExtras.h"

namespace nas {

/// Runs the passes `build` adds (one of the registered pipelines of
/// nas/Passes/Passes.h) on `module` in a PassManager, with the debugging aids
/// that setPipelineDebugging asked for: the IR after each pass and a timing
/// report when the pipeline ends, both on stderr. Errors are emitted at the
/// op they concern.
mlir::LogicalResult runPipeline(mlir::ModuleOp module, llvm::function_ref<void(mlir::OpPassManager &)> build);

} // namespace nas

#endif // NAS_COMPILER_RUNPIPELINE_H
