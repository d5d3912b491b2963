//===- Ops.cpp - The built-in ops as nn ops ---------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "nas/Dialect/NN/NNOps.h"

namespace nas::mlirgen {

using namespace nas::dsl;

Gen Generator::applyOp(const OpSpec &spec, const CallExpr &callExpr, std::map<std::string, Gen> args,
                       std::vector<Gen> tensors) {
  Location l = loc(callExpr.range);
  // A name decided among choices (bias = oneof(true, false)) cannot be an
  // operand: the op is emitted once per choice, in a switch.
  for (auto &[key, g] : args) {
    if (g.kind != Gen::Kind::Symbol || !g.selector)
      continue;
    Gen decided = g;
    std::string name = key;
    return emitSwitch(decided.selector, decided.selectorPath, decided.choices.size(), l,
                      [&](size_t i) {
                        std::map<std::string, Gen> fixed = args;
                        fixed[name].selector = Value();
                        fixed[name].text = decided.choices[i];
                        fixed[name].choices.clear();
                        return std::vector<Gen>{applyOp(spec, callExpr, fixed, tensors)};
                      })
        .front();
  }

  // Every setting becomes an attribute when it is a constant and a decided
  // operand (named in `decided_names`) when it depends on a decision; an
  // omitted setting takes its default from the op's table. A flag left out
  // (bias) is left to the op, whose default is the same.
  SmallVector<NamedAttribute> attrs;
  SmallVector<Value> operands, decided;
  SmallVector<StringRef> decidedNames;
  auto setting = [&](const char *key, const Gen &value, bool isFloat) {
    if (value.intConst && !isFloat)
      attrs.push_back(builder_.getNamedAttr(key, builder_.getI64IntegerAttr(*value.intConst)));
    else if (value.floatConst || value.intConst)
      attrs.push_back(builder_.getNamedAttr(
          key, builder_.getF64FloatAttr(value.floatConst ? *value.floatConst : static_cast<double>(*value.intConst))));
    else {
      decided.push_back(materialize(value, l));
      decidedNames.push_back(key);
    }
  };
  for (const Gen &t : tensors)
    operands.push_back(t.value);
  for (const ParamSpec &p : spec.params) {
    std::optional<Gen> value = argumentOrDefault(spec, p, args);
    if (!value)
      continue;
    switch (p.kind) {
    case ParamKind::Tensor: operands.push_back(value->value); break;
    case ParamKind::Bool:
      if (args.count(p.name))
        attrs.push_back(builder_.getNamedAttr(p.name, builder_.getBoolAttr(value->text == "true")));
      break;
    case ParamKind::Padding:
      // `same` is the op's `same` flag (the nn dialect knows the rule),
      // `valid` no padding, a number that many pixels.
      if (value->kind != Gen::Kind::Symbol)
        setting(p.name, *value, false);
      else if (value->text == "same")
        attrs.push_back(builder_.getNamedAttr("same", builder_.getUnitAttr()));
      else
        setting(p.name, constInt(0), false);
      break;
    default: setting(p.name, *value, p.kind == ParamKind::Float); break;
    }
  }
  if (!decided.empty())
    attrs.push_back(builder_.getNamedAttr("decided_names", builder_.getStrArrayAttr(decidedNames)));
  operands.append(decided.begin(), decided.end());
  OperationState state(l, "nn." + std::string(spec.name));
  state.addOperands(operands);
  state.addTypes(UnrankedTensorType::get(builder_.getF32Type()));
  state.addAttributes(attrs);
  Operation *op = builder_.create(state);
  // The result type follows from the operands and settings, by the same
  // rules the checks applied: a failure here is nasc's bug, not the user's.
  if (auto shaped = dyn_cast<nn::ShapeInference>(op); shaped && failed(shaped.inferShapes())) {
    emitError(l) << "internal error: the checks accepted this " << spec.name
                 << " but its shape inference did not; please report it with the file";
    failed_ = true;
  }
  return fromValue(op->getResult(0));
}

std::optional<Gen> Generator::argumentOrDefault(const OpSpec &op, const ParamSpec &param,
                                                const std::map<std::string, Gen> &args) {
  if (auto it = args.find(param.name); it != args.end())
    return it->second;
  const Default &d = param.defaultValue;
  switch (d.kind) {
  case Default::Kind::None: return std::nullopt;
  case Default::Kind::Number:
    return param.kind == ParamKind::Float ? constFloat(d.number) : constInt(static_cast<int64_t>(d.number));
  case Default::Kind::Symbol: {
    Gen g;
    g.kind = Gen::Kind::Symbol;
    g.text = d.name;
    return g;
  }
  case Default::Kind::Parameter: return argumentOrDefault(op, *op.param(d.name), args);
  }
  return std::nullopt;
}

} // namespace nas::mlirgen
