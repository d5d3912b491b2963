//===- NasDialect.h - The nas dialect ---------------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DIALECT_NAS_NASDIALECT_H
#define NAS_DIALECT_NAS_NASDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nas/Dialect/Nas/NasDialect.h.inc"

#endif // NAS_DIALECT_NAS_NASDIALECT_H
