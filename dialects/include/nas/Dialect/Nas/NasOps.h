//===- NasOps.h - The ops of the nas dialect --------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DIALECT_NAS_NASOPS_H
#define NAS_DIALECT_NAS_NASOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "nas/Dialect/Nas/NasDialect.h"

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/NasOps.h.inc"

#endif // NAS_DIALECT_NAS_NASOPS_H
