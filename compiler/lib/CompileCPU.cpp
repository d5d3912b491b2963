//===- CompileCPU.cpp - A candidate to native code, in process ------------===//
//
// Parse the candidate's IR in a context of its own (so that candidates
// compile on several threads at once), build its training functions and lower
// them to kernel calls (the pipeline nasc-train-cpu), and JIT them with MLIR's
// ExecutionEngine (LLVM ORC).
// The kernels are linked into this process; the JIT finds them by name.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateIR.h"
#include "CandidateImpl.h"
#include "CompiledModelImpl.h"
#include "RunPipeline.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Passes/Passes.h"

#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/TargetSelect.h"

#include <chrono>
#include <mutex>

namespace nas {

CompiledModel::CompiledModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledModel::~CompiledModel() = default;
const Program &CompiledModel::program() const { return impl_->program; }
double CompiledModel::compileSeconds() const { return impl_->seconds; }
const std::string &CompiledModel::device() const { return impl_->device; }

namespace {
void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

} // namespace

std::unique_ptr<CompiledModel> Candidate::compileForCPU(int64_t batch, std::string &error) const {
  auto start = std::chrono::steady_clock::now();
  if (batch <= 0)
    batch = impl_->train.batch;
  initializeNativeTarget();
  auto impl = std::make_unique<CompiledModel::Impl>();
  mlir::MLIRContext &context = impl->context;
  mlir::DialectRegistry registry;
  registry.insert<nn::NNDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect, mlir::LLVM::LLVMDialect>();
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
  FirstError handler(context, error);
  mlir::OwningOpRef<mlir::ModuleOp> module = parseCandidate(context, impl_->mlirWithLocations);
  TrainPipelineOptions pipeline;
  pipeline.batch = batch;
  if (!module || failed(runPipeline(*module, [&](mlir::OpPassManager &pm) { buildTrainCPUPipeline(pm, pipeline); }))) {
    if (error.empty())
      error = "the candidate could not be compiled for the CPU";
    return nullptr;
  }
  impl->program.slots = readLayout(*module);
  impl->program.arenaBytes = (*module)->getAttrOfType<mlir::IntegerAttr>("nn.arena_bytes").getInt();
  impl->program.batch = batch;
  // Only LLVM IR is left; the nas/nn attributes have no translation.
  for (mlir::NamedAttribute attr : llvm::to_vector((*module)->getDiscardableAttrs()))
    (*module)->removeDiscardableAttr(attr.getName());

  mlir::ExecutionEngineOptions options;
  options.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Less;
  auto engine = mlir::ExecutionEngine::create(*module, options);
  if (!engine) {
    error = "the JIT failed: " + llvm::toString(engine.takeError());
    return nullptr;
  }
  impl->engine = std::move(*engine);
  impl->engine->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    for (const KernelSymbol &k : kernelSymbols())
      map[interner(k.name)] = {llvm::orc::ExecutorAddr::fromPtr(k.address), llvm::JITSymbolFlags::Exported};
    return map;
  });
  for (auto [name, fn] :
       {std::pair{"nasc_train_step", &impl->program.trainStep}, std::pair{"nasc_infer", &impl->program.infer}}) {
    auto address = impl->engine->lookup(name);
    if (!address) {
      error = "the JIT has no " + std::string(name) + ": " + llvm::toString(address.takeError());
      return nullptr;
    }
    *fn = reinterpret_cast<void (*)(char *, int64_t)>(*address);
  }
  impl->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::unique_ptr<CompiledModel>(new CompiledModel(std::move(impl)));
}

} // namespace nas
