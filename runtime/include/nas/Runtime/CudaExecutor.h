//===- CudaExecutor.h - A candidate's CUDA plan on the GPU ------*- C++ -*-===//
//
// Loads what `nasc compile --device cuda` writes (the plan and its PTX) on
// GPU 0 through the driver API, cuBLAS and cuDNN, all opened with dlopen:
// one device allocation holds the arena; the steps run on one stream; each
// function is run eagerly the first time for a row count and captured as a
// CUDA graph after, then replayed. No MLIR or LLVM: this runs on GPU
// machines that have neither.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_CUDAEXECUTOR_H
#define NAS_RUNTIME_CUDAEXECUTOR_H

#include "nas/Runtime/CudaPlan.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Program.h"

#include <memory>
#include <string>

namespace nas {

class CudaExecutor {
public:
  /// Null and `error` (no driver, no cuBLAS or cuDNN, no GPU, PTX that does
  /// not load, out of memory) when the plan cannot run here.
  static std::unique_ptr<CudaExecutor> load(CudaPlan plan, const std::string &ptx, std::string &error);
  ~CudaExecutor();

  const CudaPlan &plan() const;
  /// Host bytes into the arena at `offset`, and back; ordered with the steps.
  bool upload(int64_t offset, const void *host, int64_t bytes, std::string &error);
  bool download(int64_t offset, void *host, int64_t bytes, std::string &error);
  /// Puts `data` on the device once (kept while the executor lives, keyed
  /// by its address), then gathers samples[begin, end) into the input and
  /// labels slots there: a step sends its indices, not its images.
  bool gather(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end, std::string &error);
  /// The training step (or inference) for `n` rows, enqueued.
  bool run(bool train, int64_t n, std::string &error);
  /// Waits for everything enqueued.
  bool synchronize(std::string &error);

private:
  struct Impl;
  explicit CudaExecutor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A Program (for Model and train) whose entry points run `executor`: a
/// training batch is gathered on the device (the data set goes up once),
/// the learning rate and step go up before each call and the loss (or the
/// logits) come back; the parameters, moments and running statistics
/// go up at the first call, from the host arena the Model initialized, and
/// come back with `fetch`. A CUDA failure throws std::runtime_error, which
/// `train` reports as the trial's failure.
Program cudaProgram(std::shared_ptr<CudaExecutor> executor);

} // namespace nas

#endif // NAS_RUNTIME_CUDAEXECUTOR_H
