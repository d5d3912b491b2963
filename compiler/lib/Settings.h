//===- Settings.h - The train and search sections, decoded once -*- C++ -*-===//
//
// A candidate carries its sections as the module attributes nas.train and
// nas.search (materialization leaves them there); a space carries them as
// nas.section ops. Both are decoded here, and nowhere else, into the
// public TrainSettings and SearchSettings.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_SETTINGS_H
#define NAS_COMPILER_SETTINGS_H

#include "nas/Compiler/Compiler.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace nas {

/// The train section of a materialized candidate (its nas.train).
TrainSettings trainSettingsOf(mlir::ModuleOp candidate);
/// The search section of a materialized candidate (its nas.search), the
/// table file resolved against `spaceFile`'s directory.
SearchSettings searchSettingsOf(mlir::ModuleOp candidate, const std::string &spaceFile);

} // namespace nas

#endif // NAS_COMPILER_SETTINGS_H
