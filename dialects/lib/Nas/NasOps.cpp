//===- NasOps.cpp - Verifiers of the nas dialect ----------------------------===//
#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/OpImplementation.h"
#include "nas/Dialect/Nas/NasOps.h"

using namespace mlir;
using namespace nas::space;

LogicalResult IntOp::verify() {
  if (getName().empty())
    return emitOpError("needs a decision name");
  if (getLow() > getHigh())
    return emitOpError() << "has an empty range: low " << getLow() << " is above high "
                         << getHigh();
  return success();
}

LogicalResult OneOfValueOp::verify() {
  if (getName().empty())
    return emitOpError("needs a decision name");
  if (getCandidates().empty())
    return emitOpError("needs at least one candidate");
  return success();
}

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/NasOps.cpp.inc"
