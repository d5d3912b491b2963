//===- Passes.h - The passes of nasc ----------------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_PASSES_H
#define NAS_PASSES_PASSES_H

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"
#include "nas/Dialect/NN/NNDialect.h"

namespace nas {
#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "nas/Passes/Passes.h.inc"

//===----------------------------------------------------------------------===//
// Pipelines: what the library runs to compile a candidate, registered under
// the same names so that `nas-opt --pass-pipeline=...` runs exactly that.
//===----------------------------------------------------------------------===//

struct TrainPipelineOptions : mlir::PassPipelineOptions<TrainPipelineOptions> {
  Option<int64_t> batch{*this, "batch", llvm::cl::desc("The most rows one call handles"), llvm::cl::init(256)};
};

/// nasc-train-cpu: a materialized candidate to the LLVM functions
/// `nasc_train_step` and `nasc_infer` that the JIT compiles (nn-autodiff,
/// nn-lower-cpu).
void buildTrainCPUPipeline(mlir::OpPassManager &pm, const TrainPipelineOptions &options);

/// nasc-train-cuda: a materialized candidate to a GPU launch plan and the
/// kernels it launches, in the GPU dialect (nn-autodiff, nn-lower-cuda).
void buildTrainCUDAPipeline(mlir::OpPassManager &pm, const TrainPipelineOptions &options);

struct KernelsToPTXPipelineOptions : mlir::PassPipelineOptions<KernelsToPTXPipelineOptions> {
  Option<std::string> chip{*this, "chip", llvm::cl::desc("The GPU architecture (sm_90: H100)"),
                           llvm::cl::init("sm_90")};
  Option<std::string> libdevice{*this, "libdevice",
                                llvm::cl::desc("libdevice.10.bc of the CUDA toolkit, for the math functions "
                                               "(none: kernels that call one do not link)"),
                                llvm::cl::init("")};
  Option<unsigned> optLevel{*this, "opt-level", llvm::cl::desc("LLVM's optimization level"), llvm::cl::init(3)};
};

/// nasc-kernels-to-ptx: the kernels after nasc-train-cuda to PTX, in process
/// (nvvm-attach-target, convert-scf-to-cf, convert-gpu-to-nvvm,
/// reconcile-unrealized-casts, gpu-module-to-binary{format=isa}); the PTX
/// ends up in `gpu.binary @kernels`. Needs the dialects and translations of
/// registerKernelsToPTXDialects in the context.
void buildKernelsToPTXPipeline(mlir::OpPassManager &pm, const KernelsToPTXPipelineOptions &options);

/// What nasc-kernels-to-ptx needs in a context: the GPU, NVVM, SCF, math and
/// control-flow dialects, their conversions to LLVM and NVVM, the NVVM
/// target and the translations to LLVM IR.
void registerKernelsToPTXDialects(mlir::DialectRegistry &registry);

/// Registers nasc-train-cpu, nasc-train-cuda and nasc-kernels-to-ptx.
void registerNascPipelines();

} // namespace nas

#endif // NAS_PASSES_PASSES_H
