//===- EmitCommand.cpp - nasc emit-mlir: the search space as MLIR ---------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"

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
    int status = 0;
    std::unique_ptr<nas::Space> space = loadSpace(options->file, global, status);
    if (!space)
      return status;
    std::cout << space->mlir(options->locations) << "\n";
    return 0;
  };
}

} // namespace nasc
