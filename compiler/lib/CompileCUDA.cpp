//===- CompileCUDA.cpp - A candidate to a GPU launch plan and PTX ---------===//
//
// Build the candidate's training functions, lower them to a launch plan and
// kernels (nn-lower-cuda), and compile the kernels to PTX in process:
// NVVM target (with libdevice for the math functions), SCF to CF, GPU to
// NVVM, gpu-module-to-binary with format=isa. The result is plain data (a
// JSON plan and the PTX text) that the runtime loads without MLIR or LLVM;
// no GPU or driver is needed here.
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateIR.h"
#include "CudaLowering.h"
#include "CandidateImpl.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVM.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/NVVMToLLVM/NVVMToLLVM.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVMPass.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Passes/Autodiff.h"
#include "nas/Passes/LowerToCUDA.h"

#include <chrono>
#include <filesystem>
#include <mutex>

extern "C" {
void LLVMInitializeNVPTXTargetInfo();
void LLVMInitializeNVPTXTarget();
void LLVMInitializeNVPTXTargetMC();
void LLVMInitializeNVPTXAsmPrinter();
}

namespace nas {

namespace {
void initializeNVPTX() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
  });
}

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
  registry.insert<nn::NNDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect, mlir::LLVM::LLVMDialect,
                  mlir::gpu::GPUDialect, mlir::NVVM::NVVMDialect, mlir::scf::SCFDialect, mlir::math::MathDialect,
                  mlir::cf::ControlFlowDialect>();
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
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

mlir::OwningOpRef<mlir::ModuleOp> lowerCandidateForCUDA(mlir::MLIRContext &context, const std::string &text,
                                                        int64_t batch, std::string &error) {
  mlir::OwningOpRef<mlir::ModuleOp> module = parseCandidate(context, text);
  if (!module || failed(buildTrainingFunctions(*module)) || failed(lowerToCUDA(*module, batch)) ||
      failed(mlir::verify(*module))) {
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
  initializeNVPTX();
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  setUpCUDAContext(context);
  FirstError handler(context, error);
  mlir::OwningOpRef<mlir::ModuleOp> module = lowerCandidateForCUDA(context, impl_->mlirWithLocations, batch, error);
  if (!module)
    return std::nullopt;
  CudaProgram result;
  result.plan = cudaPlanJSON(*module, chip, impl_->hash);

  mlir::PassManager pm(&context);
  mlir::GpuNVVMAttachTargetOptions target;
  target.chip = chip;
  target.optLevel = 3;
  target.linkLibs = {device};
  pm.addPass(mlir::createGpuNVVMAttachTarget(target));
  pm.addPass(mlir::createSCFToControlFlowPass());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(mlir::createConvertGpuOpsToNVVMOps());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
  mlir::GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = "isa";
  pm.addPass(mlir::createGpuModuleToBinaryPass(binary));
  if (failed(pm.run(*module))) {
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
