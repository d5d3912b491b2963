//===- NasDialect.cpp - The nas dialect -----------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/Nas/NasDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "nas/Dialect/Nas/NasOps.h"

using namespace mlir;
using namespace nas::space;

#include "nas/Dialect/Nas/NasDialect.cpp.inc"

void NasDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "nas/Dialect/Nas/NasOps.cpp.inc"
      >();
}
