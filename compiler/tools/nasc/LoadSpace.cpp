//===- LoadSpace.cpp - Read, check and lower a .nas file ------------------===//
#include "LoadSpace.h"

#include "mlir/IR/Verifier.h"
#include "nas/Passes/Decisions.h"
#include "nas/Compiler/MLIRGen.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <iostream>

namespace nasc {

std::unique_ptr<LoadedSpace> loadSpace(const std::string &path, const GlobalOptions &global, int &status) {
  std::string why;
  std::optional<std::string> text = nas::dsl::readFile(path, why);
  if (!text) {
    std::cerr << "nasc: error: cannot read '" << path << "': " << why << "\n";
    status = 1;
    return nullptr;
  }
  auto space = std::make_unique<LoadedSpace>();
  space->file = std::make_unique<nas::dsl::SourceFile>(path, std::move(*text));
  nas::dsl::DiagnosticEngine diags(*space->file, stderr, global.colourStderr());
  space->frontend = nas::dsl::runFrontend(diags);
  if (!space->frontend.ok()) {
    status = 1;
    return nullptr;
  }
  space->context = std::make_unique<mlir::MLIRContext>();
  space->module = nas::generateModule(*space->context, space->frontend.ast, *space->file);
  if (failed(mlir::verify(*space->module))) {
    if (std::getenv("NASC_DEBUG"))
      space->module->print(llvm::errs(), mlir::OpPrintingFlags().printGenericOpForm().enableDebugInfo());
    std::cerr << "nasc: internal error: the module made from '" << path
              << "' does not verify; please report it with the file\n";
    status = 3;
    return nullptr;
  }
  space->decisions = nas::readDecisions(*space->module);
  status = 0;
  return space;
}

} // namespace nasc
