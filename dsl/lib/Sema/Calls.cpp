//===- Calls.cpp - Calls of ops and blocks ----------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include <algorithm>

namespace nas::dsl::sema {

Value Elaborator::evalCall(const CallExpr &call, Env &env, const std::string &decisionName) {
  if (auto name = call.callee->as<NameExpr>()) {
    if (isHyperPrimitive(name->name) && !env.count(name->name))
      return evalHyper(call, name->name, env, decisionName);
    // A block of the same name wins, as in MLIRGen.
    if (!env.count(name->name) && !blocks_.count(name->name))
      if (const SpecFamily *family = findSpecFamily(name->name))
        return evalSpec(call, *family, env, decisionName.empty() ? scope_ : scope_ + "." + decisionName);
  }
  for (const Argument &arg : call.args)
    if (arg.isAnnotation)
      error(arg.keywordRange, "only decisions (oneof, manyof, int, floatv, optional) take '" + arg.keyword + ":'");
  Value callee = eval(*call.callee, env);
  if (callee.kind == Value::Kind::None)
    return {};
  if (callee.kind != Value::Kind::Callable) {
    error(call.callee->range, std::string("this is ") + kindName(callee.kind) + ", not an op or block to call");
    return {};
  }
  return callValue(callee, call, env);
}

namespace {
bool allOf(const std::vector<std::string> &names, std::initializer_list<const char *> allowed) {
  return std::all_of(names.begin(), names.end(), [&](const std::string &n) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char *a) { return n == a; });
  });
}
} // namespace

bool Elaborator::expectKind(const Value &v, ParamKind kind, SourceRange range,
                            const std::function<std::string()> &what) {
  if (v.kind == Value::Kind::None)
    return false;
  bool ok = false;
  switch (kind) {
  case ParamKind::Tensor: ok = v.kind == Value::Kind::Tensor; break;
  case ParamKind::Int: ok = v.kind == Value::Kind::Int; break;
  case ParamKind::Float: ok = v.kind == Value::Kind::Float || v.kind == Value::Kind::Int; break;
  case ParamKind::Bool: ok = v.kind == Value::Kind::Symbol && allOf(v.symbols(), {"true", "false"}); break;
  case ParamKind::Padding:
    ok = v.kind == Value::Kind::Int || (v.kind == Value::Kind::Symbol && allOf(v.symbols(), {"same", "valid"}));
    break;
  case ParamKind::Symbol: ok = v.kind == Value::Kind::Symbol || v.kind == Value::Kind::String; break;
  case ParamKind::Callable: ok = v.kind == Value::Kind::Callable; break;
  case ParamKind::Any: ok = true; break;
  }
  if (!ok) {
    std::string got = v.kind == Value::Kind::Symbol ? "'" + joinNames(v.symbols()) + "'" : kindName(v.kind);
    error(v.origin.end > v.origin.begin ? v.origin : range,
          what() + " must be " + paramKindName(kind) + ", not " + got);
  }
  return ok;
}

Value Elaborator::callValue(const Value &callee, const CallExpr &call, Env &env) {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> named;
  for (const Argument &arg : call.args) {
    if (arg.isAnnotation)
      continue;
    Value v = eval(*arg.value, env);
    v.origin = arg.value->range;
    if (arg.keyword.empty())
      positional.push_back(std::move(v));
    else
      named.emplace_back(arg.keyword, std::move(v));
  }
  std::vector<Value> results;
  if (!callee.decision) {
    // Several callees without a decision of their own: an element of a
    // manyof. Their decisions would have no candidate to belong to.
    for (const Callee &c : callee.callees) {
      size_t before = space_->size();
      results.push_back(callOne(c, call, positional, named));
      if (callee.callees.size() > 1 && space_->size() > before) {
        error(call.range, "'" + c.name() + "', a candidate of manyof, makes decisions of its own",
              "give the candidates of manyof no decisions, or choose with oneof");
        return {};
      }
    }
    return joinValues(results);
  }
  // A choice among ops or blocks: each alternative's own decisions belong to
  // that alternative's sub-space.
  DecisionPoint *d = callee.decision;
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  for (size_t i = 0; i < callee.callees.size() && i < d->subspaces.size(); ++i) {
    scope_ = d->path + "[" + std::to_string(i) + "]";
    space_ = &d->subspaces[i];
    size_t before = d->subspaces[i].size();
    results.push_back(callOne(callee.callees[i], call, positional, named));
    // A choice made outside a repeat is one decision for every repetition;
    // decisions its candidates make would have to be one per repetition,
    // which the choice's sub-space cannot say.
    if (d->subspaces[i].size() > before && repeatDepth_ > repeatDepthOf_[d])
      error(call.range,
            "'" + callee.callees[i].name() + "', a candidate of '" + d->path +
                "', makes decisions of its own, so it cannot be called inside a 'repeat' when the choice is made "
                "outside it",
            "make the choice inside the loop, or give '" + callee.callees[i].name() + "' no decisions");
  }
  scope_ = savedScope;
  space_ = savedSpace;
  Value joined = joinValues(results);
  if (joined.kind == Value::Kind::None && !results.empty()) {
    bool anyFailed =
        std::any_of(results.begin(), results.end(), [](const Value &v) { return v.kind == Value::Kind::None; });
    if (!anyFailed)
      error(call.range, "the alternatives of this choice return values of different kinds");
  }
  return joined;
}

