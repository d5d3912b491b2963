//===- Statements.cpp - Models, blocks and statements -----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include <algorithm>

namespace nas::dsl::sema {

std::optional<Value> Elaborator::runBody(const Body &body, Env &env, bool isFunctionBody) {
  std::optional<Value> result;
  for (const StmtPtr &stmt : body) {
    if (result) {
      warning(stmt->range, "code after 'return' is never run");
      break;
    }
    if (stmt->kind == Stmt::Kind::Return && !isFunctionBody) {
      error(stmt->range, "'return' must be the last statement of a model or block",
            "inside 'repeat', 'for' and 'optional' assign to a name instead");
      continue;
    }
    result = runStatement(*stmt, env);
  }
  if (isFunctionBody) {
    for (auto &[name, binding] : env)
      if (binding.isLet && binding.value.decision && binding.usedFlag && !*binding.usedFlag)
        warning(binding.where, "decision '" + binding.value.decision->path + "' is never used",
                "remove the 'let', or use '" + name + "'");
  }
  return result;
}

std::optional<Value> Elaborator::runStatement(const Stmt &stmt, Env &env) {
  tick(stmt.range);
  switch (stmt.kind) {
  case Stmt::Kind::Bind: {
    auto &bind = *stmt.as<BindStmt>();
    auto existing = env.find(bind.name);
    if (bind.isLet && existing != env.end()) {
      error(bind.nameRange, "'" + bind.name + "' is already defined",
            existing->second.isLet ? "a 'let' binds once; choose another name" : "a 'let' needs a new name");
      return std::nullopt;
    }
    if (!bind.isLet && existing != env.end() && existing->second.isLet) {
      error(bind.nameRange, "'" + bind.name + "' was bound by 'let' and cannot be reassigned");
      note(existing->second.where, "bound here");
      return std::nullopt;
    }
    Binding binding{eval(*bind.value, env, bind.isLet ? bind.name : ""), bind.isLet, bind.nameRange};
    if (bind.isLet) {
      // Copies of the environment (repetitions, branches) share one flag.
      usedFlags_.push_back(std::make_unique<bool>(false));
      binding.usedFlag = usedFlags_.back().get();
    }
    env[bind.name] = binding;
    return std::nullopt;
  }
  case Stmt::Kind::Repeat: runRepeat(*stmt.as<RepeatStmt>(), env); return std::nullopt;
  case Stmt::Kind::For: runFor(*stmt.as<ForStmt>(), env); return std::nullopt;
  case Stmt::Kind::Optional: runOptional(*stmt.as<OptionalStmt>(), env); return std::nullopt;
  case Stmt::Kind::Return: return eval(*stmt.as<ReturnStmt>()->value, env);
  }
  return std::nullopt;
}

/// Runs a nested body in its own scope: names first bound inside it stay
/// inside it; assignments to outer names stay visible in `env`.
void Elaborator::runNested(const Body &body, Env &env, const std::string &scope, DecisionSpace *space,
                           const char *loopKind) {
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  scope_ = scope;
  space_ = space;
  Env inner = env;
  runBody(body, inner, false);
  for (auto &[name, binding] : env)
    if (auto it = inner.find(name); it != inner.end()) {
      // A repeat body or an optional block exists once in the IR: only
      // tensors and numbers flow out of it, as its results.
      Value::Kind kind = it->second.value.kind;
      bool flows = kind == Value::Kind::Tensor || kind == Value::Kind::Int || kind == Value::Kind::Float;
      if (loopKind && !flows && it->second.where.begin != binding.where.begin) {
        error(it->second.where,
              "'" + name + "' is " + kindName(kind) + " from outside this '" + loopKind +
                  "' and cannot be reassigned in it",
              "use a new name inside, or choose with oneof outside");
        continue;
      }
      binding = it->second;
    }
  scope_ = savedScope;
  space_ = savedSpace;
}

/// After a decided number of repetitions or a decided branch, each outer
/// name holds one of several values.
void Elaborator::mergeOuter(Env &env, const std::vector<Env> &outcomes) {
  for (auto &[name, binding] : env) {
    std::vector<Value> values;
    for (const Env &outcome : outcomes)
      values.push_back(outcome.at(name).value);
    Value joined = joinValues(values);
    if (joined.kind == Value::Kind::None && binding.value.kind != Value::Kind::None)
      error(binding.where, "'" + name + "' holds values of different kinds depending on a decision");
    binding.value = joined;
  }
}

void Elaborator::runRepeat(const RepeatStmt &stmt, Env &env) {
  // The loop's scope and an inline count decision share one name: mlp.repeat
  // is the depth, mlp.repeat[2].oneof a decision in the third repetition.
  std::string base = freshName("repeat");
  Value count = eval(*stmt.count, env, base.substr(scope_.size() + 1));
  if (count.kind != Value::Kind::Int) {
    error(stmt.count->range, std::string("'repeat' needs an integer count, not ") + kindName(count.kind));
    return;
  }
  if (!count.intValue && !count.decision) {
    error(stmt.count->range,
          "'repeat' needs a constant count or a decision (int(...) or oneof(...)), "
          "not an expression over a decision",
          "make the count itself a decision, e.g. 'repeat int(1, 4)'");
    return;
  }
  if (!count.intValue && count.intCandidates.empty()) {
    error(stmt.count->range, "'repeat' needs a count whose candidates are constants");
    return;
  }
  long long maxCount =
      count.intValue ? *count.intValue : *std::max_element(count.intCandidates.begin(), count.intCandidates.end());
  long long minCount =
      count.intValue ? *count.intValue : *std::min_element(count.intCandidates.begin(), count.intCandidates.end());
  if (minCount < 0) {
    error(stmt.count->range, "'repeat' count " + std::to_string(minCount) + " is negative");
    return;
  }
  if (maxCount > kMaxRepeat) {
    error(stmt.count->range, "'repeat' count " + std::to_string(maxCount) + " is too large (at most 10000)");
    return;
  }
  DecisionPoint *decision = count.intValue ? nullptr : count.decision;
  if (decision && decision->kind == DecisionPoint::Kind::OneOf)
    decision->countValues.assign(count.intCandidates.begin(), count.intCandidates.end());
  std::vector<Env> outcomes;
  if (minCount == 0)
    outcomes.push_back(env);
  for (long long i = 0; i < maxCount; ++i) {
    DecisionSpace *space = space_;
    if (decision) {
      // Repetition i exists only when the count exceeds i; a count decision
      // shared by several loops collects the sub-spaces of all of them.
      if (decision->repetitions.size() <= static_cast<size_t>(i))
        decision->repetitions.resize(i + 1);
      space = &decision->repetitions[i];
    }
    ++repeatDepth_;
    runNested(stmt.body, env, base + "[" + std::to_string(i) + "]", space, "repeat");
    --repeatDepth_;
    if (i + 1 >= minCount)
      outcomes.push_back(env);
  }
  if (decision)
    mergeOuter(env, outcomes);
}

void Elaborator::runFor(const ForStmt &stmt, Env &env) {
  Value list = eval(*stmt.list, env);
  if (list.kind == Value::Kind::None)
    return; // reported already
  if (list.kind != Value::Kind::List) {
    error(stmt.list->range, std::string("'for' needs a list such as [1, 2, 3], not ") + kindName(list.kind));
    return;
  }
  if (env.count(stmt.variable)) {
    error(stmt.variableRange, "loop variable '" + stmt.variable + "' hides an existing name");
    return;
  }
  for (size_t i = 0; i < list.elements.size(); ++i) {
    Env withVar = env;
    withVar[stmt.variable] = Binding{list.elements[i], true, stmt.variableRange};
    runNested(stmt.body, withVar, scope_ + "." + stmt.variable + "[" + std::to_string(i) + "]", space_);
    for (auto &[name, binding] : env)
      binding = withVar.at(name);
  }
}

void Elaborator::runOptional(const OptionalStmt &stmt, Env &env) {
  std::string name = stmt.decisionName ? *stmt.decisionName : "optional";
  DecisionPoint *d =
      newDecision(DecisionPoint::Kind::Optional, stmt.range, name, nullptr, stmt.decisionName.has_value());
  d->candidates = {"absent", "{ ... }"};
  d->subspaces.resize(2);
  std::vector<Env> outcomes{env};
  runNested(stmt.body, env, d->path + "[1]", &d->subspaces[1], "optional");
  outcomes.push_back(env);
  mergeOuter(env, outcomes);
}

} // namespace nas::dsl::sema
