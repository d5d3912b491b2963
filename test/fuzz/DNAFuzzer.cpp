//===- DNAFuzzer.cpp - libFuzzer target over the DNA JSON format ----------===//
//
// Parses arbitrary bytes as a DNA for a conditional space (nested choices,
// a decided repeat, a multi-choice, a float); whatever parses must validate,
// round-trip through JSON and the flat vector, and enumerate onwards.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"
#include "nas/Search/DNA.h"

#include <cstdlib>
#include <string>

namespace {
const nas::DecisionSpace &space() {
  static nas::dsl::SourceFile file("space.nas", R"(
block wide(x) { return relu(dense(x, oneof(16, 32))) }
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = oneof(wide, tanh)(x)
  repeat int(0, 3) { h = oneof(relu, tanh, gelu)(h) }
  for act in manyof(2, relu, gelu, tanh, distinct = false, sorted = true) { h = act(h) }
  return dense(dropout(h, floatv(0.1, 0.5, log)), 4)
}
)");
  static nas::dsl::FrontendResult result = [] {
    nas::dsl::DiagnosticEngine diags(file, nullptr);
    return nas::dsl::runFrontend(diags);
  }();
  if (!result.ok())
    std::abort();
  return result.checked.decisions;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const nas::DecisionSpace &spec = space();
  std::string error;
  std::optional<nas::DNA> dna = nas::fromJSON(spec, std::string(reinterpret_cast<const char *>(data), size), error);
  if (!dna)
    return 0;
  if (!nas::validate(spec, *dna).empty())
    std::abort();
  std::optional<nas::DNA> again = nas::fromJSON(spec, nas::toJSON(spec, *dna), error);
  if (!again || !(*again == *dna))
    std::abort();
  std::optional<nas::DNA> fromVector = nas::fromVector(spec, nas::toVector(spec, *dna), error);
  if (!fromVector || !(*fromVector == *dna))
    std::abort();
  (void)nas::completeRandomly(spec, *dna, 7);
  return 0;
}
