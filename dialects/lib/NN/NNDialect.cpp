//===- NNDialect.cpp - The nn dialect -------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Dialect/NN/NNOps.h"

using namespace mlir;
using namespace nas::nn;

#include "nas/Dialect/NN/NNDialect.cpp.inc"

void NNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "nas/Dialect/NN/NNOps.cpp.inc"
      >();
}
