//===- CompiledModelImpl.h - What a compiled candidate keeps ----*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_COMPILEDMODELIMPL_H
#define NAS_COMPILER_COMPILEDMODELIMPL_H

#include "nas/Compiler/Compiler.h"
#include "nas/Runtime/CudaExecutor.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/MLIRContext.h"

namespace nas {

struct CompiledModel::Impl {
  std::string device = "cpu";
  // CPU: the JIT's code lives in the engine, its types in the context.
  mlir::MLIRContext context;
  std::unique_ptr<mlir::ExecutionEngine> engine;
  // CUDA: the plan loaded on the GPU.
  std::shared_ptr<CudaExecutor> executor;
  Program program;
  double seconds = 0;
};

} // namespace nas

#endif // NAS_COMPILER_COMPILEDMODELIMPL_H
