//===- Print.cpp - Tables nasc prints -------------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Print.h"

#include <cstdio>

namespace nasc {

void printLayers(std::FILE *out, const nas::Candidate &candidate) {
  std::fprintf(out, "%-20s %-8s %-28s %12s %14s\n", "layer", "line:col", "output", "params", "flops");
  for (const nas::Layer &layer : candidate.layers()) {
    std::string where = layer.line ? std::to_string(layer.line) + ":" + std::to_string(layer.column) : "";
    std::fprintf(out, "%-20s %-8s %-28s %12s %14s\n", layer.op.c_str(), where.c_str(), layer.outputType.c_str(),
                 grouped(layer.params).c_str(), grouped(layer.flops).c_str());
  }
  std::fprintf(out, "total: %s params, %s FLOPs and %s bytes of activations per sample\n",
               grouped(candidate.params()).c_str(), grouped(candidate.flops()).c_str(),
               grouped(candidate.activationBytes()).c_str());
}

std::string clock(double seconds) {
  int64_t s = static_cast<int64_t>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buffer;
}

std::string shortDNA(const std::string &json, size_t width) {
  std::string s;
  for (char c : json)
    if (c != '"')
      s += c;
  if (s.size() > width)
    s = s.substr(0, width - 3) + "...";
  return s;
}

} // namespace nasc
