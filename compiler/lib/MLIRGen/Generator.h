//===- Generator.h - MLIRGen's walk over a checked module --------*- C++ -*-===//
//
// Walks the AST the way the semantic checks do (blocks inlined per call,
// `for` unrolled) and names decisions the same way, so that the decisions
// read off the IR are the ones `nasc check --verbose` lists. Where the
// checks visit every repetition of a `repeat` and every candidate of a
// choice, this emits one `nas.repeat` body and one `nas.switch` region per
// candidate.
//
// Decision names are relative to the nearest enclosing region op: the full
// path at the top level (`mlp.width`), `oneof` inside the body of
// `mlp.repeat` (which is `mlp.repeat[i].oneof` in repetition i).
//
//
// Its parts live in one file each: values and the module (MLIRGen.cpp),
// statements and switches (Statements.cpp), numbers and names
// (Expressions.cpp), decisions (Decisions.cpp), calls of ops and blocks
// (Calls.cpp), the built-in ops (Ops.cpp), the train and search sections
// (Sections.cpp).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_LIB_MLIRGEN_GENERATOR_H
#define NAS_COMPILER_LIB_MLIRGEN_GENERATOR_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "nas/DSL/AST.h"
#include "nas/DSL/Builtins.h"
#include "nas/DSL/Calls.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nas::mlirgen {

using namespace mlir;
using namespace nas::dsl;

/// A value while generating: an SSA value, or something that exists only at
/// compile time (a constant, a name, an op to call, a list).
struct Gen {
  enum class Kind { None, Tensor, Int, Float, Symbol, Callable, List, Spec };
  Kind kind = Kind::None;
  Value value;                     // Tensor; Int and Float when not constant
  std::optional<int64_t> intConst; // Int
  std::optional<double> floatConst;
  std::string text;                                  // Symbol, String, Spec name
  std::vector<std::string> choices;                  // Symbol decided by `selector`
  std::vector<Callee> callees;                       // Callable
  Value selector;                                    // the decision choosing among choices/callees
  std::string selectorPath;                          // its full path
  std::vector<Gen> elements;                         // List
  std::vector<std::pair<std::string, Gen>> settings; // Spec: its named arguments
};

/// The `hint: "..."` of a decision's call, as an attribute, or null.
StringAttr hintOf(OpBuilder &b, const dsl::CallExpr *call);
Gen constInt(int64_t v);
Gen constFloat(double v);

using Env = std::map<std::string, Gen>;

class Generator {
public:
  Generator(MLIRContext &context, const Module &module, const SourceFile &file)
      : context_(context), module_(module), file_(file), builder_(&context) {}
  OwningOpRef<ModuleOp> run();

private:
  Location loc(SourceRange range) {
    Position p = file_.position(range.begin);
    return FileLineColLoc::get(builder_.getStringAttr(file_.name()), p.line, p.column);
  }

  // Names, exactly as the semantic checks give them (the same namer).
  std::string freshName(const std::string &base) { return namer_.fresh(scope_, base); }
  std::string relative(const std::string &path) const {
    return regionBase_.empty() ? path : path.substr(regionBase_.size() + 1);
  }
  std::string decisionPath(const CallExpr *call, const std::string &kind, const std::string &exact);

  // Values.
  Value materialize(const Gen &g, Location l);
  Type typeOf(const Gen &g);
  Gen fromValue(Value v);

  // Statements.
  std::optional<Gen> runBody(const Body &body, Env &env);
  void runStatement(const Stmt &stmt, Env &env, std::optional<Gen> &result);
  void runRepeat(const RepeatStmt &stmt, Env &env);
  void runFor(const ForStmt &stmt, Env &env);
  void runOptional(const OptionalStmt &stmt, Env &env);

  // Expressions.
  Gen eval(const Expr &expr, Env &env, const std::string &exactName = {});
  Gen evalBinary(const BinaryExpr &expr, Env &env);
  Gen evalCall(const CallExpr &call, Env &env, const std::string &exactName);
  /// oneof, manyof, int, floatv, optional.
  Gen evalDecision(const CallExpr &call, const std::string &fn, Env &env, const std::string &exactName);
  Gen evalOneOf(const CallExpr &call, Env &env, const std::string &exactName);
  Gen evalManyOf(const CallExpr &call, Env &env, const std::string &exactName);
  Gen evalSpec(const CallExpr &call, Env &env, const std::string &exactName);
  Gen call(const Gen &callee, const CallExpr &call, std::vector<Gen> positional,
           std::vector<std::pair<std::string, Gen>> named);
  Gen callOne(const Callee &callee, const CallExpr &call, const std::vector<Gen> &positional,
              const std::vector<std::pair<std::string, Gen>> &named);
  Gen callBlock(const Function &block, std::map<std::string, Gen> args);
  /// The call's argument for `param`, or the op's default for it.
  std::optional<Gen> argumentOrDefault(const dsl::OpSpec &op, const dsl::ParamSpec &param,
                                       const std::map<std::string, Gen> &args);
  Gen applyOp(const OpSpec &op, const CallExpr &call, std::map<std::string, Gen> args, std::vector<Gen> tensors);

  /// Emits a nas.switch on `selector` with one region per alternative;
  /// `body(i)` generates region i and returns what it yields.
  std::vector<Gen> emitSwitch(Value selector, const std::string &selectorPath, size_t count, Location l,
                              const std::function<std::vector<Gen>(size_t)> &body);

  void emitSection(const Section &section);
  void emitSetting(const std::string &key, const Gen &value, Location l);

  MLIRContext &context_;
  const Module &module_;
  const SourceFile &file_;
  OpBuilder builder_;
  std::map<std::string, const Function *> blocks_;
  std::string scope_, regionBase_;
  dsl::DecisionNamer namer_;
  /// Set when an op's shape inference rejects what the checks accepted.
  bool failed_ = false;
};

} // namespace nas::mlirgen

#endif // NAS_COMPILER_LIB_MLIRGEN_GENERATOR_H
