//===- nasc.cpp - The nasc command-line tool ------------------------------===//
//
// Exit status: 0 success, 1 the input has errors, 2 the command line is wrong.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <unistd.h>

namespace nasc {
bool GlobalOptions::colourStderr() const {
  if (colour == "always")
    return true;
  if (colour == "never" || std::getenv("NO_COLOR"))
    return false;
  return isatty(STDERR_FILENO);
}
} // namespace nasc

int main(int argc, char **argv) {
  CLI::App app{"nasc: a compiler for neural-architecture search.\n\n"
               "Write a search space and its network in a .nas file; nasc checks it,\n"
               "lists its decisions, and compiles and trains its candidates.",
               "nasc"};
  app.set_version_flag("--version", "nasc " NASC_VERSION);
  app.require_subcommand(1);
  app.footer("Examples:\n"
             "  nasc check examples/fashion_mlp.nas             check a search space\n"
             "  nasc check --verbose examples/nasbench201.nas   list its decisions and size\n"
             "  nasc space examples/nasbench201.nas             its decision tree and size\n"
             "  nasc sample --count 5 examples/fashion_mlp.nas  random DNAs as JSON lines\n"
             "  nasc materialize FILE --dna JSON --emit summary one candidate: its layers, params, FLOPs\n"
             "  nasc train examples/fashion_mlp.nas             compile one candidate and train it\n"
             "  nasc compile FILE --device cuda -o DIR          one candidate as a GPU launch plan and PTX\n"
             "  nasc search examples/fashion_mlp.nas --budget 5m   search it; the study survives a crash\n"
             "  nasc study show fashion_mlp.study               the leaderboard of a study\n"
             "  nasc emit-mlir examples/fashion_mlp.nas         print it as MLIR\n"
             "  nasc devices                                    show the devices nasc can use\n"
             "  nasc ops                                        the built-in ops and their defaults\n\n"
             "Run 'nasc COMMAND --help' for the options of a command.");

  nasc::GlobalOptions global;
  app.add_option("--color", global.colour, "Colour diagnostics: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  std::map<CLI::App *, nasc::CommandRunner> commands;
  auto add = [&](nasc::CommandRunner runner) { commands[app.get_subcommands({}).back()] = std::move(runner); };
  add(nasc::addCheckCommand(app, global));
  add(nasc::addSpaceCommand(app, global));
  add(nasc::addSampleCommand(app, global));
  add(nasc::addMaterializeCommand(app, global));
  add(nasc::addTrainCommand(app, global));
  add(nasc::addCompileCommand(app, global));
  add(nasc::addSearchCommand(app, global));
  add(nasc::addStudyCommand(app));
  add(nasc::addEmitCommand(app, global));
  add(nasc::addDevicesCommand(app));
  add(nasc::addOpsCommand(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    // CLI11 reports an unknown command as "A subcommand is required" or as
    // extra arguments; name the word the user typed instead.
    const char *unknown = nullptr;
    if (app.get_subcommands().empty())
      for (int i = 1; i < argc && !unknown; ++i)
        if (argv[i][0] != '-' && !(i > 1 && std::string(argv[i - 1]) == "--color"))
          unknown = argv[i];
    if (unknown)
      std::cerr << "nasc: error: unknown command '" << unknown << "'\n";
    else
      std::cerr << "nasc: error: " << e.what() << "\n";
    std::cerr << "Run 'nasc --help' to see the commands.\n";
    return 2;
  }
  for (CLI::App *sub : app.get_subcommands())
    return commands.at(sub)();
  return 2;
}
