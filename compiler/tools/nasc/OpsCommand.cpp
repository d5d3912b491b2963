//===- OpsCommand.cpp - nasc ops: the built-in ops and their defaults -----===//
//
// Printed from the language's op table, the one the checks and MLIRGen read:
// the language reference's op table is this command's --markdown output
// (a test keeps the two equal).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "nas/DSL/Builtins.h"

#include <iostream>

namespace nasc {

CommandRunner addOpsCommand(CLI::App &app) {
  CLI::App *cmd = app.add_subcommand("ops", "List the built-in ops with their parameters and defaults");
  auto markdown = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown, "Print a Markdown table (the one in docs/language.md)");
  cmd->footer("Every op takes its input tensor first; the other arguments are positional\n"
              "or named, and a parameter shown with '= value' may be left out.\n\n"
              "Examples:\n"
              "  nasc ops\n"
              "  nasc ops --markdown");
  return [markdown]() {
    const std::vector<nas::dsl::OpSpec> &ops = nas::dsl::builtinOps();
    if (*markdown) {
      std::cout << "| op (defaults) | what it computes | example |\n| --- | --- | --- |\n";
      for (const nas::dsl::OpSpec &op : ops)
        std::cout << "| `" << op.signature() << "` | " << op.summary << " | `" << op.example << "` |\n";
      return 0;
    }
    for (const nas::dsl::OpSpec &op : ops)
      std::cout << op.signature() << "\n    " << op.summary << "\n";
    return 0;
  };
}

} // namespace nasc
