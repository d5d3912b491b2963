//===- Commands.h - The subcommands of nasc ---------------------*- C++ -*-===//
//
// Each subcommand registers its options on the CLI11 app and returns the
// function that runs it; main() dispatches to whichever was given.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NASC_TOOLS_COMMANDS_H
#define NASC_TOOLS_COMMANDS_H

#include <CLI/CLI.hpp>
#include <functional>

namespace nasc {

/// The exit status of a subcommand: 0 success, 1 the input has errors.
using CommandRunner = std::function<int()>;

struct GlobalOptions {
  std::string colour = "auto"; // auto, always, never
  /// Whether diagnostics on stderr should be coloured.
  bool colourStderr() const;
};

CommandRunner addCheckCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addDevicesCommand(CLI::App &app);
CommandRunner addEmitCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addSpaceCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addSampleCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addMaterializeCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addTrainCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addCompileCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addSearchCommand(CLI::App &app, const GlobalOptions &global);
CommandRunner addStudyCommand(CLI::App &app);
CommandRunner addOpsCommand(CLI::App &app);

} // namespace nasc

#endif // NASC_TOOLS_COMMANDS_H
