//===- TableFuzzer.cpp - libFuzzer target over the table evaluator's input -===//
//
// The input's first line is a key format, the rest a CSV table with a
// `key` column. Both are parsed (the format against a small fixed space);
// when both are good, every DNA of the space renders a key that is looked
// up. Bad input must give an error, never a crash or a hang.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"

#include <cstdint>
#include <string>

namespace {
const nas::DecisionSpace &space() {
  static nas::dsl::SourceFile file("t.nas", "model m(x: f32[N, 8]) -> f32[N, 4] {\n"
                                            "  h = dense(x, oneof(16, 32, name: \"width\"))\n"
                                            "  h = optional(relu)(h)\n"
                                            "  repeat int(1, 2) { h = oneof(relu, tanh)(h) }\n"
                                            "  return dense(h, 4)\n}\n");
  static nas::dsl::FrontendResult result = [] {
    nas::dsl::DiagnosticEngine diags(file, nullptr);
    return nas::dsl::runFrontend(diags);
  }();
  return result.checked.decisions;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  size_t newline = text.find('\n');
  std::string format = text.substr(0, newline), csv = newline == std::string::npos ? "" : text.substr(newline + 1);
  std::string error;
  std::optional<nas::MetricTable> table = nas::MetricTable::parse("t.csv", csv, "key", error);
  std::optional<nas::KeyFormat> key = nas::KeyFormat::parse(format, space(), error);
  if (table && key)
    for (std::optional<nas::DNA> dna = nas::firstDNA(space()); dna; dna = nas::nextDNA(space(), *dna))
      (void)table->find(key->render(*dna));
  return 0;
}
