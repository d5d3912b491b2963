//===- CandidateIR.h - A candidate's IR in a context of its own -*- C++ -*-===//
//
// What the CPU and the CUDA compilers share: parsing the candidate's IR
// (with locations) into a context of its own, so that candidates compile
// on several threads at once; the first error, with its file:line:col,
// into a string; the arena layout a lowering left in `nn.layout`.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_CANDIDATEIR_H
#define NAS_COMPILER_CANDIDATEIR_H

#include "nas/Runtime/Program.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>
#include <vector>

namespace nas {

/// Keeps the first error reported in `context` (file:line:col: message) in
/// `error` while it lives.
class FirstError : public mlir::ScopedDiagnosticHandler {
public:
  FirstError(mlir::MLIRContext &context, std::string &error);
};

/// The candidate's IR (`Candidate::Impl::mlirWithLocations`) parsed into
/// `context`, which must have the nn, func and arith dialects (and accept
/// the unregistered nas.* attributes); null on error.
mlir::OwningOpRef<mlir::ModuleOp> parseCandidate(mlir::MLIRContext &context, const std::string &text);

/// The arena's persistent slots from `nn.layout`.
std::vector<ProgramSlot> readLayout(mlir::ModuleOp module);

} // namespace nas

#endif // NAS_COMPILER_CANDIDATEIR_H
