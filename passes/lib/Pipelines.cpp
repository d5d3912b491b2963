//===- Pipelines.cpp - The pass pipelines that compile a candidate --------===//
//
// The library builds its pass managers from these functions, and nas-opt
// registers the same functions under the same names, so that a candidate's
// compilation can be rerun, timed and printed pass by pass with MLIR's own
// tools: `nas-opt candidate.mlir --pass-pipeline='builtin.module(nasc-train-cpu{batch=256})'`.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVMPass.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/NVVMToLLVM/NVVMToLLVM.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"

#include <mutex>

extern "C" {
void LLVMInitializeNVPTXTargetInfo();
void LLVMInitializeNVPTXTarget();
void LLVMInitializeNVPTXTargetMC();
void LLVMInitializeNVPTXAsmPrinter();
}

namespace nas {

void buildTrainCPUPipeline(mlir::OpPassManager &pm, const TrainPipelineOptions &options) {
  pm.addPass(createNNAutodiff());
  pm.addPass(createNNLowerCPU({options.batch}));
}

void buildTrainCUDAPipeline(mlir::OpPassManager &pm, const TrainPipelineOptions &options) {
  pm.addPass(createNNAutodiff());
  pm.addPass(createNNLowerCUDA({options.batch}));
}

void buildKernelsToPTXPipeline(mlir::OpPassManager &pm, const KernelsToPTXPipelineOptions &options) {
  // gpu-module-to-binary asks LLVM for the NVPTX target by name.
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
  });
  mlir::GpuNVVMAttachTargetOptions target;
  target.chip = options.chip;
  target.optLevel = options.optLevel;
  if (!options.libdevice.empty())
    target.linkLibs = {options.libdevice};
  pm.addPass(mlir::createGpuNVVMAttachTarget(target));
  pm.addPass(mlir::createSCFToControlFlowPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(mlir::createConvertGpuOpsToNVVMOps());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
  mlir::GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = "isa";
  pm.addPass(mlir::createGpuModuleToBinaryPass(binary));
}

void registerKernelsToPTXDialects(mlir::DialectRegistry &registry) {
  registry
      .insert<mlir::func::FuncDialect, mlir::arith::ArithDialect, mlir::LLVM::LLVMDialect, mlir::gpu::GPUDialect,
              mlir::NVVM::NVVMDialect, mlir::scf::SCFDialect, mlir::math::MathDialect, mlir::cf::ControlFlowDialect>();
  // How each dialect in the kernels converts to LLVM and NVVM.
  mlir::arith::registerConvertArithToLLVMInterface(registry);
  mlir::cf::registerConvertControlFlowToLLVMInterface(registry);
  mlir::registerConvertFuncToLLVMInterface(registry);
  mlir::index::registerConvertIndexToLLVMInterface(registry);
  mlir::registerConvertMathToLLVMInterface(registry);
  mlir::registerConvertNVVMToLLVMInterface(registry);
  mlir::ub::registerConvertUBToLLVMInterface(registry);
  mlir::NVVM::registerConvertGpuToNVVMInterface(registry);
  mlir::NVVM::registerNVVMTargetInterfaceExternalModels(registry);
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
  mlir::registerGPUDialectTranslation(registry);
  mlir::registerNVVMDialectTranslation(registry);
}

void registerNascPipelines() {
  mlir::PassPipelineRegistration<TrainPipelineOptions>(
      "nasc-train-cpu",
      "A materialized candidate to the training step and inference as kernel calls that the JIT compiles "
      "(nn-autodiff, nn-lower-cpu): what nasc train runs on the CPU",
      buildTrainCPUPipeline);
  mlir::PassPipelineRegistration<TrainPipelineOptions>(
      "nasc-train-cuda",
      "A materialized candidate to a GPU launch plan and its kernels (nn-autodiff, nn-lower-cuda): what nasc "
      "compile and nasc train --device cuda run before nasc-kernels-to-ptx",
      buildTrainCUDAPipeline);
  mlir::PassPipelineRegistration<KernelsToPTXPipelineOptions>(
      "nasc-kernels-to-ptx",
      "The kernels of nasc-train-cuda to PTX in gpu.binary @kernels (nvvm-attach-target, convert-scf-to-cf, "
      "convert-gpu-to-nvvm, reconcile-unrealized-casts, gpu-module-to-binary{format=isa})",
      buildKernelsToPTXPipeline);
}

} // namespace nas
