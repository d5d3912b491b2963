//===- NNDialect.cpp - The nn dialect -------------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/NN/NNDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
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
