//===- CompileCommand.cpp - nasc compile: one candidate for the GPU -------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"
#include "Print.h"

#include "nas/Runtime/CudaPlan.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace nasc {

CommandRunner addCompileCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("compile", "Compile one candidate for the GPU: a launch plan and its PTX");
  cmd->footer("Writes DIR/plan.json (the arena layout and the steps of a training step and\n"
              "of inference: kernel launches, cuBLAS products, cuDNN convolutions) and\n"
              "DIR/kernels.ptx (the kernels, for --chip). No GPU is needed to compile;\n"
              "the runtime loads the two files where one is. See docs/cuda.md.\n\n"
              "Examples:\n"
              "  nasc compile bench/workloads/w1.nas --device cuda -o w1.cuda\n"
              "  nasc compile examples/fashion_cnn.nas --dna random --seed 4 --device cuda -o cnn");
  struct Options {
    std::string file, dna = "first", device = "cuda", chip = "sm_90", out;
    int64_t batch = 0;
    uint64_t seed = 0;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("file", o->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--dna", o->dna, "first (every decision its first choice), random, the DNA as JSON, or @FILE")
      ->type_name("first|random|JSON|@FILE")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of a random DNA");
  cmd->add_option("--device", o->device, "What to compile for (the CPU path compiles as it trains: nasc train)")
      ->check(CLI::IsMember({"cuda"}))
      ->capture_default_str();
  cmd->add_option("--chip", o->chip, "The GPU architecture of the PTX (sm_90: H100)")->capture_default_str();
  cmd->add_option("--batch", o->batch, "Rows per step (default: the train section's)")->check(CLI::PositiveNumber);
  cmd->add_option("-o,--output", o->out, "The directory to write")->required()->type_name("DIR");
  addPipelineDebuggingFlags(*cmd);
  return [o, &global]() {
    int status = 0;
    std::unique_ptr<nas::Space> space = loadSpace(o->file, global, status);
    if (!space)
      return status;
    std::optional<nas::DNA> dna = chooseDNA(*space, o->dna, o->seed, o->file);
    if (!dna)
      return 1;
    std::string error;
    std::unique_ptr<nas::Candidate> candidate = space->materialize(*dna, error);
    std::optional<nas::CudaProgram> program =
        candidate ? candidate->compileForCUDA(o->batch, error, o->chip) : std::nullopt;
    if (!program) {
      std::cerr << "nasc: error: " << error << "\n";
      return 1;
    }
    std::error_code ec;
    std::filesystem::create_directories(o->out, ec);
    std::ofstream plan(o->out + "/plan.json"), ptx(o->out + "/kernels.ptx");
    plan << program->plan << "\n";
    ptx << program->ptx;
    if (ec || !plan.flush() || !ptx.flush()) {
      std::cerr << "nasc: error: cannot write into " << o->out << "\n";
      return 1;
    }
    std::optional<nas::CudaPlan> read = nas::parseCudaPlan(program->plan, error);
    if (!read) {
      std::cerr << "nasc: error: the plan does not read back: " << error << "\n";
      return 1;
    }
    std::printf("candidate %s: %zu kernels; a training step is %zu steps, inference %zu; arena %s bytes for "
                "batch %lld; compiled in %.0f ms\nwrote %s/plan.json and %s/kernels.ptx (%s)\n",
                candidate->hash().c_str(), read->kernels.size(), read->trainStep.size(), read->infer.size(),
                grouped(read->arenaBytes).c_str(), static_cast<long long>(read->batch), program->seconds * 1000,
                o->out.c_str(), o->out.c_str(), o->chip.c_str());
    return 0;
  };
}

} // namespace nasc
