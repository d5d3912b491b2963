//===- embed.cpp - A search loop with its own objective, on nasc's API ----===//
//
// Loads a search space and runs regularized evolution with a proxy score
// computed from each candidate's cost (no training): the fewest FLOPs among
// candidates with at least 100,000 parameters. Prints the best DNA.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include <nas/Compiler/Compiler.h>
#include <nas/Search/Algorithm.h>

#include <cstdint>
#include <iostream>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: embed SPACE.nas\n";
    return 2;
  }
  std::vector<nas::Diagnostic> diagnostics;
  std::unique_ptr<nas::Space> space = nas::Space::fromFile(argv[1], diagnostics);
  if (!space) {
    for (const nas::Diagnostic &d : diagnostics)
      std::cerr << d.str() << "\n";
    return 1;
  }
  std::unique_ptr<nas::Algorithm> evolution =
      nas::makeRegularizedEvolution(space->decisions(), /*population=*/20, /*tournament=*/5, /*seed=*/1);
  std::string best;
  int64_t bestFlops = INT64_MAX, bestParams = 0;
  for (nas::Trial &trial : nas::sample(*evolution, 200)) {
    const nas::DNA &dna = trial.dna();
    std::string error;
    std::unique_ptr<nas::Candidate> candidate = space->materialize(dna, error);
    if (!candidate) {
      std::cerr << error << "\n";
      return 1;
    }
    bool feasible = candidate->params() >= 100000;
    trial.feedback(feasible ? -double(candidate->flops()) : -1e18);
    if (feasible && candidate->flops() < bestFlops) {
      bestFlops = candidate->flops();
      bestParams = candidate->params();
      best = space->toJSON(dna);
    }
  }
  std::cout << "best: " << best << "\n" << bestParams << " parameters, " << bestFlops << " FLOPs\n";
  return 0;
}
