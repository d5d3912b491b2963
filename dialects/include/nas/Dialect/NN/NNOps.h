//===- NNOps.h - The ops of the nn dialect ----------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DIALECT_NN_NNOPS_H
#define NAS_DIALECT_NN_NNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "nas/Dialect/NN/NNDialect.h"

#include <optional>

#include "nas/Dialect/NN/GradientInterface.h.inc"
#include "nas/Dialect/NN/ShapeInferenceInterface.h.inc"

#define GET_OP_CLASSES
#include "nas/Dialect/NN/NNOps.h.inc"

namespace nas::nn {

/// An integer setting of an nn op (`units`, `kernel`, ...): its attribute,
/// or its decided operand when that is a constant; nullopt when not known
/// yet.
std::optional<int64_t> intSetting(mlir::Operation *op, llvm::StringRef name);
/// The same for a number setting (`rate`, `eps`, ...).
std::optional<double> floatSetting(mlir::Operation *op, llvm::StringRef name);

/// Turns the decided settings of `op` whose values are now constants into
/// attributes. Returns true when it changed something.
bool foldConstantSettings(mlir::Operation *op);

/// The padding of a conv2d, maxpool or avgpool with static settings: its
/// `padding`, or the one `same` stands for.
int64_t windowPaddingOf(mlir::Operation *op);

} // namespace nas::nn

#endif // NAS_DIALECT_NN_NNOPS_H
