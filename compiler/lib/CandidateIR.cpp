//===- CandidateIR.cpp - A candidate's IR in a context of its own ---------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "CandidateIR.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

namespace nas {

FirstError::FirstError(mlir::MLIRContext &context, std::string &error)
    : ScopedDiagnosticHandler(&context, [&error](mlir::Diagnostic &d) {
        if (d.getSeverity() == mlir::DiagnosticSeverity::Error && error.empty()) {
          error = d.str();
          if (auto file = mlir::dyn_cast<mlir::FileLineColLoc>(d.getLocation()))
            error = file.getFilename().str() + ":" + std::to_string(file.getLine()) + ":" +
                    std::to_string(file.getColumn()) + ": " + error;
        }
        return mlir::success();
      }) {}

mlir::OwningOpRef<mlir::ModuleOp> parseCandidate(mlir::MLIRContext &context, const std::string &text) {
  context.allowUnregisteredDialects(); // the nas.* module attributes
  return mlir::parseSourceString<mlir::ModuleOp>(text, &context);
}

std::vector<ProgramSlot> readLayout(mlir::ModuleOp module) {
  std::vector<ProgramSlot> slots;
  for (mlir::Attribute entry : module->getAttrOfType<mlir::ArrayAttr>("nn.layout")) {
    auto dict = mlir::cast<mlir::DictionaryAttr>(entry);
    ProgramSlot slot;
    slot.name = dict.getAs<mlir::StringAttr>("name").str();
    slot.role = dict.getAs<mlir::StringAttr>("role").str();
    slot.offset = dict.getAs<mlir::IntegerAttr>("offset").getInt();
    slot.bytes = dict.getAs<mlir::IntegerAttr>("bytes").getInt();
    for (mlir::Attribute d : dict.getAs<mlir::ArrayAttr>("shape"))
      slot.shape.push_back(mlir::cast<mlir::IntegerAttr>(d).getInt());
    if (auto init = dict.getAs<mlir::StringAttr>("init"))
      slot.init = init.str();
    if (auto fanIn = dict.getAs<mlir::IntegerAttr>("fan_in"))
      slot.fanIn = fanIn.getInt();
    slots.push_back(std::move(slot));
  }
  return slots;
}

} // namespace nas
