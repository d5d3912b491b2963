//===- NNDialect.h - The nn dialect -----------------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DIALECT_NN_NNDIALECT_H
#define NAS_DIALECT_NN_NNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nas/Dialect/NN/NNDialect.h.inc"

#endif // NAS_DIALECT_NN_NNDIALECT_H
