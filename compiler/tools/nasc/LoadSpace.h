//===- LoadSpace.h - Read, check and lower a .nas file ----------*- C++ -*-===//
#ifndef NASC_TOOLS_LOADSPACE_H
#define NASC_TOOLS_LOADSPACE_H

#include "Commands.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "nas/DSL/Frontend.h"
#include "nas/Search/DNASpec.h"

#include <memory>

namespace nasc {

/// A checked .nas file, its module and the decisions read off the module.
struct LoadedSpace {
  std::unique_ptr<nas::dsl::SourceFile> file;
  nas::dsl::FrontendResult frontend;
  std::unique_ptr<mlir::MLIRContext> context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  nas::DecisionSpace decisions;
};

/// Prints what went wrong (unreadable file, diagnostics) and returns null
/// when the file has errors. `status` is then the exit code to return.
std::unique_ptr<LoadedSpace> loadSpace(const std::string &path, const GlobalOptions &global, int &status);

} // namespace nasc

#endif // NASC_TOOLS_LOADSPACE_H
