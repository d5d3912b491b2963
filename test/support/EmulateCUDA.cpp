//===- EmulateCUDA.cpp - A candidate's CUDA plan run on the CPU -----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "EmulateCUDA.h"

#include "CandidateIR.h"
#include "CudaLowering.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Pass/PassManager.h"
#include "nas/Runtime/Kernels.h"

#include "llvm/Support/TargetSelect.h"

#include <cblas.h>
#include <cstdlib>
#include <mutex>

namespace nas {

using namespace mlir;

namespace {
/// Each kernel of gpu.module @kernels as a func.func of the same name and
/// parameters that runs its body once per thread, in order.
void kernelsAsLoops(ModuleOp module) {
  OpBuilder b(module.getContext());
  for (auto kernels : llvm::make_early_inc_range(module.getOps<gpu::GPUModuleOp>())) {
    for (auto kernel : kernels.getOps<gpu::GPUFuncOp>()) {
      Location loc = kernel.getLoc();
      b.setInsertionPointToEnd(module.getBody());
      auto fn = func::FuncOp::create(b, loc, kernel.getName(), kernel.getFunctionType());
      Block *entry = fn.addEntryBlock();
      b.setInsertionPointToStart(entry);
      IRMapping map;
      for (auto [from, to] : llvm::zip(kernel.getArguments(), entry->getArguments()))
        map.map(from, to);
      Value zero = arith::ConstantIntOp::create(b, loc, 0, 64), one = arith::ConstantIntOp::create(b, loc, 1, 64);
      auto loop = scf::ForOp::create(b, loc, zero, entry->getArguments().back(), one);
      b.setInsertionPoint(loop.getBody()->getTerminator());
      Value thread = arith::IndexCastOp::create(b, loc, b.getIndexType(), loop.getInductionVar());
      for (Operation &op : kernel.getBody().front()) {
        if (isa<gpu::BlockIdOp>(op))
          map.map(op.getResult(0), arith::ConstantIndexOp::create(b, loc, 0));
        else if (isa<gpu::BlockDimOp>(op))
          map.map(op.getResult(0), arith::ConstantIndexOp::create(b, loc, 1));
        else if (isa<gpu::ThreadIdOp>(op))
          map.map(op.getResult(0), thread);
        else if (!isa<gpu::ReturnOp>(op))
          b.clone(op, map);
      }
      b.setInsertionPointToEnd(entry);
      func::ReturnOp::create(b, loc);
    }
    kernels.erase();
  }
  for (NamedAttribute attr : llvm::to_vector(module->getDiscardableAttrs()))
    module->removeDiscardableAttr(attr.getName());
}

/// Runs the host version of `kernel`; `args` point at its parameters.
bool callKernel(ExecutionEngine &engine, const std::string &kernel, llvm::SmallVectorImpl<void *> &args,
                std::string &error) {
  if (llvm::Error e = engine.invokePacked(kernel, args)) {
    error = "kernel " + kernel + ": " + llvm::toString(std::move(e));
    return false;
  }
  return true;
}

/// The plan's steps on this CPU.
class HostBackend : public PlanBackend {
public:
  HostBackend(ExecutionEngine &engine, char *arena) : engine_(engine), arena_(arena) {}

  bool launch(const std::string &kernel, int64_t threads, const std::vector<int64_t> &args,
              const std::vector<bool> &isOffset, std::string &error) override {
    std::vector<void *> pointers(args.size());
    std::vector<int64_t> integers(args.size());
    llvm::SmallVector<void *> packed;
    for (size_t i = 0; i < args.size(); ++i) {
      if (isOffset[i]) {
        pointers[i] = arena_ + args[i];
        packed.push_back(&pointers[i]);
      } else {
        integers[i] = args[i];
        packed.push_back(&integers[i]);
      }
    }
    packed.push_back(&threads);
    return callKernel(engine_, kernel, packed, error);
  }

  bool gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, int64_t a, int64_t lda, int64_t b, int64_t ldb,
            int64_t c, int64_t ldc, std::string &) override {
    cblas_sgemm(CblasColMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k, 1, f(a),
                lda, f(b), ldb, 0, f(c), ldc);
    return true;
  }

