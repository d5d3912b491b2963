//===- CompileForDevice.cpp - A candidate compiled for cpu, cuda or auto --===//
//
// The device dispatch behind `--device`: the CPU's JIT (CompileCPU.cpp), or
// the GPU's plan and PTX (CompileCUDA.cpp) loaded on GPU 0; `auto` takes
// the GPU when one works and falls back to the CPU otherwise.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CompiledModelImpl.h"

#include "nas/Runtime/CudaExecutor.h"
#include "nas/Runtime/Device.h"

#include <chrono>

namespace nas {

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
