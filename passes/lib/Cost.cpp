//===- Cost.cpp - Parameters, FLOPs and memory of a network (nn-cost) -----===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Cost.h"

#include "mlir/IR/BuiltinTypes.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Passes.h"

#include "llvm/ADT/TypeSwitch.h"

namespace nas {

using namespace mlir;

namespace {
/// Elements per sample: every dimension but the first.
std::optional<int64_t> perSample(Type type) {
  auto t = dyn_cast<RankedTensorType>(type);
  if (!t)
    return std::nullopt;
  int64_t n = 1;
  for (int64_t d = 1; d < t.getRank(); ++d) {
    if (t.isDynamicDim(d))
      return std::nullopt;
    n *= t.getDimSize(d);
  }
  return n;
}
} // namespace

std::optional<NetworkCost> analyzeCost(func::FuncOp function) {
  NetworkCost total;
  bool ok = true;
  function.walk([&](Operation *op) {
    if (!ok || !isa<nn::NNDialect>(op->getDialect()) || op->getNumResults() != 1)
      return;
    LayerCost cost;
    cost.op = op;
    std::optional<int64_t> out = perSample(op->getResult(0).getType());
    std::optional<int64_t> in = op->getNumOperands() ? perSample(op->getOperand(0).getType()) : std::nullopt;
    if (!out || (!in && !isa<nn::SoftmaxCrossEntropyOp>(op))) {
      op->emitError("needs static shapes (but the batch) for its cost; materialize the candidate first");
      ok = false;
      return;
    }
    auto inType = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    auto outType = cast<RankedTensorType>(op->getResult(0).getType());
    auto flag = [&](const char *name) {
      auto b = op->getAttrOfType<BoolAttr>(name);
      return !b || b.getValue();
    };
    llvm::TypeSwitch<Operation *>(op)
        .Case<nn::DenseOp>([&](nn::DenseOp) {
          int64_t k = inType.getDimSize(1), units = outType.getDimSize(1);
          cost.params = k * units + (flag("bias") ? units : 0);
          cost.flops = 2 * k * units;
        })
        .Case<nn::Conv2dOp>([&](nn::Conv2dOp) {
          int64_t cin = inType.getDimSize(1), cout = outType.getDimSize(1);
          int64_t k = *nn::intSetting(op, "kernel"), groups = *nn::intSetting(op, "groups");
          int64_t weights = (cin / groups) * k * k * cout;
          cost.params = weights + (flag("bias") ? cout : 0);
          cost.flops = 2 * (cin / groups) * k * k * *out;
        })
        .Case<nn::MaxPoolOp, nn::AvgPoolOp>([&](auto) {
          int64_t k = *nn::intSetting(op, "kernel");
          cost.flops = k * k * *out;
        })
        .Case<nn::GlobalAvgPoolOp>([&](auto) { cost.flops = *in; })
        .Case<nn::BatchNormOp>([&](auto) {
          cost.params = 2 * inType.getDimSize(1);
          cost.flops = 2 * *out;
        })
        .Case<nn::LayerNormOp>([&](auto) {
          cost.params = 2 * *in;
          cost.flops = 2 * *out;
        })
        .Case<nn::AddOp>([&](nn::AddOp add) { cost.flops = (add.getInputs().size() - 1) * *out; })
        .Case<nn::ReluOp, nn::GeluOp, nn::TanhOp, nn::SigmoidOp, nn::SiluOp, nn::DropoutOp>(
            [&](auto) { cost.flops = *out; })
        .Default([&](auto) {}); // identity, zero, flatten, concat: data movement only
    cost.activationBytes = 4 * *out;
    total.params += cost.params;
    total.flops += cost.flops;
    total.activationBytes += cost.activationBytes;
    total.layers.push_back(cost);
  });
  if (!ok)
    return std::nullopt;
  return total;
}

#define GEN_PASS_DEF_NNCOST
#include "nas/Passes/Passes.h.inc"

namespace {
struct NNCost : impl::NNCostBase<NNCost> {
  void runOnOperation() override {
    std::optional<NetworkCost> cost = analyzeCost(getOperation());
    if (!cost)
      return signalPassFailure();
    getOperation().emitRemark() << "params " << cost->params << ", flops " << cost->flops << ", activations "
                                << cost->activationBytes << " bytes per sample";
  }
};
} // namespace

} // namespace nas
