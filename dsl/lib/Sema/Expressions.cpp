//===- Expressions.cpp - Numbers, names and arithmetic ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include <limits>

namespace nas::dsl::sema {

Value Elaborator::eval(const Expr &expr, Env &env, const std::string &decisionName) {
  tick(expr.range);
  switch (expr.kind) {
  case Expr::Kind::Integer: return intValue(expr.as<IntegerExpr>()->value);
  case Expr::Kind::Float: return floatValue(expr.as<FloatExpr>()->value);
  case Expr::Kind::String: {
    Value v;
    v.kind = Value::Kind::String;
    v.text = expr.as<StringExpr>()->value;
    return v;
  }
  case Expr::Kind::Name: return evalName(*expr.as<NameExpr>(), env);
  case Expr::Kind::List: {
    Value v;
    v.kind = Value::Kind::List;
    for (const ExprPtr &e : expr.as<ListExpr>()->elements)
      v.elements.push_back(eval(*e, env));
    return v;
  }
  case Expr::Kind::Call: return evalCall(*expr.as<CallExpr>(), env, decisionName);
  case Expr::Kind::Binary: return evalBinary(*expr.as<BinaryExpr>(), env);
  case Expr::Kind::Negate: {
    Value v = eval(*expr.as<NegateExpr>()->operand, env);
    if (v.kind == Value::Kind::Int) {
      if (v.intValue && *v.intValue == std::numeric_limits<long long>::min()) {
        error(expr.range, "integer overflow");
        return intValue(std::nullopt);
      }
      return intValue(v.intValue ? std::optional<long long>(-*v.intValue) : std::nullopt);
    }
    if (v.kind == Value::Kind::Float)
      return floatValue(v.floatValue ? std::optional<double>(-*v.floatValue) : std::nullopt);
    error(expr.range, std::string("'-' needs a number, not ") + kindName(v.kind));
    return {};
  }
  }
  return {};
}

Value Elaborator::evalName(const NameExpr &name, Env &env) {
  if (auto it = env.find(name.name); it != env.end()) {
    if (it->second.usedFlag)
      *it->second.usedFlag = true;
    return it->second.value;
  }
  Value v;
  if (const OpSpec *op = findOp(name.name)) {
    v.kind = Value::Kind::Callable;
    v.callees = {Callee{op, nullptr}};
    return v;
  }
  if (auto it = blocks_.find(name.name); it != blocks_.end()) {
    v.kind = Value::Kind::Callable;
    v.callees = {Callee{nullptr, it->second}};
    return v;
  }
  if (isSymbol(name.name)) {
    v.kind = Value::Kind::Symbol;
    v.text = name.name;
    return v;
  }
  // In a loop the same unknown name comes up again and again: the hint (an
  // edit distance to every known name) is worth computing once.
  std::string message = "unknown name '" + name.name + "'";
  if (reported_.count({name.range.begin, name.range.end, message}))
    return {};
  std::vector<std::string> known = builtinNames();
  for (auto &[n, b] : env)
    known.push_back(n);
  for (auto &[n, b] : blocks_)
    known.push_back(n);
  std::string guess = closestMatch(name.name, known);
  error(name.range, message, guess.empty() ? "" : "did you mean '" + guess + "'?");
  return {};
}

Value Elaborator::evalBinary(const BinaryExpr &expr, Env &env) {
  Value lhs = eval(*expr.lhs, env), rhs = eval(*expr.rhs, env);
  bool lhsNumber = lhs.kind == Value::Kind::Int || lhs.kind == Value::Kind::Float;
  bool rhsNumber = rhs.kind == Value::Kind::Int || rhs.kind == Value::Kind::Float;
  if (!lhsNumber || !rhsNumber) {
    if (lhs.kind != Value::Kind::None && rhs.kind != Value::Kind::None)
      error(expr.range,
            std::string("'") + expr.op + "' needs numbers, not " + kindName(lhsNumber ? rhs.kind : lhs.kind),
            lhs.kind == Value::Kind::Tensor || rhs.kind == Value::Kind::Tensor ? "to add tensors use add(a, b)" : "");
    return {};
  }
  if (lhs.kind == Value::Kind::Int && rhs.kind == Value::Kind::Int) {
    if (!lhs.intValue || !rhs.intValue)
      return intValue(std::nullopt); // depends on a decision: known once it is made
    long long a = *lhs.intValue, b = *rhs.intValue, r = 0;
    bool overflow = false;
    switch (expr.op) {
    case '+': overflow = __builtin_add_overflow(a, b, &r); break;
    case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
    case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
    case '/':
      if (b == 0) {
        error(expr.rhs->range, "division by zero");
        return intValue(std::nullopt);
      }
      overflow = a == std::numeric_limits<long long>::min() && b == -1;
      r = overflow ? 0 : a / b;
      break;
    }
    if (overflow) {
      error(expr.range, "integer overflow");
      return intValue(std::nullopt);
    }
    return intValue(r);
  }
  auto asDouble = [](const Value &v) -> std::optional<double> {
    if (v.kind == Value::Kind::Int)
      return v.intValue ? std::optional<double>(static_cast<double>(*v.intValue)) : std::nullopt;
    return v.floatValue;
  };
  std::optional<double> a = asDouble(lhs), b = asDouble(rhs);
  if (!a || !b)
    return floatValue(std::nullopt);
  switch (expr.op) {
  case '+': return floatValue(*a + *b);
  case '-': return floatValue(*a - *b);
  case '*': return floatValue(*a * *b);
  default:
    if (*b == 0) {
      error(expr.rhs->range, "division by zero");
      return floatValue(std::nullopt);
    }
    return floatValue(*a / *b);
  }
}

} // namespace nas::dsl::sema
