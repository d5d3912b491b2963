//===- EmulateCUDA.h - A candidate's CUDA plan run on the CPU ---*- C++ -*-===//
//
// For checking the CUDA path where there is no GPU: the candidate is
// lowered by nn-lower-cuda exactly as for the GPU, then its kernels are
// compiled for this CPU (each gpu.func becomes a loop over its threads),
// the plan's products run on OpenBLAS (column-major, as cuBLAS) and its
// convolutions on the CPU kernels (NCHW, as cuDNN). A training step of the
// emulated plan must match the CPU path's (test/unit/CudaPlanTest.cpp).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_EMULATECUDA_H
#define NAS_COMPILER_EMULATECUDA_H

#include "nas/Compiler/Compiler.h"
#include "nas/Runtime/CudaPlan.h"
#include "nas/Runtime/Dataset.h"

#include <memory>
#include <string>

namespace nas {

class EmulatedCUDA {
public:
  /// Null and `error` when the candidate has no CUDA lowering.
  static std::unique_ptr<EmulatedCUDA> create(const Candidate &candidate, int64_t batch, std::string &error);
  ~EmulatedCUDA();

  const CudaPlan &plan() const;
  /// The emulated device arena, plan().arenaBytes long.
  char *arena();
  /// The device gather of a training batch (the plan's gather kernels,
  /// reading `data` where it is): samples[begin, end) into input and labels.
  bool gather(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end, std::string &error);
  bool trainStep(int64_t n, std::string &error);
  bool infer(int64_t n, std::string &error);

private:
  struct Impl;
  explicit EmulatedCUDA(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace nas

#endif // NAS_COMPILER_EMULATECUDA_H
