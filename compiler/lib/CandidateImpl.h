//===- CandidateImpl.h - What a materialized candidate keeps ----*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_CANDIDATEIMPL_H
#define NAS_COMPILER_CANDIDATEIMPL_H

#include "nas/Compiler/Compiler.h"

namespace nas {

struct Candidate::Impl {
  std::string mlir, hash;
  std::string mlirWithLocations; // what compileForCPU parses
  TrainSettings train;
  SearchSettings search;
  std::vector<Layer> layers;
  int64_t params = 0, flops = 0, activationBytes = 0;
};

} // namespace nas

#endif // NAS_COMPILER_CANDIDATEIMPL_H
