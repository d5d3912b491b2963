//===- Calls.h - How a call meets its callee, and how decisions are named -===//
//
// Two rules that the semantic checks and MLIRGen must apply identically, so
// that the decisions MLIRGen emits are the ones the checks listed:
// - argument binding: which argument of a call is which parameter of the op
//   or block called;
// - decision naming: the stable path of each decision (`mlp.width`,
//   `mlp.oneof2`, `mlp.repeat[1].cell.oneof`).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_CALLS_H
#define NAS_DSL_CALLS_H

#include "nas/DSL/AST.h"
#include "nas/DSL/Builtins.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nas::dsl {

/// What is called: a built-in op or a user block.
struct Callee {
  const OpSpec *op = nullptr;
  const Function *block = nullptr;
  std::string name() const { return op ? op->name : block->name; }
  std::vector<std::string> parameterNames() const;
  /// add, concat: every positional argument is a tensor (a list gives its elements).
  bool takesTensors() const { return op && op->variadicTensors; }
};

/// The arguments of one call, by parameter. `problem` says why binding
/// stopped; `index` is the positional or named argument at fault.
template <typename V> struct BoundArguments {
  enum class Problem { None, NotATensor, TooMany, UnknownParameter, GivenTwice };
  std::map<std::string, V> byName;
  std::vector<V> tensors; // for a callee that takes tensors
  Problem problem = Problem::None;
  size_t index = 0;
};

/// Binds positional arguments in order, then named ones. `elementsOf(v)`
/// gives a list value's elements (or null), `isTensor(v)` whether a value
/// may stand where a tensor goes.
template <typename V, typename ElementsOf, typename IsTensor>
BoundArguments<V> bindArguments(const Callee &callee, const std::vector<V> &positional,
                                const std::vector<std::pair<std::string, V>> &named, ElementsOf elementsOf,
                                IsTensor isTensor) {
  using Problem = typename BoundArguments<V>::Problem;
  BoundArguments<V> out;
  std::vector<std::string> params = callee.parameterNames();
  size_t next = 0;
  for (size_t i = 0; i < positional.size(); ++i) {
    const V &v = positional[i];
    out.index = i;
    if (callee.takesTensors()) {
      if (const std::vector<V> *elements = elementsOf(v))
        out.tensors.insert(out.tensors.end(), elements->begin(), elements->end());
      else if (isTensor(v))
        out.tensors.push_back(v);
      else
        return out.problem = Problem::NotATensor, out;
    } else if (next < params.size()) {
      out.byName[params[next++]] = v;
    } else {
      return out.problem = Problem::TooMany, out;
    }
  }
  for (size_t i = 0; i < named.size(); ++i) {
    out.index = i;
    const std::string &keyword = named[i].first;
    if (std::find(params.begin(), params.end(), keyword) == params.end())
      return out.problem = Problem::UnknownParameter, out;
    if (!out.byName.emplace(keyword, named[i].second).second)
      return out.problem = Problem::GivenTwice, out;
  }
  return out;
}

/// The text of a decision's `name: "..."` or `hint: "..."` annotation, when
/// it is a string.
std::optional<std::string> annotation(const CallExpr &call, const char *keyword);

/// Gives out decision paths and block-call scopes. A decision bound by `let`
/// (or a setting, or a repeat count) is named exactly so; a name given by
/// `name: "..."` is taken as it is; any other is named after its kind and
/// numbered from the second use in its scope on (`mlp.oneof`, `mlp.oneof2`).
class DecisionNamer {
public:
  /// `scope.base`, numbered within `scope`.
  std::string fresh(const std::string &scope, const std::string &base);
  /// The path of a decision of `kind` made in `scope`.
  std::string path(const std::string &scope, const std::string &annotated, const std::string &exact,
                   const std::string &kind);

private:
  std::map<std::string, std::map<std::string, int>> uses_; // scope -> base name -> uses
};

} // namespace nas::dsl

#endif // NAS_DSL_CALLS_H
