//===- LoadSpace.h - Compile a .nas file for a command ----------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NASC_TOOLS_LOADSPACE_H
#define NASC_TOOLS_LOADSPACE_H

#include "Commands.h"

#include "nas/Compiler/Compiler.h"

#include <memory>
#include <optional>

namespace nasc {

/// Compiles `path`, printing its diagnostics; null when it has errors, with
/// `status` the exit code to return (1, or 3 for an internal error).
std::unique_ptr<nas::Space> loadSpace(const std::string &path, const GlobalOptions &global, int &status);

/// The DNA given as JSON or @FILE, checked against `space`; prints why not
/// and returns nullopt when it does not fit.
std::optional<nas::DNA> loadDNA(const nas::Space &space, const std::string &text, const std::string &file);

/// What `--dna` names: first (every decision its first choice; drawn with
/// `seed`, and said so, where a decision is continuous), random (drawn with
/// `seed`), JSON or @FILE; nullopt after printing the error.
std::optional<nas::DNA> chooseDNA(const nas::Space &space, const std::string &text, uint64_t seed,
                                  const std::string &file);

/// --mlir-timing and --mlir-print-ir-after-all on `cmd`, a command that
/// compiles a candidate: MLIR's debugging aids for its pass pipelines
/// (nas::setPipelineDebugging).
void addPipelineDebuggingFlags(CLI::App &cmd);

} // namespace nasc

#endif // NASC_TOOLS_LOADSPACE_H
