//===- Expressions.cpp - Numbers, names and arithmetic ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace nas::mlirgen {

using namespace nas::dsl;

Gen Generator::eval(const Expr &expr, Env &env, const std::string &exactName) {
  switch (expr.kind) {
  case Expr::Kind::Integer: return constInt(expr.as<IntegerExpr>()->value);
  case Expr::Kind::Float: return constFloat(expr.as<FloatExpr>()->value);
  case Expr::Kind::String: {
    Gen g;
    g.kind = Gen::Kind::Symbol;
    g.text = expr.as<StringExpr>()->value;
    return g;
  }
  case Expr::Kind::Name: {
    const std::string &name = expr.as<NameExpr>()->name;
    if (auto it = env.find(name); it != env.end())
      return it->second;
    Gen g;
    if (const OpSpec *op = findOp(name)) {
      g.kind = Gen::Kind::Callable;
      g.callees = {Callee{op, nullptr}};
    } else if (auto it = blocks_.find(name); it != blocks_.end()) {
      g.kind = Gen::Kind::Callable;
      g.callees = {Callee{nullptr, it->second}};
    } else {
      g.kind = Gen::Kind::Symbol;
      g.text = name;
    }
    return g;
  }
  case Expr::Kind::List: {
    Gen g;
    g.kind = Gen::Kind::List;
    for (const ExprPtr &e : expr.as<ListExpr>()->elements)
      g.elements.push_back(eval(*e, env));
    return g;
  }
  case Expr::Kind::Call: return evalCall(*expr.as<CallExpr>(), env, exactName);
  case Expr::Kind::Binary: return evalBinary(*expr.as<BinaryExpr>(), env);
  case Expr::Kind::Negate: {
    Gen v = eval(*expr.as<NegateExpr>()->operand, env);
    Location l = loc(expr.range);
    if (v.kind == Gen::Kind::Int) {
      if (v.intConst)
        return constInt(-*v.intConst);
      Value zero = arith::ConstantIndexOp::create(builder_, l, 0);
      return fromValue(arith::SubIOp::create(builder_, l, zero, v.value));
    }
    if (v.floatConst)
      return constFloat(-*v.floatConst);
    return fromValue(arith::NegFOp::create(builder_, l, v.value));
  }
  }
  return {};
}

Gen Generator::evalBinary(const BinaryExpr &expr, Env &env) {
  Gen a = eval(*expr.lhs, env), b = eval(*expr.rhs, env);
  Location l = loc(expr.range);
  if (a.kind == Gen::Kind::Int && b.kind == Gen::Kind::Int) {
    if (a.intConst && b.intConst) {
      int64_t x = *a.intConst, y = *b.intConst;
      switch (expr.op) {
      case '+': return constInt(x + y);
      case '-': return constInt(x - y);
      case '*': return constInt(x * y);
      default: return constInt(x / y);
      }
    }
    Value x = materialize(a, l), y = materialize(b, l);
    switch (expr.op) {
    case '+': return fromValue(arith::AddIOp::create(builder_, l, x, y));
    case '-': return fromValue(arith::SubIOp::create(builder_, l, x, y));
    case '*': return fromValue(arith::MulIOp::create(builder_, l, x, y));
    default: return fromValue(arith::DivSIOp::create(builder_, l, x, y));
    }
  }
  auto asFloat = [&](const Gen &g) -> Gen {
    if (g.kind == Gen::Kind::Float)
      return g;
    if (g.intConst)
      return constFloat(static_cast<double>(*g.intConst));
    Value i64 = arith::IndexCastOp::create(builder_, l, builder_.getI64Type(), g.value);
    return fromValue(arith::SIToFPOp::create(builder_, l, builder_.getF64Type(), i64));
  };
  Gen fa = asFloat(a), fb = asFloat(b);
  if (fa.floatConst && fb.floatConst) {
    double x = *fa.floatConst, y = *fb.floatConst;
    switch (expr.op) {
    case '+': return constFloat(x + y);
    case '-': return constFloat(x - y);
    case '*': return constFloat(x * y);
    default: return constFloat(x / y);
    }
  }
  Value x = materialize(fa, l), y = materialize(fb, l);
  switch (expr.op) {
  case '+': return fromValue(arith::AddFOp::create(builder_, l, x, y));
  case '-': return fromValue(arith::SubFOp::create(builder_, l, x, y));
  case '*': return fromValue(arith::MulFOp::create(builder_, l, x, y));
  default: return fromValue(arith::DivFOp::create(builder_, l, x, y));
  }
}

} // namespace nas::mlirgen
