//===- Sections.cpp - The train and search sections -------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "nas/Dialect/Nas/NasOps.h"
#include <algorithm>

namespace nas::mlirgen {

using namespace nas::dsl;

Gen Generator::evalSpec(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  // A decision in a spec is named after its argument: train.optimizer.lr.
  Gen g;
  g.kind = Gen::Kind::Spec;
  g.text = callExpr.callee->as<NameExpr>()->name;
  std::string savedScope = scope_;
  if (!exactName.empty())
    scope_ += "." + exactName;
  for (const Argument &arg : callExpr.args)
    g.settings.emplace_back(arg.keyword, eval(*arg.value, env, arg.keyword));
  scope_ = savedScope;
  return g;
}

//===----------------------------------------------------------------------===//
// train and search
//===----------------------------------------------------------------------===//

void Generator::emitSetting(const std::string &key, const Gen &value, Location l) {
  auto setting = [&](Attribute constant, Value v) {
    space::SettingOp::create(builder_, l, builder_.getStringAttr(key), constant, v);
  };
  switch (value.kind) {
  case Gen::Kind::Int:
    if (value.intConst)
      return setting(builder_.getI64IntegerAttr(*value.intConst), {});
    return setting({}, value.value);
  case Gen::Kind::Float:
    if (value.floatConst)
      return setting(builder_.getF64FloatAttr(*value.floatConst), {});
    return setting({}, value.value);
  case Gen::Kind::Spec:
    setting(builder_.getStringAttr(value.text), {});
    for (const auto &[name, v] : value.settings)
      emitSetting(key + "." + name, v, l);
    return;
  case Gen::Kind::Symbol:
    if (!value.selector)
      return setting(builder_.getStringAttr(value.text), {});
    emitSwitch(value.selector, value.selectorPath, value.choices.size(), l, [&](size_t i) {
      setting(builder_.getStringAttr(value.choices[i]), {});
      return std::vector<Gen>{};
    });
    return;
  default: return;
  }
}

void Generator::emitSection(const Section &section) {
  Location l = loc(section.range);
  auto op = space::SectionOp::create(builder_, l, section.isTrain ? "train" : "search");
  Block *body = new Block();
  op.getBody().push_back(body);
  OpBuilder::InsertionGuard guard(builder_);
  builder_.setInsertionPointToStart(body);
  std::string savedScope = scope_, savedBase = regionBase_;
  scope_ = section.isTrain ? "train" : "search";
  regionBase_.clear();
  for (const SectionEntry &entry : section.entries) {
    Location el = loc(entry.range);
    if (entry.kind == SectionEntry::Kind::Objective) {
      space::SettingOp::create(builder_, el, builder_.getStringAttr(entry.key), builder_.getStringAttr(entry.metric),
                               Value());
      continue;
    }
    Env env;
    if (entry.kind == SectionEntry::Kind::Constraint) {
      Gen bound = eval(*entry.value, env);
      double b = bound.floatConst ? *bound.floatConst : static_cast<double>(*bound.intConst);
      space::SettingOp::create(
          builder_, el, builder_.getStringAttr("constraint"),
          builder_.getArrayAttr({builder_.getStringAttr(entry.metric), builder_.getStringAttr(entry.comparison),
                                 builder_.getF64FloatAttr(b)}),
          Value());
      continue;
    }
    // A choice among specs (oneof(sgd(...), adam(...))): each candidate's
    // settings go in its region of a switch.
    auto call = entry.value->as<CallExpr>();
    auto callee = call ? call->callee->as<NameExpr>() : nullptr;
    if (callee && callee->name == "oneof") {
      std::vector<const Expr *> specs;
      for (const Argument &arg : call->args)
        if (arg.keyword.empty())
          specs.push_back(arg.value.get());
      bool allSpecs = std::all_of(specs.begin(), specs.end(), [](const Expr *e) {
        auto c = e->as<CallExpr>();
        auto n = c ? c->callee->as<NameExpr>() : nullptr;
        return n && findSpecFamily(n->name);
      });
      if (allSpecs) {
        std::string path = decisionPath(call, "oneof", entry.key);
        SmallVector<StringRef> labels;
        std::vector<std::string> texts;
        for (const Expr *e : specs)
          texts.emplace_back(file_.slice(e->range));
        for (const std::string &t : texts)
          labels.push_back(t);
        Value selector = space::OneOfOp::create(builder_, el, builder_.getIndexType(), relative(path),
                                                builder_.getStrArrayAttr(labels), hintOf(builder_, call));
        emitSwitch(selector, path, specs.size(), el, [&](size_t i) {
          emitSetting(entry.key, eval(*specs[i], env), el);
          return std::vector<Gen>{};
        });
        continue;
      }
    }
    emitSetting(entry.key, eval(*entry.value, env, entry.key), el);
  }
  scope_ = savedScope;
  regionBase_ = savedBase;
}

} // namespace nas::mlirgen
