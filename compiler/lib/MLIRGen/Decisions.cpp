//===- Decisions.cpp - oneof and manyof, and the paths of decisions ---------===//
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

StringAttr hintOf(OpBuilder &b, const CallExpr *call) {
  std::optional<std::string> hint = call ? annotation(*call, "hint") : std::nullopt;
  return hint ? b.getStringAttr(*hint) : StringAttr();
}

std::string Generator::decisionPath(const CallExpr *call, const std::string &kind, const std::string &exact) {
  std::optional<std::string> annotated = call ? annotation(*call, "name") : std::nullopt;
  return namer_.path(scope_, annotated.value_or(""), exact, kind);
}

Gen Generator::evalOneOf(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  std::string path = decisionPath(&callExpr, "oneof", exactName);
  std::vector<const Argument *> candidates;
  for (const Argument &arg : callExpr.args)
    if (arg.keyword.empty())
      candidates.push_back(&arg);
  // Numbers become a value choice; the value is the result.
  bool ints = true, numbers = true;
  for (const Argument *c : candidates) {
    ints = ints && c->value->as<IntegerExpr>();
    numbers = numbers && (c->value->as<IntegerExpr>() || c->value->as<FloatExpr>());
  }
  if (numbers) {
    SmallVector<Attribute> values;
    Gen g;
    for (const Argument *c : candidates) {
      if (ints) {
        int64_t v = c->value->as<IntegerExpr>()->value;
        values.push_back(builder_.getI64IntegerAttr(v));
        g.choices.push_back(std::to_string(v));
      } else {
        double v = c->value->as<FloatExpr>() ? c->value->as<FloatExpr>()->value
                                             : static_cast<double>(c->value->as<IntegerExpr>()->value);
        values.push_back(builder_.getF64FloatAttr(v));
      }
    }
    Type type = ints ? Type(builder_.getIndexType()) : Type(builder_.getF64Type());
    Gen result = fromValue(space::OneOfValueOp::create(builder_, l, type, relative(path), builder_.getArrayAttr(values),
                                                       hintOf(builder_, &callExpr)));
    return result;
  }
  SmallVector<StringRef> labels;
  std::vector<std::string> texts;
  for (const Argument *c : candidates)
    texts.emplace_back(file_.slice(c->value->range));
  for (const std::string &t : texts)
    labels.push_back(t);
  auto oneof = space::OneOfOp::create(builder_, l, builder_.getIndexType(), relative(path),
                                      builder_.getStrArrayAttr(labels), hintOf(builder_, &callExpr));
  Value selector = oneof;
  // Ops, blocks and names are chosen where they are used; sub-networks and
  // computed values are generated in one switch region each.
  bool deferred = true;
  for (size_t i = 0; i < candidates.size() && deferred; ++i) {
    auto name = candidates[i]->value->as<NameExpr>();
    deferred =
        candidates[i]->value->as<StringExpr>() ||
        (name && !env.count(name->name) && (findOp(name->name) || blocks_.count(name->name) || isSymbol(name->name)));
  }
  if (deferred) {
    Gen g;
    for (const Argument *c : candidates) {
      Gen v = eval(*c->value, env);
      g.kind = v.kind;
      if (v.kind == Gen::Kind::Callable)
        g.callees.push_back(v.callees.front());
      else
        g.choices.push_back(v.text);
    }
    g.selector = selector;
    g.selectorPath = path;
    return g;
  }
  std::vector<Gen> results = emitSwitch(selector, path, candidates.size(), l,
                                        [&](size_t i) { return std::vector<Gen>{eval(*candidates[i]->value, env)}; });
  return results.empty() ? Gen{} : results.front();
}

