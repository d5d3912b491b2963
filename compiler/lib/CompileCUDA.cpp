//===- CompileCUDA.cpp - A candidate to a GPU launch plan and PTX ---------===//
//
// Build the candidate's training functions and lower them to a launch plan
// and kernels (the pipeline nasc-train-cuda), then compile the kernels to PTX
// in process (nasc-kernels-to-ptx, with libdevice for the math functions).
// The result is plain data (a JSON plan and the PTX text) that the runtime
// loads without MLIR or LLVM; no GPU or driver is needed here.
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateIR.h"
#include "CudaLowering.h"
#include "CandidateImpl.h"
#include "CompiledModelImpl.h"
#include "RunPipeline.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/MLIRContext.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Passes/Passes.h"
#include "nas/Runtime/CudaExecutor.h"
#include "nas/Runtime/Device.h"

#include <nlohmann/json.hpp>

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

nlohmann::json slotJSON(const ProgramSlot &s) {
  nlohmann::json j = {{"name", s.name}, {"role", s.role}, {"offset", s.offset}, {"bytes", s.bytes}, {"shape", s.shape}};
  if (!s.init.empty())
    j["init"] = s.init, j["fan_in"] = s.fanIn;
  return j;
}

nlohmann::json stepsJSON(mlir::ArrayAttr steps) {
  nlohmann::json list = nlohmann::json::array();
  for (mlir::Attribute a : steps) {
    nlohmann::json step;
    for (mlir::NamedAttribute field : mlir::cast<mlir::DictionaryAttr>(a)) {
      std::string name = field.getName().str();
      if (auto text = mlir::dyn_cast<mlir::StringAttr>(field.getValue())) {
        step[name] = text.str();
      } else {
        nlohmann::json args = nlohmann::json::array();
        for (mlir::Attribute arg : mlir::cast<mlir::ArrayAttr>(field.getValue()))
          args.push_back(mlir::cast<mlir::StringAttr>(arg).str());
        step[name] = args;
      }
    }
    list.push_back(step);
  }
  return list;
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
  nlohmann::json plan = {{"format", "nasc-cuda-plan"},
                         {"version", 1},
                         {"chip", chip},
                         {"batch", module->getAttrOfType<mlir::IntegerAttr>("nn.batch").getInt()},
                         {"arena_bytes", module->getAttrOfType<mlir::IntegerAttr>("nn.arena_bytes").getInt()},
                         {"candidate", candidate}};
  plan["slots"] = nlohmann::json::array();
  for (const ProgramSlot &s : readLayout(module))
    plan["slots"].push_back(slotJSON(s));
  auto steps = module->getAttrOfType<mlir::DictionaryAttr>("nn.cuda_plan");
  plan["train_step"] = stepsJSON(steps.getAs<mlir::ArrayAttr>("train_step"));
  plan["infer"] = stepsJSON(steps.getAs<mlir::ArrayAttr>("infer"));
  plan["gather_rows"] = steps.getAs<mlir::StringAttr>("gather_rows").str();
  plan["gather_labels"] = steps.getAs<mlir::StringAttr>("gather_labels").str();
  plan["kernels"] = nlohmann::json::array();
  for (auto kernels : module.getOps<mlir::gpu::GPUModuleOp>())
    for (auto fn : kernels.getOps<mlir::gpu::GPUFuncOp>())
      plan["kernels"].push_back(fn.getName().str());
  return plan.dump(1);
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

std::unique_ptr<CompiledModel> Candidate::compileFor(const std::string &device, int64_t batch,
                                                    std::string &error) const {
  if (device == "cpu")
    return compileForCPU(batch, error);
  if (device != "cuda" && device != "auto") {
    error = "unknown device '" + device + "'; the devices: cpu, cuda, auto";
    return nullptr;
  }
  // Asked once per process: auto on a machine without a GPU should not
  // compile PTX for every candidate of a search.
  static const bool gpu = !probeCuda().devices.empty();
  if (device == "auto" && !gpu)
    return compileForCPU(batch, error);
  auto start = std::chrono::steady_clock::now();
  std::optional<CudaProgram> program = compileForCUDA(batch, error);
  std::optional<CudaPlan> plan = program ? parseCudaPlan(program->plan, error) : std::nullopt;
  std::unique_ptr<CudaExecutor> executor = plan ? CudaExecutor::load(std::move(*plan), program->ptx, error) : nullptr;
  if (!executor) {
    if (device == "auto") { // no GPU (or none that works): the CPU
      error.clear();
      return compileForCPU(batch, error);
    }
    error = "--device cuda: no GPU can be used here: " + error;
    return nullptr;
  }
  auto impl = std::make_unique<CompiledModel::Impl>();
  impl->device = "cuda";
  impl->executor = std::move(executor);
  impl->program = cudaProgram(impl->executor);
  impl->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::unique_ptr<CompiledModel>(new CompiledModel(std::move(impl)));
}

} // namespace nas
