//===- Statements.cpp - Statements, repeats and switches --------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "nas/Dialect/Nas/NasOps.h"

namespace nas::mlirgen {

using namespace nas::dsl;

std::optional<Gen> Generator::runBody(const Body &body, Env &env) {
  std::optional<Gen> result;
  for (const StmtPtr &stmt : body) {
    if (result)
      break; // code after return (warned about by the checks)
    runStatement(*stmt, env, result);
  }
  return result;
}

void Generator::runStatement(const Stmt &stmt, Env &env, std::optional<Gen> &result) {
  switch (stmt.kind) {
  case Stmt::Kind::Bind: {
    auto &bind = *stmt.as<BindStmt>();
    env[bind.name] = eval(*bind.value, env, bind.isLet ? bind.name : "");
    return;
  }
  case Stmt::Kind::Repeat: return runRepeat(*stmt.as<RepeatStmt>(), env);
  case Stmt::Kind::For: return runFor(*stmt.as<ForStmt>(), env);
  case Stmt::Kind::Optional: return runOptional(*stmt.as<OptionalStmt>(), env);
  case Stmt::Kind::Return: result = eval(*stmt.as<ReturnStmt>()->value, env); return;
  }
}

void Generator::runRepeat(const RepeatStmt &stmt, Env &env) {
  Location l = loc(stmt.range);
  std::string base = freshName("repeat");
  Gen count = eval(*stmt.count, env, base.substr(scope_.size() + 1));
  Value countValue = materialize(count, l);

  // Every outer value that can flow through the loop gets a block argument;
  // the ones the body leaves alone are taken out again below.
  auto *body = new Block();
  body->addArgument(builder_.getIndexType(), l);
  std::vector<std::string> carried;
  Env inner = env;
  for (auto &[name, g] : env) {
    Type type = typeOf(g);
    if (!type)
      continue;
    carried.push_back(name);
    inner[name] = fromValue(body->addArgument(type, l));
  }
  {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(body);
    std::string savedScope = scope_, savedBase = regionBase_;
    scope_ = regionBase_ = base + "[*]";
    runBody(stmt.body, inner);
    // A name the body set to a constant (`c = 32`) is carried like any value.
    for (const std::string &name : carried)
      if (!inner[name].value && typeOf(inner[name]))
        inner[name] = fromValue(materialize(inner[name], l));
    scope_ = savedScope;
    regionBase_ = savedBase;
  }
  SmallVector<Value> inits, yields;
  SmallVector<Type> types;
  std::vector<std::string> kept;
  unsigned argIndex = 1;
  for (const std::string &name : carried) {
    BlockArgument arg = body->getArgument(argIndex);
    Value after = inner[name].value ? inner[name].value : Value();
    if (!after || after == arg) {
      // Unchanged by the body: use the outer value directly.
      arg.replaceAllUsesWith(materialize(env[name], l));
      body->eraseArgument(argIndex);
      continue;
    }
    inits.push_back(materialize(env[name], l));
    yields.push_back(after);
    types.push_back(arg.getType());
    kept.push_back(name);
    ++argIndex;
  }
  {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToEnd(body);
    space::YieldOp::create(builder_, l, yields);
  }
  auto repeat = space::RepeatOp::create(builder_, l, types, builder_.getStringAttr(relative(base)), countValue, inits);
  repeat.getBody().push_back(body);
  for (auto [name, result] : llvm::zip(kept, repeat.getResults()))
    env[name] = fromValue(result);
}

void Generator::runFor(const ForStmt &stmt, Env &env) {
  Gen list = eval(*stmt.list, env);
  for (size_t i = 0; i < list.elements.size(); ++i) {
    Env inner = env;
    inner[stmt.variable] = list.elements[i];
    std::string savedScope = scope_;
    scope_ = scope_ + "." + stmt.variable + "[" + std::to_string(i) + "]";
    runBody(stmt.body, inner);
    scope_ = savedScope;
    for (auto &[name, g] : env)
      g = inner[name];
  }
}

void Generator::runOptional(const OptionalStmt &stmt, Env &env) {
  Location l = loc(stmt.range);
  std::string path = stmt.decisionName ? scope_ + "." + *stmt.decisionName : freshName("optional");
  Value selector =
      space::OptionalOp::create(builder_, l, builder_.getIndexType(), builder_.getStringAttr(relative(path)),
                                builder_.getStringAttr("{ ... }"), StringAttr());
  // Region 1 runs the body; the values it changes are what both regions yield.
  std::vector<std::string> changedNames;
  std::vector<Gen> after = emitSwitch(selector, path, 2, l, [&](size_t i) {
    std::vector<Gen> out;
    if (i == 1) {
      Env inner = env;
      runBody(stmt.body, inner);
      for (auto &[name, g] : env) {
        const Gen &now = inner[name];
        bool changed = now.value != g.value || now.intConst != g.intConst || now.floatConst != g.floatConst;
        if (typeOf(g) && changed) {
          changedNames.push_back(name);
          out.push_back(now);
        }
      }
    } else {
      // Region 0 is generated after region 1 (see emitSwitch).
      for (const std::string &name : changedNames)
        out.push_back(env[name]);
    }
    return out;
  });
  for (auto [name, g] : llvm::zip(changedNames, after))
    env[name] = g;
}

std::vector<Gen> Generator::emitSwitch(Value selector, const std::string &selectorPath, size_t count, Location l,
                                       const std::function<std::vector<Gen>(size_t)> &body) {
  // Regions are generated into detached blocks first, last to first (so
  // that an optional's "absent" region can yield what "present" changed),
  // then the op is created with the joined result types.
  std::vector<Block *> blocks(count);
  std::vector<std::vector<Value>> yielded(count);
  std::string savedScope = scope_, savedBase = regionBase_;
  for (size_t k = count; k-- > 0;) {
    blocks[k] = new Block();
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(blocks[k]);
    scope_ = regionBase_ = selectorPath + "[" + std::to_string(k) + "]";
    for (const Gen &g : body(k))
      yielded[k].push_back(materialize(g, l));
  }
  scope_ = savedScope;
  regionBase_ = savedBase;
  SmallVector<Type> types;
  for (size_t r = 0; r < yielded[0].size(); ++r) {
    Type joined = yielded[0][r].getType();
    for (size_t k = 1; k < count; ++k) {
      Type t = yielded[k][r].getType();
      if (t == joined)
        continue;
      auto a = dyn_cast<RankedTensorType>(joined), b = dyn_cast<RankedTensorType>(t);
      if (a && b && a.getRank() == b.getRank()) {
        SmallVector<int64_t> shape;
        for (int64_t d = 0; d < a.getRank(); ++d)
          shape.push_back(a.getDimSize(d) == b.getDimSize(d) ? a.getDimSize(d) : ShapedType::kDynamic);
        joined = RankedTensorType::get(shape, a.getElementType());
      } else {
        joined = UnrankedTensorType::get(builder_.getF32Type());
      }
    }
    types.push_back(joined);
  }
  for (size_t k = 0; k < count; ++k) {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToEnd(blocks[k]);
    space::YieldOp::create(builder_, l, yielded[k]);
  }
  auto op = space::SwitchOp::create(builder_, l, types, selector, count);
  for (size_t k = 0; k < count; ++k)
    op.getCases()[k].push_back(blocks[k]);
  std::vector<Gen> results;
  for (Value v : op.getResults())
    results.push_back(fromValue(v));
  return results;
}

} // namespace nas::mlirgen
