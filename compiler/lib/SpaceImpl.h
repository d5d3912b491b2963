//===- SpaceImpl.h - What a compiled space keeps ----------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_SPACEIMPL_H
#define NAS_COMPILER_SPACEIMPL_H

#include "nas/Compiler/Compiler.h"
#include "nas/DSL/Frontend.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

namespace nas {

struct Space::Impl {
  std::unique_ptr<dsl::SourceFile> file;
  dsl::FrontendResult frontend;
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  DecisionSpace decisions;
};

} // namespace nas

#endif // NAS_COMPILER_SPACEIMPL_H
