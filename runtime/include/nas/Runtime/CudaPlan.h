//===- CudaPlan.h - A candidate's GPU launch plan, as data ------*- C++ -*-===//
//
// What `nasc compile --device cuda` writes to plan.json (docs/cuda.md),
// read without MLIR: the arena, and the steps of a training step and of
// inference. nn-lower-cuda builds these structures, `printCudaPlan` writes
// them and `parseCudaPlan` reads them back: the format lives here and
// nowhere else. `runPlan` walks the steps for `n` rows and hands each to a
// backend: the CUDA one on a GPU (driver, cuBLAS, cuDNN), or one that
// emulates it on the CPU so that the plan and its kernels are checked
// against the CPU path on machines without a GPU.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_CUDAPLAN_H
#define NAS_RUNTIME_CUDAPLAN_H

#include "nas/Runtime/Program.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nas {

/// An integer a step reads, written as text: "@OFFSET" (bytes into the
/// arena), "#V" (an integer), "n" or "n*K" (the rows of the call times K).
struct PlanOperand {
  enum class Kind { Arena, Integer, Rows } kind = Kind::Integer;
  int64_t value = 0; // the offset, the integer, or K

  static PlanOperand arena(int64_t offset) { return {Kind::Arena, offset}; }
  static PlanOperand integer(int64_t v) { return {Kind::Integer, v}; }
  static PlanOperand rows(int64_t k = 1) { return {Kind::Rows, k}; }

  /// The integer for `n` rows (Arena: the offset).
  int64_t at(int64_t n) const { return kind == Kind::Rows ? value * n : value; }
  /// As plan.json writes it.
  std::string text() const;
  bool operator==(const PlanOperand &) const = default;
};

struct PlanStep {
  enum class Kind { Launch, Gemm, ConvForward, ConvBackwardData, ConvBackwardFilter } kind = Kind::Launch;
  // launch
  std::string kernel;
  PlanOperand threads;
  std::vector<PlanOperand> args;
  // gemm (column-major, alpha 1, beta 0)
  bool transA = false, transB = false;
  PlanOperand m, n, k, a, lda, b, ldb, c, ldc;
  // convolutions: x, w, y and C H W K OH OW R S stride padding dilation groups
  PlanOperand x, w, y;
  std::array<int64_t, 12> shape{};

  /// `kernel` with one thread per unit of `threads`, on `args` in the
  /// kernel's parameter order.
  static PlanStep launch(std::string kernel, PlanOperand threads, std::vector<PlanOperand> args);
  /// cublasSgemm: c = op(a) op(b), m x n, k deep.
  static PlanStep gemm(bool transA, bool transB, PlanOperand m, PlanOperand n, PlanOperand k, PlanOperand a,
                       PlanOperand lda, PlanOperand b, PlanOperand ldb, PlanOperand c, PlanOperand ldc);
  /// A cuDNN convolution (`kind` one of the Conv kinds) on NCHW x and y and
  /// KCRS w.
  static PlanStep conv(Kind kind, PlanOperand x, PlanOperand w, PlanOperand y, const std::array<int64_t, 12> &shape);

  bool operator==(const PlanStep &) const = default;
};

struct CudaPlan {
  std::string chip, candidate;
  int64_t batch = 0, arenaBytes = 0;
  std::vector<ProgramSlot> slots;
  std::vector<std::string> kernels;
  std::vector<PlanStep> trainStep, infer;
  /// Kernels that gather a batch from a data set resident on the device:
  /// (dst, images, indices, row floats), one thread per float; (dst, labels,
  /// indices), one per sample. Empty in plans that have none.
  std::string gatherRows, gatherLabels;

  const ProgramSlot *find(const std::string &name) const;
  bool operator==(const CudaPlan &) const = default;
};

/// plan.json's text for `plan` (format "nasc-cuda-plan", version 1).
std::string printCudaPlan(const CudaPlan &plan);

/// Reads plan.json's text; nullopt and `error` (naming the step and field)
/// when it is not a version-1 nasc plan or a step is malformed.
std::optional<CudaPlan> parseCudaPlan(const std::string &text, std::string &error);

/// One step as plan.json writes it, and back (`where` names the step in
/// `error`): for a compiler that carries the steps in its own form (an MLIR
/// attribute mirrors this JSON) without knowing their fields.
nlohmann::json printPlanStep(const PlanStep &step);
std::optional<PlanStep> parsePlanStep(const nlohmann::json &step, const std::string &where, std::string &error);

/// What executes the steps. Pointers are into the backend's arena.
class PlanBackend {
public:
  virtual ~PlanBackend() = default;
  /// `args` resolved: arena offsets as byte offsets, the rest as integers;
  /// `isOffset[i]` tells which.
  virtual bool launch(const std::string &kernel, int64_t threads, const std::vector<int64_t> &args,
                      const std::vector<bool> &isOffset, std::string &error) = 0;
  virtual bool gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, int64_t a, int64_t lda, int64_t b,
                    int64_t ldb, int64_t c, int64_t ldc, std::string &error) = 0;
  virtual bool conv(PlanStep::Kind kind, int64_t x, int64_t w, int64_t y, const std::array<int64_t, 12> &shape,
                    int64_t n, std::string &error) = 0;
};

/// Runs `steps` for `n` rows (1 to the plan's batch) on `backend`.
bool runPlan(const std::vector<PlanStep> &steps, int64_t n, PlanBackend &backend, std::string &error);

} // namespace nas

#endif // NAS_RUNTIME_CUDAPLAN_H
