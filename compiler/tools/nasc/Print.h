//===- Print.h - Numbers as nasc prints them --------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NASC_TOOLS_PRINT_H
#define NASC_TOOLS_PRINT_H

#include "nas/Compiler/Compiler.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace nasc {

/// 12345678 -> "12,345,678".
inline std::string grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

/// The layer table of `candidate` (what `nasc materialize --emit summary` shows).
void printLayers(std::FILE *out, const nas::Candidate &candidate);

/// 75 -> "1:15", 3725 -> "1:02:05".
std::string clock(double seconds);

/// A DNA's JSON without quotes, cut to `width` characters.
std::string shortDNA(const std::string &json, size_t width);

} // namespace nasc

#endif // NASC_TOOLS_PRINT_H
