//===- Cost.h - Parameters, FLOPs and memory of a network -------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_COST_H
#define NAS_PASSES_COST_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace nas {

/// The cost of one op, per sample (the batch dimension excluded).
struct LayerCost {
  mlir::Operation *op = nullptr;
  int64_t params = 0;
  int64_t flops = 0;
  int64_t activationBytes = 0;
};

struct NetworkCost {
  std::vector<LayerCost> layers; // the nn ops, in program order
  int64_t params = 0, flops = 0, activationBytes = 0;
};

/// nullopt, with an error emitted at the op, when a non-batch dimension is
/// not static.
std::optional<NetworkCost> analyzeCost(mlir::func::FuncOp function);

} // namespace nas

#endif // NAS_PASSES_COST_H
