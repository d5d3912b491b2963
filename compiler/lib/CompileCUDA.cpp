//===- CompileCUDA.cpp - A candidate to a GPU launch plan and PTX ---------===//
//
// Build the candidate's training functions and lower them to a launch plan
// and kernels (the pipeline nasc-train-cuda), then compile the kernels to PTX
// in process (nasc-kernels-to-ptx, with libdevice for the math functions).
// The result is plain data (a JSON plan and the PTX text) that the runtime
// loads without MLIR or LLVM; no GPU or driver is needed here.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateIR.h"
#include "CandidateImpl.h"
#include "CudaLowering.h"
#include "RunPipeline.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/MLIRContext.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Passes/LowerToCUDA.h"
#include "nas/Passes/Passes.h"

#include <chrono>
#include <filesystem>

namespace nas {

namespace {
/// libdevice, for math functions (erf, exp, tanh) in kernels.
std::string libdevice() {
  for (const char *dir : {"/usr/local/cuda/nvvm/libdevice", "/usr/lib/nvidia-cuda-toolkit/libdevice"})
    if (std::filesystem::exists(std::string(dir) + "/libdevice.10.bc"))
      return std::string(dir) + "/libdevice.10.bc";
  return "";
}
} // namespace

void setUpCUDAContext(mlir::MLIRContext &context) {
  mlir::DialectRegistry registry;
  registry.insert<nn::NNDialect>();
  registerKernelsToPTXDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

mlir::OwningOpRef<mlir::ModuleOp> lowerCandidateForCUDA(mlir::MLIRContext &context, const std::string &text,
                                                        int64_t batch, std::string &error) {
  mlir::OwningOpRef<mlir::ModuleOp> module = parseCandidate(context, text);
  TrainPipelineOptions pipeline;
  pipeline.batch = batch;
  if (!module || failed(runPipeline(*module, [&](mlir::OpPassManager &pm) { buildTrainCUDAPipeline(pm, pipeline); }))) {
    if (error.empty())
      error = "the candidate could not be compiled for CUDA";
    return nullptr;
  }
  return module;
}

std::string cudaPlanJSON(mlir::ModuleOp module, const std::string &chip, const std::string &candidate) {
  std::string error;
  std::optional<CudaPlan> plan = readCudaPlan(module, error);
  if (!plan) // the lowering wrote a plan that its reader rejects
    llvm::report_fatal_error(llvm::Twine("nn-lower-cuda: ") + error);
  plan->chip = chip;
  plan->candidate = candidate;
  plan->slots = readLayout(module);
  return printCudaPlan(*plan);
}

std::optional<CudaProgram> Candidate::compileForCUDA(int64_t batch, std::string &error, const std::string &chip) const {
  auto start = std::chrono::steady_clock::now();
  if (batch <= 0)
    batch = impl_->train.batch;
  std::string device = libdevice();
  if (device.empty()) {
    error = "libdevice.10.bc was not found (it comes with the CUDA toolkit, in /usr/local/cuda/nvvm/libdevice)";
    return std::nullopt;
  }
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  setUpCUDAContext(context);
  FirstError handler(context, error);
  mlir::OwningOpRef<mlir::ModuleOp> module = lowerCandidateForCUDA(context, impl_->mlirWithLocations, batch, error);
  if (!module)
    return std::nullopt;
  CudaProgram result;
  result.plan = cudaPlanJSON(*module, chip, impl_->hash);

  KernelsToPTXPipelineOptions ptx;
  ptx.chip = chip;
  ptx.libdevice = device;
  if (failed(runPipeline(*module, [&](mlir::OpPassManager &pm) { buildKernelsToPTXPipeline(pm, ptx); }))) {
    if (error.empty())
      error = "the kernels could not be compiled to PTX";
    return std::nullopt;
  }
  for (auto binaryOp : module->getOps<mlir::gpu::BinaryOp>())
    for (mlir::Attribute object : binaryOp.getObjects())
      result.ptx += mlir::cast<mlir::gpu::ObjectAttr>(object).getObject().str();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

} // namespace nas
