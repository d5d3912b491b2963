//===- Fusion.cpp - Which activations run in a layer's epilogue -----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Fusion.h"

#include "nas/Dialect/NN/NNOps.h"
#include "nas/Runtime/Kernels.h"

#include "llvm/ADT/StringSwitch.h"

namespace nas {

using namespace mlir;

int64_t activationKind(StringRef kind) {
  return llvm::StringSwitch<int64_t>(kind)
      .Case("relu", NASC_ACT_RELU)
      .Case("gelu", NASC_ACT_GELU)
      .Case("tanh", NASC_ACT_TANH)
      .Case("sigmoid", NASC_ACT_SIGMOID)
      .Case("silu", NASC_ACT_SILU)
      .Default(NASC_ACT_NONE);
}

int64_t activationKind(Operation *op) { return activationKind(op->getName().stripDialect()); }

LayerOutput fuseActivation(Operation *layer, Value output, llvm::DenseSet<Operation *> &fused) {
  Operation *act = fusableActivation(layer);
  if (!act)
    return {nullptr, output};
  fused.insert(act);
  return {act, act->getResult(0)};
}

Operation *fusableActivation(Operation *layer) {
  Value out = layer->getResult(0);
  Operation *activation = nullptr;
  for (Operation *user : out.getUsers())
    if (isa<nn::ReluOp, nn::TanhOp, nn::SigmoidOp>(user)) {
      if (activation)
        return nullptr;
      activation = user;
    }
  if (!activation)
    return nullptr;
  for (Operation *user : out.getUsers()) {
    if (user == activation)
      continue;
    auto grad = dyn_cast<nn::ActivationGradOp>(user);
    if (!grad || grad.getInput() != out || grad.getOutput() != activation->getResult(0) || grad.getGrad() == out)
      return nullptr;
  }
  return activation;
}

Operation *epilogueActivation(Operation *op) {
  return isa<nn::LinearOp, nn::ConvOp>(op) ? fusableActivation(op) : nullptr;
}

} // namespace nas
