//===- Program.h - A compiled candidate, as the runtime sees it -*- C++ -*-===//
//
// Plain data and two entry points: the arena's layout (where each
// parameter, optimizer moment, input batch and output lives) and the
// compiled `trainStep(arena, n)` and `infer(arena, n)`. The compiler makes
// it (nas::CompiledModel); the runtime only reads it, so it needs no MLIR.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_PROGRAM_H
#define NAS_RUNTIME_PROGRAM_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nas {

/// A persistent part of the arena.
struct ProgramSlot {
  std::string name;
  /// param, state (running statistics), moment (optimizer), input, labels,
  /// lr, step, loss, logits.
  std::string role;
  int64_t offset = 0, bytes = 0;
  std::vector<int64_t> shape; // -1 for the batch dimension
  std::string init;           // kaiming_uniform, fan_in_uniform, ones, zeros
  int64_t fanIn = 0;
  int64_t elements(int64_t batch) const;
  bool operator==(const ProgramSlot &) const = default;
};

struct Program {
  int64_t arenaBytes = 0;
  int64_t batch = 0; // the most rows one call handles
  std::vector<ProgramSlot> slots;
  /// One optimizer step on the `n` samples in the input and labels slots;
  /// reads lr and step, writes loss.
  std::function<void(char *arena, int64_t n)> trainStep;
  /// Logits of the `n` samples in the input slot.
  std::function<void(char *arena, int64_t n)> infer;
  /// Where the program runs on another device (CUDA): brings the
  /// parameters, moments and running statistics back into `arena`. Empty
  /// for the CPU, whose program works in the arena itself.
  std::function<void(char *arena)> fetch;
  /// Where the program's device can gather a training batch itself from
  /// samples[begin, end) of `data` (CUDA): Model::step calls this instead
  /// of gathering into the arena. Empty for the CPU.
  std::function<void(char *arena, const struct Dataset &data, const std::vector<int64_t> &samples, size_t begin,
                     size_t end)>
      gather;

  const ProgramSlot *find(std::string_view name) const;
  /// Parameters a model has (the trainable ones).
  int64_t parameterCount() const;
};

/// A kernel of nas/Runtime/Kernels.h by name, for the JIT's symbol table.
struct KernelSymbol {
  const char *name;
  void *address;
};
const std::vector<KernelSymbol> &kernelSymbols();

} // namespace nas

#endif // NAS_RUNTIME_PROGRAM_H
