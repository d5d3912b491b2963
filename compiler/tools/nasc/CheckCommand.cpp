//===- CheckCommand.cpp - nasc check: parse and check .nas files ----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "nas/DSL/Frontend.h"

#include <cstdio>
#include <iostream>

namespace nasc {

CommandRunner addCheckCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("check", "Check .nas files: syntax, names, arguments, shapes, decisions");
  cmd->footer("Prints nothing and exits 0 when every file is correct; prints errors and\n"
              "warnings as FILE:LINE:COL and exits 1 when one has an error.\n\n"
              "Examples:\n"
              "  nasc check examples/fashion_mlp.nas\n"
              "  nasc check --verbose examples/fashion_cnn.nas   also list the decisions\n"
              "  nasc check --werror examples/*.nas               treat warnings as errors");
  struct Options {
    std::vector<std::string> files;
    bool verbose = false, werror = false;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("files", options->files, "The .nas files to check")->required()->type_name("FILE");
  cmd->add_flag("-v,--verbose", options->verbose, "List each file's decisions and the size of its space");
  cmd->add_flag("--werror", options->werror, "Exit 1 when there are warnings too");

  return [options, &global]() {
    int status = 0;
    for (const std::string &path : options->files) {
      std::string why;
      std::optional<std::string> text = nas::dsl::readFile(path, why);
      if (!text) {
        std::cerr << "nasc: error: cannot read '" << path << "': " << why << "\n";
        status = 1;
        continue;
      }
      nas::dsl::SourceFile file(path, std::move(*text));
      nas::dsl::DiagnosticEngine diags(file, stderr, global.colourStderr());
      nas::dsl::FrontendResult result = nas::dsl::runFrontend(diags);
      if (!result.ok() || (options->werror && result.warnings > 0))
        status = 1;
      if (result.errors > nas::dsl::DiagnosticEngine::kMaxPrintedErrors)
        std::cerr << path << ": " << result.errors << " errors in all; the first "
                  << nas::dsl::DiagnosticEngine::kMaxPrintedErrors << " are shown\n";
      if (options->verbose && result.ok())
        std::cout << path << ": " << nas::summarizeSpace(result.checked.modelName, result.checked.decisions);
    }
    return status;
  };
}

} // namespace nasc