namespace {
/// The `index`-th named argument of a call (annotations are not arguments).
const Argument &namedArgument(const CallExpr &call, size_t index) {
  for (const Argument &arg : call.args)
    if (!arg.keyword.empty() && !arg.isAnnotation && index-- == 0)
      return arg;
  return call.args.back(); // not reached: the binder counts the same arguments
}
} // namespace

Value Elaborator::callOne(const Callee &callee, const CallExpr &call, const std::vector<Value> &positional,
                          const std::vector<std::pair<std::string, Value>> &named) {
  using Problem = BoundArguments<Value>::Problem;
  BoundArguments<Value> bound = bindArguments(
      callee, positional, named, [](const Value &v) { return v.kind == Value::Kind::List ? &v.elements : nullptr; },
      [](const Value &v) { return v.kind == Value::Kind::Tensor || v.kind == Value::Kind::None; });
  std::string calleeName = callee.name();
  switch (bound.problem) {
  case Problem::None: break;
  case Problem::NotATensor:
    error(call.range, calleeName + " takes tensors (or a list of them) as positional arguments, not " +
                          kindName(positional[bound.index].kind));
    return {};
  case Problem::TooMany:
    error(call.range, calleeName + " takes at most " + std::to_string(callee.parameterNames().size()) +
                          " arguments, but got " + std::to_string(positional.size()));
    return {};
  case Problem::UnknownParameter: {
    const Argument &arg = namedArgument(call, bound.index);
    std::string guess = closestMatch(arg.keyword, callee.parameterNames());
    error(arg.keywordRange, calleeName + " has no parameter '" + arg.keyword + "'",
          guess.empty() ? "" : "did you mean '" + guess + "'?");
    return {};
  }
  case Problem::GivenTwice: {
    const Argument &arg = namedArgument(call, bound.index);
    error(arg.keywordRange, "argument '" + arg.keyword + "' of " + calleeName + " is given twice");
    return {};
  }
  }
  if (callee.block)
    return callBlock(*callee.block, call, std::move(bound.byName));
  return applyOp(*callee.op, call, bound.byName, bound.tensors);
}

Value Elaborator::callBlock(const Function &block, const CallExpr &call, std::map<std::string, Value> args) {
  if (std::find(callStack_.begin(), callStack_.end(), &block) != callStack_.end()) {
    std::string chain;
    for (const Function *fn : callStack_)
      chain += fn->name + " -> ";
    error(call.range, "block '" + block.name + "' calls itself (" + chain + block.name + ")",
          "blocks cannot be recursive; use 'repeat' to stack layers");
    return {};
  }
  calledBlocks_.insert(&block);
  Env env;
  for (const Param &p : block.params) {
    auto it = args.find(p.name);
    Value v;
    if (it != args.end()) {
      v = it->second;
    } else if (p.defaultValue) {
      Env empty;
      v = eval(*p.defaultValue, empty);
    } else {
      error(call.range, "block '" + block.name + "' needs argument '" + p.name + "'");
      return {};
    }
    ParamKind kind = p.type.kind == TypeSpec::Kind::Int     ? ParamKind::Int
                     : p.type.kind == TypeSpec::Kind::Float ? ParamKind::Float
                     : p.type.kind == TypeSpec::Kind::Op    ? ParamKind::Callable
                                                            : ParamKind::Tensor;
    if (!expectKind(v, kind, it != args.end() ? call.range : p.nameRange,
                    [&] { return "argument '" + p.name + "' of block '" + block.name + "'"; }))
      return {};
    env[p.name] = Binding{v, false, p.nameRange};
  }
  std::string savedScope = scope_;
  scope_ = freshName(block.name);
  callStack_.push_back(&block);
  std::optional<Value> result = runBody(block.body, env, true);
  callStack_.pop_back();
  scope_ = savedScope;
  if (!result) {
    error(block.nameRange, "block '" + block.name + "' does not return a value", "end its body with 'return ...'");
    return {};
  }
  return *result;
}

} // namespace nas::dsl::sema