Gen Generator::evalManyOf(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  std::string path = decisionPath(&callExpr, "manyof", exactName);
  std::vector<const Argument *> positional;
  bool distinct = true, sorted = false;
  for (const Argument &arg : callExpr.args) {
    if (arg.keyword.empty())
      positional.push_back(&arg);
    else if (!arg.isAnnotation)
      (arg.keyword == "distinct" ? distinct : sorted) = arg.value->as<NameExpr>()->name == "true";
  }
  int64_t k = *eval(*positional[0]->value, env).intConst;
  SmallVector<StringRef> labels;
  std::vector<std::string> texts;
  std::vector<Gen> candidates;
  for (size_t i = 1; i < positional.size(); ++i) {
    texts.emplace_back(file_.slice(positional[i]->value->range));
    candidates.push_back(eval(*positional[i]->value, env));
  }
  for (const std::string &t : texts)
    labels.push_back(t);
  SmallVector<Type> types(k, builder_.getIndexType());
  auto op = space::ManyOfOp::create(builder_, l, types, relative(path), builder_.getStrArrayAttr(labels), distinct,
                                    sorted, hintOf(builder_, &callExpr));
  Gen list;
  list.kind = Gen::Kind::List;
  for (int64_t i = 0; i < k; ++i) {
    Gen element;
    element.kind = candidates.front().kind;
    element.selector = op.getResult(i);
    element.selectorPath = path;
    if (element.kind == Gen::Kind::Callable) {
      for (const Gen &c : candidates)
        element.callees.push_back(c.callees.front());
    } else if (element.kind == Gen::Kind::Symbol) {
      for (const Gen &c : candidates)
        element.choices.push_back(c.text);
    } else {
      // Numbers: a switch yields the chosen one.
      element = emitSwitch(op.getResult(i), path, candidates.size(), l, [&](size_t j) {
                  return std::vector<Gen>{candidates[j]};
                }).front();
    }
    list.elements.push_back(element);
  }
  return list;
}

Gen Generator::evalDecision(const CallExpr &callExpr, const std::string &fn, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  std::vector<const Argument *> positional;
  for (const Argument &arg : callExpr.args)
    if (arg.keyword.empty())
      positional.push_back(&arg);
  if (fn == "oneof")
    return evalOneOf(callExpr, env, exactName);
  if (fn == "manyof")
    return evalManyOf(callExpr, env, exactName);
  if (fn == "int") {
    std::string path = decisionPath(&callExpr, "int", exactName);
    int64_t lo = *eval(*positional[0]->value, env).intConst, hi = *eval(*positional[1]->value, env).intConst;
    return fromValue(space::IntOp::create(builder_, l, builder_.getIndexType(), relative(path), lo, hi,
                                          hintOf(builder_, &callExpr)));
  }
  if (fn == "floatv") {
    std::string path = decisionPath(&callExpr, "floatv", exactName);
    auto bound = [&](const Argument *a) {
      Gen g = eval(*a->value, env);
      return g.floatConst ? *g.floatConst : static_cast<double>(*g.intConst);
    };
    bool log = positional.size() == 3 && positional[2]->value->as<NameExpr>()->name == "log";
    return fromValue(space::FloatOp::create(builder_, l, builder_.getF64Type(), relative(path),
                                            llvm::APFloat(bound(positional[0])), llvm::APFloat(bound(positional[1])),
                                            log, hintOf(builder_, &callExpr)));
  }
  if (fn == "optional") {
    std::string path = decisionPath(&callExpr, "optional", exactName);
    auto optional = space::OptionalOp::create(
        builder_, l, builder_.getIndexType(), builder_.getStringAttr(relative(path)),
        builder_.getStringAttr(file_.slice(positional[0]->value->range)), hintOf(builder_, &callExpr));
    Value selector = optional;
    Gen inner;
    {
      std::string savedScope = scope_, savedBase = regionBase_;
      scope_ = regionBase_ = path + "[1]";
      inner = eval(*positional[0]->value, env);
      scope_ = savedScope;
      regionBase_ = savedBase;
    }
    Gen g = inner;
    g.callees.insert(g.callees.begin(), Callee{findOp("identity"), nullptr});
    g.selector = selector;
    g.selectorPath = path;
    return g;
  }
  return {};
}

} // namespace nas::mlirgen
