//===- Gradients.cpp - The gradient rule of each differentiable nn op ------===//
//
// Reverse mode: given the gradients of an op's results, each rule builds
// the gradients of its operands from the op's own operands and results.
// The loss (softmax cross-entropy) is the root: its rule assumes a result
// gradient of one.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/NN/NNOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace nas::nn;

#include "nas/Dialect/NN/GradientInterface.cpp.inc"

namespace {
SmallVector<Value> activationGrad(OpBuilder &b, Operation *op, ValueRange grads, StringRef kind) {
  if (!grads[0])
    return {Value()};
  Value x = op->getOperand(0), y = op->getResult(0);
  return {ActivationGradOp::create(b, op->getLoc(), x.getType(), grads[0], x, y, kind).getResult()};
}

/// Gradients of a layer's input, weight and (optional) bias.
template <typename InputGrad, typename WeightGrad, typename Layer, typename... Attrs>
SmallVector<Value> layerGrads(OpBuilder &b, Layer op, ValueRange grads, Attrs... attrs) {
  SmallVector<Value> result(op->getNumOperands());
  Value dy = grads[0];
  if (!dy)
    return result;
  Location loc = op.getLoc();
  result[0] = InputGrad::create(b, loc, op.getInput().getType(), dy, op.getWeight(), attrs...);
  result[1] = WeightGrad::create(b, loc, op.getWeight().getType(), dy, op.getInput(), attrs...);
  if (op.getBias())
    result[2] = BiasGradOp::create(b, loc, op.getBias().getType(), dy);
  return result;
}

/// Gradients of a norm's input, scale and shift (and none for the rest).
template <typename Grad, typename Norm> SmallVector<Value> normGrads(OpBuilder &b, Norm op, ValueRange grads) {
  SmallVector<Value> result(op->getNumOperands());
  if (!grads[0])
    return result;
  auto grad = Grad::create(b, op.getLoc(), op.getInput().getType(), op.getScale().getType(), op.getShift().getType(),
                           grads[0], op.getInput(), op.getScale(), op.getMean(), op.getInvstd());
  result[0] = grad.getInputGrad();
  result[1] = grad.getScaleGrad();
  result[2] = grad.getShiftGrad();
  return result;
}

SmallVector<Value> poolGrad(OpBuilder &b, Operation *op, ValueRange grads, StringRef kind) {
  if (!grads[0])
    return SmallVector<Value>(op->getNumOperands());
  SmallVector<Value> result(op->getNumOperands());
  Value x = op->getOperand(0);
  result[0] = PoolGradOp::create(b, op->getLoc(), x.getType(), grads[0], x, kind, *intSetting(op, "kernel"),
                                 *intSetting(op, "stride"), windowPaddingOf(op));
  return result;
}
} // namespace

SmallVector<Value> ReluOp::buildGradients(OpBuilder &b, ValueRange g) { return activationGrad(b, *this, g, "relu"); }
SmallVector<Value> GeluOp::buildGradients(OpBuilder &b, ValueRange g) { return activationGrad(b, *this, g, "gelu"); }
SmallVector<Value> TanhOp::buildGradients(OpBuilder &b, ValueRange g) { return activationGrad(b, *this, g, "tanh"); }
SmallVector<Value> SigmoidOp::buildGradients(OpBuilder &b, ValueRange g) {
  return activationGrad(b, *this, g, "sigmoid");
}
SmallVector<Value> SiluOp::buildGradients(OpBuilder &b, ValueRange g) { return activationGrad(b, *this, g, "silu"); }
SmallVector<Value> IdentityOp::buildGradients(OpBuilder &, ValueRange g) { return {g[0]}; }
SmallVector<Value> ZeroOp::buildGradients(OpBuilder &, ValueRange) { return {Value()}; }

SmallVector<Value> MaxPoolOp::buildGradients(OpBuilder &b, ValueRange g) { return poolGrad(b, *this, g, "max"); }
SmallVector<Value> AvgPoolOp::buildGradients(OpBuilder &b, ValueRange g) { return poolGrad(b, *this, g, "avg"); }

SmallVector<Value> GlobalAvgPoolOp::buildGradients(OpBuilder &b, ValueRange g) {
  if (!g[0])
    return {Value()};
  return {GlobalAvgPoolGradOp::create(b, getLoc(), getInput().getType(), g[0]).getResult()};
}

SmallVector<Value> FlattenOp::buildGradients(OpBuilder &b, ValueRange g) {
  if (!g[0])
    return {Value()};
  return {ReshapeOp::create(b, getLoc(), getInput().getType(), g[0]).getResult()};
}

SmallVector<Value> ReshapeOp::buildGradients(OpBuilder &b, ValueRange g) {
  if (!g[0])
    return {Value()};
  return {ReshapeOp::create(b, getLoc(), getInput().getType(), g[0]).getResult()};
}

SmallVector<Value> AddOp::buildGradients(OpBuilder &, ValueRange g) {
  return SmallVector<Value>(getInputs().size(), g[0]);
}

SmallVector<Value> ConcatOp::buildGradients(OpBuilder &b, ValueRange g) {
  SmallVector<Value> result;
  int64_t offset = 0;
  for (Value input : getInputs()) {
    auto type = cast<RankedTensorType>(input.getType());
    result.push_back(g[0] ? SliceOp::create(b, getLoc(), type, g[0], getAxis(), offset).getResult() : Value());
    offset += type.getDimSize(getAxis());
  }
  return result;
}

SmallVector<Value> SoftmaxCrossEntropyOp::buildGradients(OpBuilder &b, ValueRange) {
  return {SoftmaxCrossEntropyGradOp::create(b, getLoc(), getLogits().getType(), getLogits(), getLabels()).getResult(),
          Value()};
}

SmallVector<Value> LinearOp::buildGradients(OpBuilder &b, ValueRange g) {
  return layerGrads<LinearGradInputOp, LinearGradWeightOp>(b, *this, g);
}

SmallVector<Value> ConvOp::buildGradients(OpBuilder &b, ValueRange g) {
  return layerGrads<ConvGradInputOp, ConvGradWeightOp>(b, *this, g, getStride(), getPadding(), getDilation(),
                                                       getGroups());
}

SmallVector<Value> BatchNormTrainOp::buildGradients(OpBuilder &b, ValueRange g) {
  return normGrads<BatchNormGradOp>(b, *this, g);
}

SmallVector<Value> LayerNormTrainOp::buildGradients(OpBuilder &b, ValueRange g) {
  return normGrads<LayerNormGradOp>(b, *this, g);
}

SmallVector<Value> DropoutTrainOp::buildGradients(OpBuilder &b, ValueRange g) {
  if (!g[0])
    return {Value(), Value()};
  return {MulOp::create(b, getLoc(), getInput().getType(), g[0], getMask()).getResult(), Value()};
}
