//===- Calls.cpp - Calls of ops, blocks and decisions -----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "nas/Dialect/Nas/NasOps.h"

namespace nas::mlirgen {

using namespace nas::dsl;

Gen Generator::evalCall(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  if (auto name = callExpr.callee->as<NameExpr>(); name && !env.count(name->name)) {
    const std::string &fn = name->name;
    if (isHyperPrimitive(fn))
      return evalDecision(callExpr, fn, env, exactName);
    if (findSpecFamily(fn) && !findOp(fn) && !blocks_.count(fn))
      return evalSpec(callExpr, env, exactName);
  }
  Gen callee = eval(*callExpr.callee, env);
  std::vector<Gen> positional;
  std::vector<std::pair<std::string, Gen>> named;
  for (const Argument &arg : callExpr.args) {
    if (arg.isAnnotation)
      continue;
    Gen v = eval(*arg.value, env);
    if (arg.keyword.empty())
      positional.push_back(std::move(v));
    else
      named.emplace_back(arg.keyword, std::move(v));
  }
  return call(callee, callExpr, std::move(positional), std::move(named));
}

Gen Generator::call(const Gen &callee, const CallExpr &callExpr, std::vector<Gen> positional,
                    std::vector<std::pair<std::string, Gen>> named) {
  if (!callee.selector)
    return callOne(callee.callees.front(), callExpr, positional, named);
  std::vector<Gen> results =
      emitSwitch(callee.selector, callee.selectorPath, callee.callees.size(), loc(callExpr.range),
                 [&](size_t i) { return std::vector<Gen>{callOne(callee.callees[i], callExpr, positional, named)}; });
  return results.front();
}

Gen Generator::callOne(const Callee &callee, const CallExpr &callExpr, const std::vector<Gen> &positional,
                       const std::vector<std::pair<std::string, Gen>> &named) {
  // The checks have bound these arguments already: binding cannot fail here.
  BoundArguments<Gen> bound = bindArguments(
      callee, positional, named, [](const Gen &g) { return g.kind == Gen::Kind::List ? &g.elements : nullptr; },
      [](const Gen &) { return true; });
  if (callee.block)
    return callBlock(*callee.block, std::move(bound.byName));
  return applyOp(*callee.op, callExpr, std::move(bound.byName), std::move(bound.tensors));
}

Gen Generator::callBlock(const Function &block, std::map<std::string, Gen> args) {
  Env env;
  for (const Param &p : block.params) {
    auto it = args.find(p.name);
    if (it != args.end()) {
      env[p.name] = it->second;
    } else {
      Env empty;
      env[p.name] = eval(*p.defaultValue, empty);
    }
  }
  std::string savedScope = scope_;
  scope_ = freshName(block.name);
  std::optional<Gen> result = runBody(block.body, env);
  scope_ = savedScope;
  return result ? *result : Gen{};
}

} // namespace nas::mlirgen
