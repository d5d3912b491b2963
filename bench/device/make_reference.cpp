//===- make_reference.cpp - The CPU path's first step, for the GPU check --===//
//
// nasc-cuda-reference WORKLOAD.nas OUT.safetensors: compiles the workload
// for this CPU, initializes it from seed 0, takes one SGD step on the first
// batch of Fashion-MNIST's training set (in file order) with lr 0.05, and
// writes every parameter and the loss. `nasc-cuda-run DIR --step-check OUT`
// does the same on the GPU and compares (bench/device/run.sh).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/SafeTensors.h"
#include "nas/Runtime/Trainer.h"

#include <cstdio>
#include <numeric>

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: nasc-cuda-reference WORKLOAD.nas OUT.safetensors\n");
    return 2;
  }
  std::vector<nas::Diagnostic> diagnostics;
  std::unique_ptr<nas::Space> space = nas::Space::fromFile(argv[1], diagnostics, {stderr});
  std::string error;
  std::unique_ptr<nas::Candidate> candidate = space ? space->materialize(*space->first(), error) : nullptr;
  std::unique_ptr<nas::CompiledModel> compiled = candidate ? candidate->compileForCPU(0, error) : nullptr;
  std::optional<nas::Dataset> train =
      compiled ? nas::loadIDXDirectory(nas::datasetDirectory("fashion_mnist"), true, error) : std::nullopt;
  if (!train) {
    std::fprintf(stderr, "nasc-cuda-reference: %s\n", error.c_str());
    return 1;
  }
  nas::Model model(compiled->program(), 0);
  std::vector<int64_t> samples(train->count);
  std::iota(samples.begin(), samples.end(), 0);
  float loss = model.step(*train, samples, 0, compiled->program().batch, 0.05f);
  nas::TensorFile file;
  file.tensors.push_back(nas::makeF32Tensor("loss", {1}, {loss}));
  for (const nas::ProgramSlot &s : compiled->program().slots)
    if (s.role == "param") {
      const float *p = model.slot(s.name);
      file.tensors.push_back(nas::makeF32Tensor(s.name, s.shape, std::vector<float>(p, p + s.elements(1))));
    }
  if (!nas::writeSafeTensors(argv[2], file, error)) {
    std::fprintf(stderr, "nasc-cuda-reference: %s\n", error.c_str());
    return 1;
  }
  std::printf("%s: loss after one step %.7g, %zu parameters written to %s\n", argv[1], loss, file.tensors.size() - 1,
              argv[2]);
  return 0;
}
