//===- TrainOps.cpp - Verifiers of the training-level nn ops ---------------===//
//
// The layers with explicit parameters check that their parameters fit the
// input; the gradient and update ops are built by nn-autodiff with the
// types of the values they differentiate.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/NN/NNOps.h"

using namespace mlir;
using namespace nas::nn;

namespace {
/// The static shape of `v`, or an empty array when it is not ranked.
ArrayRef<int64_t> shapeOf(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  return type ? type.getShape() : ArrayRef<int64_t>();
}

LogicalResult verifyBias(Operation *op, Value bias, int64_t units) {
  if (!bias)
    return success();
  ArrayRef<int64_t> b = shapeOf(bias);
  if (b.size() != 1 || (units != ShapedType::kDynamic && b[0] != units))
    return op->emitOpError() << "needs a bias of shape [" << units << "]";
  return success();
}
} // namespace

LogicalResult LinearOp::verify() {
  ArrayRef<int64_t> x = shapeOf(getInput()), w = shapeOf(getWeight()), y = shapeOf(getOutput());
  if (x.size() != 2 || w.size() != 2 || y.size() != 2)
    return emitOpError("needs a rank-2 input, weight and result");
  if (x[1] != w[1] || y[1] != w[0])
    return emitOpError() << "weight of shape [" << w[0] << ", " << w[1] << "] does not map [N, " << x[1] << "] to [N, "
                         << y[1] << "]";
  return verifyBias(*this, getBias(), w[0]);
}

LogicalResult ConvOp::verify() {
  ArrayRef<int64_t> x = shapeOf(getInput()), w = shapeOf(getWeight()), y = shapeOf(getOutput());
  if (x.size() != 4 || w.size() != 4 || y.size() != 4)
    return emitOpError("needs a rank-4 input, weight and result");
  // The getters give I64Attr values as unsigned.
  int64_t stride = getStride(), padding = getPadding(), dilation = getDilation(), groups = getGroups();
  if (stride < 1 || dilation < 1 || groups < 1 || padding < 0)
    return emitOpError("needs a positive stride, dilation and groups and a non-negative padding");
  if (x[1] != w[1] * groups || y[1] != w[0] || w[0] % groups != 0)
    return emitOpError() << "weight of shape [" << w[0] << ", " << w[1] << ", " << w[2] << ", " << w[3]
                         << "] does not fit " << x[1] << " input and " << y[1] << " output channels in " << groups
                         << " groups";
  for (int d = 2; d < 4; ++d) {
    int64_t span = dilation * (w[d] - 1) + 1;
    if (y[d] != (x[d] + 2 * padding - span) / stride + 1)
      return emitOpError() << "result size " << y[d] << " does not follow from input size " << x[d];
  }
  return verifyBias(*this, getBias(), w[0]);
}
