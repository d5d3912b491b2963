//===- Frontend.cpp - From .nas text to a checked module ------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"

#include "nas/DSL/Parser.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace nas::dsl {

FrontendResult runFrontend(DiagnosticEngine &diags) {
  FrontendResult result;
  result.ast = parseModule(diags.file(), diags);
  if (diags.errorCount() == 0)
    result.checked = checkModule(result.ast, diags);
  result.errors = diags.errorCount();
  result.warnings = diags.warningCount();
  return result;
}

std::optional<std::string> readFile(const std::string &path, std::string &error) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace nas::dsl
