//===- Values.cpp - What the checker computes with --------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include <algorithm>

namespace nas::dsl::sema {

std::string shapeString(const Shape &shape) {
  if (!shape)
    return "f32[...]";
  std::string s = "f32[";
  for (size_t i = 0; i < shape->size(); ++i)
    s += (i ? ", " : "") + (*shape)[i].str();
  return s + "]";
}

const char *kindName(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::None: return "nothing";
  case Value::Kind::Tensor: return "a tensor";
  case Value::Kind::Int: return "an integer";
  case Value::Kind::Float: return "a number";
  case Value::Kind::String: return "a string";
  case Value::Kind::Symbol: return "a name";
  case Value::Kind::Callable: return "an op or block";
  case Value::Kind::List: return "a list";
  case Value::Kind::Optimizer: return "an optimizer";
  case Value::Kind::Algorithm: return "a search algorithm";
  }
  return "a value";
}

Value tensorValue(Shape shape) {
  Value v;
  v.kind = Value::Kind::Tensor;
  v.shape = std::move(shape);
  return v;
}
Value intValue(std::optional<long long> n) {
  Value v;
  v.kind = Value::Kind::Int;
  v.intValue = n;
  return v;
}
Value floatValue(std::optional<double> x) {
  Value v;
  v.kind = Value::Kind::Float;
  v.floatValue = x;
  return v;
}

Value joinValues(const std::vector<Value> &values) {
  if (values.empty())
    return {};
  // The same decision on every path (a `let` untouched by a loop) stays that
  // decision.
  bool sameDecision =
      std::all_of(values.begin(), values.end(), [&](const Value &v) { return v.decision == values.front().decision; });
  if (sameDecision && values.front().decision)
    return values.front();
  Value joined = values.front();
  joined.decision = nullptr;
  joined.intCandidates.clear();
  if (joined.kind == Value::Kind::Symbol && joined.symbolChoices.empty())
    joined.symbolChoices = {joined.text};
  for (const Value &v : values) {
    if (v.kind == Value::Kind::Float && joined.kind == Value::Kind::Int)
      joined = floatValue(std::nullopt);
    if (v.kind != joined.kind && !(v.kind == Value::Kind::Int && joined.kind == Value::Kind::Float))
      return {};
    if (joined.kind == Value::Kind::Tensor) {
      if (!v.shape || !joined.shape || v.shape->size() != joined.shape->size()) {
        joined.shape.reset();
      } else {
        for (size_t i = 0; i < v.shape->size(); ++i)
          if (!((*v.shape)[i] == (*joined.shape)[i]))
            (*joined.shape)[i] = Dim{};
      }
    }
    if (v.intValue != joined.intValue)
      joined.intValue.reset();
    if (v.floatValue != joined.floatValue)
      joined.floatValue.reset();
    if (v.text != joined.text)
      joined.text.clear();
    if (v.kind == Value::Kind::Symbol) {
      std::vector<std::string> choices = v.symbolChoices.empty() ? std::vector<std::string>{v.text} : v.symbolChoices;
      for (const std::string &c : choices)
        if (std::find(joined.symbolChoices.begin(), joined.symbolChoices.end(), c) == joined.symbolChoices.end())
          joined.symbolChoices.push_back(c);
    }
    if (&v != &values.front() && joined.kind == Value::Kind::Callable)
      joined.callees.insert(joined.callees.end(), v.callees.begin(), v.callees.end());
  }
  return joined;
}

Shape shapeOf(const TypeSpec &type) {
  if (type.kind != TypeSpec::Kind::Tensor)
    return std::nullopt;
  std::vector<Dim> dims;
  for (const DimSpec &d : type.dims)
    dims.push_back(Dim{d.size, d.symbol});
  return dims;
}

std::vector<const Argument *> positionalArgs(const CallExpr &call) {
  std::vector<const Argument *> out;
  for (const Argument &arg : call.args)
    if (arg.keyword.empty())
      out.push_back(&arg);
  return out;
}

} // namespace nas::dsl::sema
