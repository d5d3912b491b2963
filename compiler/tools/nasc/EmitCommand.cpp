//===- EmitCommand.cpp - nasc emit-mlir: the search space as MLIR ---------===//
#include "Commands.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"
#include "nas/Compiler/MLIRGen.h"
#include "nas/DSL/Frontend.h"

#include "llvm/Support/raw_ostream.h"

#include <iostream>

namespace nasc {

CommandRunner addEmitCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("emit-mlir", "Print a search space as MLIR (nas and nn dialects)");
  cmd->footer("The model becomes a func.func of nn ops, its decisions nas ops, and the\n"
              "train and search sections nas.section ops. nas-opt reads the output back.\n\n"
              "Examples:\n"
              "  nasc emit-mlir examples/fashion_mlp.nas\n"
              "  nasc emit-mlir --locations examples/nasbench201.nas   with file:line:col of each op");
  struct Options {
    std::string file;
    bool locations = false;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("file", options->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_flag("--locations", options->locations, "Print the source location of every op");

  return [options, &global]() {
    std::string why;
    std::optional<std::string> text = nas::dsl::readFile(options->file, why);
    if (!text) {
      std::cerr << "nasc: error: cannot read '" << options->file << "': " << why << "\n";
      return 1;
    }
    nas::dsl::SourceFile file(options->file, std::move(*text));
    nas::dsl::DiagnosticEngine diags(file, stderr, global.colourStderr());
    nas::dsl::FrontendResult result = nas::dsl::runFrontend(diags);
    if (!result.ok())
      return 1;
    mlir::MLIRContext context;
    mlir::OwningOpRef<mlir::ModuleOp> module = nas::generateModule(context, result.ast, file);
    if (failed(mlir::verify(*module))) {
      if (std::getenv("NASC_DEBUG"))
        module->print(llvm::errs(), mlir::OpPrintingFlags().printGenericOpForm().enableDebugInfo());
      std::cerr << "nasc: internal error: the generated module does not verify; please report it with " << options->file
                << "\n";
      return 3;
    }
    mlir::OpPrintingFlags flags;
    if (options->locations)
      flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
    module->print(llvm::outs(), flags);
    llvm::outs() << "\n";
    llvm::outs().flush();
    return 0;
  };
}

} // namespace nasc
