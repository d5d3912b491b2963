//===- MaterializeCommand.cpp - nasc materialize: one candidate -----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"
#include "Print.h"

#include <cstdio>
#include <iostream>

namespace nasc {
namespace {

void printSummary(const nas::Candidate &candidate, const std::string &dna) {
  printLayers(stdout, candidate);
  std::printf("candidate: %s\n", candidate.hash().c_str());
  std::printf("dna: %s\n", dna.c_str());
}

} // namespace

CommandRunner addMaterializeCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("materialize", "Turn a search space into one concrete network, given its DNA");
  cmd->footer("The DNA is JSON by decision name (what 'nasc sample' prints), or @FILE.\n"
              "Decisions on the DNA's path must all have values; values for decisions\n"
              "that are not part of the candidate are an error.\n\n"
              "Examples:\n"
              "  nasc materialize examples/nasbench201.nas --dna \"$(nasc sample examples/nasbench201.nas)\"\n"
              "  nasc materialize examples/fashion_mlp.nas --dna @dna.json --emit summary");
  struct Options {
    std::string file, dna, emit = "mlir";
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("file", options->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--dna", options->dna, "first (every decision its first choice), random, the DNA as JSON, or @FILE")
      ->required()
      ->type_name("first|random|JSON|@FILE");
  cmd->add_option("--emit", options->emit, "What to print: the network as MLIR, or a table of its layers")
      ->check(CLI::IsMember({"mlir", "summary"}))
      ->capture_default_str();
  return [options, &global]() {
    int status = 0;
    std::unique_ptr<nas::Space> space = loadSpace(options->file, global, status);
    if (!space)
      return status;
    std::optional<nas::DNA> dna = chooseDNA(*space, options->dna, 0, options->file);
    if (!dna)
      return 1;
    std::string error;
    std::unique_ptr<nas::Candidate> candidate = space->materialize(*dna, error);
    if (!candidate) {
      std::cerr << "nasc: error: " << error << "\n";
      return 1;
    }
    if (options->emit == "mlir")
      std::cout << candidate->mlir() << "\n";
    else
      printSummary(*candidate, space->toJSON(*dna));
    return 0;
  };
}

} // namespace nasc
