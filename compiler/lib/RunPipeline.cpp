//===- RunPipeline.cpp - A pipeline of passes/ on a candidate's IR --------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "RunPipeline.h"

#include "nas/Compiler/Compiler.h"

#include <atomic>

namespace nas {

namespace {
std::atomic<bool> timing{false}, printIRAfterAll{false};
} // namespace

void setPipelineDebugging(const PipelineDebugging &debugging) {
  timing = debugging.timing;
  printIRAfterAll = debugging.printIRAfterAll;
}

mlir::LogicalResult runPipeline(mlir::ModuleOp module, llvm::function_ref<void(mlir::OpPassManager &)> build) {
  mlir::PassManager pm(module->getContext());
  build(pm);
  // As mlir-opt's --mlir-print-ir-after-all: after every pass, changed or
  // not, the operation the pass ran on.
  if (printIRAfterAll)
    pm.enableIRPrinting([](mlir::Pass *, mlir::Operation *) { return false; },
                        [](mlir::Pass *, mlir::Operation *) { return true; },
                        /*printModuleScope=*/false, /*printAfterOnlyOnChange=*/false);
  // Last, so that the printing is not timed (PassManager::enableTiming).
  if (timing)
    pm.enableTiming();
  return pm.run(module);
}

} // namespace nas
