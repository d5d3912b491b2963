//===- ShapeInference.cpp - The nn-shape-inference pass -------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Passes.h"

namespace nas {
#define GEN_PASS_DEF_NNSHAPEINFERENCE
#include "nas/Passes/Passes.h.inc"

namespace {
struct NNShapeInference : impl::NNShapeInferenceBase<NNShapeInference> {
  void runOnOperation() override {
    // A pre-order walk visits each op after the ops that define its operands
    // within a block, which is the order types flow in.
    mlir::WalkResult result = getOperation()->walk<mlir::WalkOrder::PreOrder>([](nn::ShapeInference op) {
      return failed(op.inferShapes()) ? mlir::WalkResult::interrupt() : mlir::WalkResult::advance();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
} // namespace nas
