//===- FrontendFuzzer.cpp - libFuzzer target over the whole front end -----===//
//
// Lexes, parses and checks arbitrary bytes as a .nas file. Any crash, hang,
// leak or sanitizer report is a bug: bad input must only produce diagnostics.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nas::dsl::SourceFile file("fuzz.nas", std::string(reinterpret_cast<const char *>(data), size));
  nas::dsl::DiagnosticEngine diags(file, nullptr);
  nas::dsl::FrontendResult result = nas::dsl::runFrontend(diags);
  // Exercise what `nasc check --verbose` prints, too.
  (void)nas::summarizeSpace(result.checked.modelName, result.checked.decisions);
  return 0;
}