  bool conv(PlanStep::Kind kind, int64_t x, int64_t w, int64_t y, const std::array<int64_t, 12> &s, int64_t n,
            std::string &) override {
    nasc_conv_shape shape{s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11]};
    std::vector<float> scratch(nasc_conv_scratch_floats(&shape, n));
    if (kind == PlanStep::Kind::ConvForward)
      nasc_conv2d(f(x), f(w), nullptr, f(y), scratch.data(), &shape, n, NASC_ACT_NONE);
    else if (kind == PlanStep::Kind::ConvBackwardData)
      nasc_conv2d_grad_input(f(y), f(w), f(x), scratch.data(), &shape, n);
    else
      nasc_conv2d_grad_weight(f(y), f(x), f(w), scratch.data(), &shape, n);
    return true;
  }

private:
  float *f(int64_t offset) { return reinterpret_cast<float *>(arena_ + offset); }
  ExecutionEngine &engine_;
  char *arena_;
};
} // namespace

struct EmulatedCUDA::Impl {
  MLIRContext context{MLIRContext::Threading::DISABLED};
  std::unique_ptr<ExecutionEngine> engine;
  CudaPlan plan;
  std::vector<char> arena;
};

EmulatedCUDA::EmulatedCUDA(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EmulatedCUDA::~EmulatedCUDA() = default;
const CudaPlan &EmulatedCUDA::plan() const { return impl_->plan; }
char *EmulatedCUDA::arena() { return impl_->arena.data(); }

std::unique_ptr<EmulatedCUDA> EmulatedCUDA::create(const Candidate &candidate, int64_t batch, std::string &error) {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  auto impl = std::make_unique<Impl>();
  setUpCUDAContext(impl->context);
  FirstError handler(impl->context, error);
  OwningOpRef<ModuleOp> module = lowerCandidateForCUDA(impl->context, candidate.mlir(), batch, error);
  if (!module)
    return nullptr;
  std::optional<CudaPlan> plan = parseCudaPlan(cudaPlanJSON(*module, "host", candidate.hash()), error);
  if (!plan)
    return nullptr;
  impl->plan = std::move(*plan);
  kernelsAsLoops(*module);
  PassManager pm(&impl->context);
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  if (failed(pm.run(*module))) {
    if (error.empty())
      error = "the kernels could not be compiled for this CPU";
    return nullptr;
  }
  ExecutionEngineOptions options;
  auto engine = ExecutionEngine::create(*module, options);
  if (!engine) {
    error = "the JIT failed: " + llvm::toString(engine.takeError());
    return nullptr;
  }
  impl->engine = std::move(*engine);
  impl->arena.assign(impl->plan.arenaBytes, 0);
  return std::unique_ptr<EmulatedCUDA>(new EmulatedCUDA(std::move(impl)));
}

bool EmulatedCUDA::gather(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end,
                          std::string &error) {
  const CudaPlan &plan = impl_->plan;
  void *input = arena() + plan.find("input")->offset, *labels = arena() + plan.find("labels")->offset;
  const void *images = data.images.data(), *labelData = data.labels.data(), *indices = samples.data() + begin;
  int64_t n = static_cast<int64_t>(end - begin), rowFloats = data.sampleSize(), threads = n * rowFloats;
  llvm::SmallVector<void *> rows{&input, &images, &indices, &rowFloats, &threads};
  llvm::SmallVector<void *> labelArgs{&labels, &labelData, &indices, &n};
  return callKernel(*impl_->engine, plan.gatherRows, rows, error) &&
         callKernel(*impl_->engine, plan.gatherLabels, labelArgs, error);
}

bool EmulatedCUDA::trainStep(int64_t n, std::string &error) {
  HostBackend backend(*impl_->engine, arena());
  return runPlan(impl_->plan.trainStep, n, backend, error);
}

bool EmulatedCUDA::infer(int64_t n, std::string &error) {
  HostBackend backend(*impl_->engine, arena());
  return runPlan(impl_->plan.infer, n, backend, error);
}

} // namespace nas
