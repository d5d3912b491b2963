//===- PlanFuzzer.cpp - libFuzzer target over plan.json (CUDA plans) ------===//
//
// A malformed plan must give an error, never a crash, a hang or a huge
// allocation; a plan that parses is walked for a few row counts against a
// backend that checks every offset stays inside the arena... or reports it.
// A plan that parses also prints as text that parses back to the same plan,
// and prints again as the same text.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/CudaPlan.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {
struct Checker : nas::PlanBackend {
  int64_t arena = 0;
  bool launch(const std::string &, int64_t, const std::vector<int64_t> &args, const std::vector<bool> &isOffset,
              std::string &) override {
    for (size_t i = 0; i < args.size(); ++i)
      if (isOffset[i] && (args[i] < 0 || args[i] > arena))
        return false;
    return true;
  }
  bool gemm(bool, bool, int64_t, int64_t, int64_t, int64_t a, int64_t, int64_t b, int64_t, int64_t c, int64_t,
            std::string &) override {
    return a <= arena && b <= arena && c <= arena;
  }
  bool conv(nas::PlanStep::Kind, int64_t x, int64_t w, int64_t y, const std::array<int64_t, 12> &, int64_t,
            std::string &) override {
    return x <= arena && w <= arena && y <= arena;
  }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string error;
  std::optional<nas::CudaPlan> plan =
      nas::parseCudaPlan(std::string(reinterpret_cast<const char *>(data), size), error);
  if (!plan)
    return 0;
  Checker checker;
  checker.arena = plan->arenaBytes;
  for (int64_t n : {int64_t(1), plan->batch})
    for (const auto *steps : {&plan->trainStep, &plan->infer})
      (void)nas::runPlan(*steps, n, checker, error);
  std::string text = nas::printCudaPlan(*plan);
  std::optional<nas::CudaPlan> again = nas::parseCudaPlan(text, error);
  if (!again || !(*again == *plan) || nas::printCudaPlan(*again) != text)
    std::abort(); // the printer and the parser disagree
  return 0;
}
