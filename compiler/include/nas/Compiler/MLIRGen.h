//===- MLIRGen.h - From a checked .nas module to MLIR -----------*- C++ -*-===//
//
// Emits the search space as one MLIR module: the model as a `func.func` of
// `nn` ops, its decisions as `nas` ops, and the train and search sections as
// `nas.section` ops. Every op carries the file:line:col of its source.
//
// Blocks are inlined at each call rather than emitted as functions: each call
// makes its own decisions (an inline `oneof` in a block is a fresh decision
// per call) and sees its own input shapes, which is what materialization and
// shape inference need; a function shared by the calls could hold neither.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_MLIRGEN_H
#define NAS_COMPILER_MLIRGEN_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "nas/DSL/AST.h"

namespace nas {

/// Registers what the generated modules use (nas, nn, func, arith).
void registerDialects(mlir::MLIRContext &context);

/// `module` must have passed the semantic checks without errors.
mlir::OwningOpRef<mlir::ModuleOp> generateModule(mlir::MLIRContext &context, const dsl::Module &module,
                                                 const dsl::SourceFile &file);

} // namespace nas

#endif // NAS_COMPILER_MLIRGEN_H
