//===- NNOps.cpp - Verifiers and shape inference of the nn dialect --------===//
#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/OpImplementation.h"
#include "nas/Dialect/NN/NNOps.h"

using namespace mlir;
using namespace nas::nn;

#include "nas/Dialect/NN/ShapeInferenceInterface.cpp.inc"

namespace {
/// A result type may be less static than the inferred one (a `?` where the
/// operands already fix the size), but must never contradict it.
LogicalResult checkCompatible(Operation *op, RankedTensorType inferred, Type declared) {
  auto result = dyn_cast<RankedTensorType>(declared);
  if (!result)
    return success();
  if (result.getRank() != inferred.getRank())
    return op->emitOpError() << "result has rank " << result.getRank() << " but the input gives rank "
                             << inferred.getRank();
  for (int64_t i = 0; i < result.getRank(); ++i) {
    int64_t want = inferred.getDimSize(i), have = result.getDimSize(i);
    if (want != ShapedType::kDynamic && have != ShapedType::kDynamic && want != have)
      return op->emitOpError() << "result dimension " << i << " is " << have << " but should be " << want;
  }
  return success();
}

LogicalResult refineResult(Operation *op, RankedTensorType inferred) {
  if (failed(checkCompatible(op, inferred, op->getResult(0).getType())))
    return failure();
  op->getResult(0).setType(inferred);
  return success();
}

FailureOr<RankedTensorType> denseResultType(DenseOp op) {
  auto input = dyn_cast<RankedTensorType>(op.getInput().getType());
  if (!input)
    return RankedTensorType::get({ShapedType::kDynamic, static_cast<int64_t>(op.getUnits())}, Float32Type::get(op.getContext()));
  if (input.getRank() != 2)
    return op.emitOpError() << "expects a rank-2 input (batch x features), got rank " << input.getRank();
  return RankedTensorType::get({input.getDimSize(0), static_cast<int64_t>(op.getUnits())}, input.getElementType());
}
} // namespace

#define NN_ACTIVATION(Op)                                                                          \
  LogicalResult Op::verify() {                                                                     \
    if (auto input = dyn_cast<RankedTensorType>(getInput().getType()))                             \
      return checkCompatible(*this, input, getOutput().getType());                                 \
    return success();                                                                              \
  }                                                                                                \
  LogicalResult Op::inferShapes() {                                                                \
    if (auto input = dyn_cast<RankedTensorType>(getInput().getType()))                             \
      return refineResult(*this, input);                                                           \
    return success();                                                                              \
  }
NN_ACTIVATION(ReluOp)
NN_ACTIVATION(TanhOp)
#undef NN_ACTIVATION

LogicalResult DenseOp::verify() {
  FailureOr<RankedTensorType> inferred = denseResultType(*this);
  if (failed(inferred))
    return failure();
  return checkCompatible(*this, *inferred, getOutput().getType());
}

LogicalResult DenseOp::inferShapes() {
  FailureOr<RankedTensorType> inferred = denseResultType(*this);
  if (failed(inferred))
    return failure();
  return refineResult(*this, *inferred);
}

#define GET_OP_CLASSES
#include "nas/Dialect/NN/NNOps.cpp.inc"
