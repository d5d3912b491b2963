//===- LoadSpace.cpp - Compile a .nas file for a command ------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"

#include "nas/DSL/Frontend.h"

#include <iostream>

namespace nasc {

std::unique_ptr<nas::Space> loadSpace(const std::string &path, const GlobalOptions &global, int &status) {
  std::vector<nas::Diagnostic> diagnostics;
  std::unique_ptr<nas::Space> space = nas::Space::fromFile(path, diagnostics, {stderr, global.colourStderr()});
  status = 0;
  if (!space) {
    status = 1;
    for (const nas::Diagnostic &d : diagnostics)
      if (d.message.rfind("internal error", 0) == 0)
        status = 3;
  }
  return space;
}

std::optional<nas::DNA> loadDNA(const nas::Space &space, const std::string &given, const std::string &file) {
  std::string text = given;
  if (!text.empty() && text[0] == '@') {
    std::string why;
    std::optional<std::string> content = nas::dsl::readFile(text.substr(1), why);
    if (!content) {
      std::cerr << "nasc: error: cannot read the DNA file '" << text.substr(1) << "': " << why << "\n";
      return std::nullopt;
    }
    text = *content;
  }
  std::string error;
  std::optional<nas::DNA> dna = space.parseDNA(text, error);
  if (!dna)
    std::cerr << "nasc: error: the DNA does not fit " << file << ": " << error << "\n";
  return dna;
}

std::optional<nas::DNA> chooseDNA(const nas::Space &space, const std::string &text, uint64_t seed,
                                  const std::string &file) {
  if (text == "first") {
    if (std::optional<nas::DNA> first = space.first())
      return first;
    // A continuous decision has no first value: draw them all.
    std::cerr << "nasc: note: " << file << " has continuous decisions, so --dna first is a random DNA (seed " << seed
              << ")\n";
    return space.sample(seed);
  }
  if (text == "random")
    return space.sample(seed);
  return loadDNA(space, text, file);
}

void addPipelineDebuggingFlags(CLI::App &cmd) {
  auto debugging = std::make_shared<nas::PipelineDebugging>();
  struct Flag {
    const char *name;
    bool nas::PipelineDebugging::*field;
    const char *help;
  };
  for (Flag flag : {Flag{"--mlir-timing", &nas::PipelineDebugging::timing,
                         "Print on stderr how long each pass took that compiled the candidate, one report per "
                         "pipeline (nasc-train-cpu; nasc-train-cuda and nasc-kernels-to-ptx for the GPU)"},
                    Flag{"--mlir-print-ir-after-all", &nas::PipelineDebugging::printIRAfterAll,
                         "Print on stderr the IR after each of those passes; `nas-opt --pass-pipeline=...` reruns "
                         "a pipeline on the IR it started from (docs/cli.md)"}})
    cmd.add_flag_callback(
           flag.name,
           [debugging, field = flag.field] {
             (*debugging).*field = true;
             nas::setPipelineDebugging(*debugging);
           },
           flag.help)
        ->group("Debugging the compiler");
}

} // namespace nasc
