//===- Calls.cpp - How a call meets its callee, and how decisions are named ===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Calls.h"

namespace nas::dsl {

std::vector<std::string> Callee::parameterNames() const {
  std::vector<std::string> names;
  if (op)
    for (const ParamSpec &p : op->params)
      names.push_back(p.name);
  else
    for (const Param &p : block->params)
      names.push_back(p.name);
  return names;
}

std::optional<std::string> annotation(const CallExpr &call, const char *keyword) {
  for (const Argument &arg : call.args)
    if (arg.isAnnotation && arg.keyword == keyword)
      if (auto s = arg.value->as<StringExpr>())
        return s->value;
  return std::nullopt;
}

std::string DecisionNamer::fresh(const std::string &scope, const std::string &base) {
  int n = ++uses_[scope][base];
  return scope + "." + base + (n > 1 ? std::to_string(n) : "");
}

std::string DecisionNamer::path(const std::string &scope, const std::string &annotated, const std::string &exact,
                                const std::string &kind) {
  if (!annotated.empty())
    return scope + "." + annotated;
  return exact.empty() ? fresh(scope, kind) : scope + "." + exact;
}

} // namespace nas::dsl
