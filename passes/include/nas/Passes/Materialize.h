//===- Materialize.h - One candidate of a search space ----------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_MATERIALIZE_H
#define NAS_PASSES_MATERIALIZE_H

#include "mlir/IR/BuiltinOps.h"
#include "nas/Search/DNA.h"

#include <string>

namespace nas {

/// Rewrites `module` (made by MLIRGen) into the candidate `dna` picks: no
/// nas op left, every tensor type static. `dna` must fit the module's
/// decisions (see nas::validate). Errors are emitted at the op they concern.
mlir::LogicalResult materializeCandidate(mlir::ModuleOp module, const DNA &dna);

/// A hash of the candidate network's structure (its ops, settings and
/// shapes, not locations): equal for equal networks.
std::string candidateHash(mlir::ModuleOp module);

} // namespace nas

#endif // NAS_PASSES_MATERIALIZE_H
