//===- CudaLowering.h - What compileForCUDA and its emulator share -*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_CUDALOWERING_H
#define NAS_COMPILER_CUDALOWERING_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace nas {

/// Registers and loads what the CUDA path uses (nn, GPU, NVVM, SCF, math,
/// their conversions to LLVM and translations).
void setUpCUDAContext(mlir::MLIRContext &context);

/// The candidate `text` with its training functions lowered by
/// nn-lower-cuda; null and `error` on failure.
mlir::OwningOpRef<mlir::ModuleOp> lowerCandidateForCUDA(mlir::MLIRContext &context, const std::string &text,
                                                        int64_t batch, std::string &error);

/// plan.json for a module after nn-lower-cuda.
std::string cudaPlanJSON(mlir::ModuleOp module, const std::string &chip, const std::string &candidate);

} // namespace nas

#endif // NAS_COMPILER_CUDALOWERING_H
