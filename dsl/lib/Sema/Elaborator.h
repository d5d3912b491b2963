//===- Elaborator.h - The semantic checker, shared by its files --*- C++ -*-===//
//
// The elaborator checks a module the way materialization will run it (see
// nas/DSL/Sema.h). Its parts live in one file each: values (Values.cpp),
// statements (Statements.cpp), expressions and calls (Expressions.cpp,
// Calls.cpp), decisions and their names (Decisions.cpp), the built-in ops'
// shapes (Ops.cpp), the train and search sections (Sections.cpp).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_LIB_SEMA_ELABORATOR_H
#define NAS_DSL_LIB_SEMA_ELABORATOR_H

#include "nas/DSL/Builtins.h"
#include "nas/DSL/Calls.h"
#include "nas/DSL/Sema.h"
#include "nas/Search/Format.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace nas::dsl::sema {

using nas::formatNumber;
using nas::joinNames;

//===----------------------------------------------------------------------===//
// Values seen while elaborating
//===----------------------------------------------------------------------===//

/// One dimension of a tensor: a known size, a symbol (N), or unknown until
/// decisions are made.
struct Dim {
  std::optional<long long> size;
  std::string symbol;
  bool operator==(const Dim &o) const { return size == o.size && symbol == o.symbol; }
  bool known() const { return size || !symbol.empty(); }
  std::string str() const { return size ? std::to_string(*size) : symbol.empty() ? "?" : symbol; }
};
using Shape = std::optional<std::vector<Dim>>; // nullopt: rank unknown

struct Value {
  enum class Kind { None, Tensor, Int, Float, String, Symbol, Callable, List, Optimizer, Algorithm };
  Kind kind = Kind::None;
  Shape shape;                            // Tensor
  std::optional<long long> intValue;      // Int, when constant
  std::optional<double> floatValue;       // Float, when constant
  std::string text;                       // String, Symbol, Optimizer/Algorithm name
  std::vector<Callee> callees;            // Callable: the alternatives
  std::vector<Value> elements;            // List
  DecisionPoint *decision = nullptr;      // the decision this value is, when it is one
  std::vector<long long> intCandidates;   // Int decided by `decision`: each candidate's value
  std::vector<std::string> symbolChoices; // Symbol decided among these names
  SourceRange origin;                     // the argument it was passed as, for messages
  /// The names a symbol may be: itself, or each candidate of a choice.
  std::vector<std::string> symbols() const {
    return symbolChoices.empty() ? std::vector<std::string>{text} : symbolChoices;
  }
};

const char *kindName(Value::Kind kind);
std::string shapeString(const Shape &shape);
Shape shapeOf(const TypeSpec &type);
Value tensorValue(Shape shape);
Value intValue(std::optional<long long> n);
Value floatValue(std::optional<double> x);
/// The value that stands for "one of these", once the choice is made.
Value joinValues(const std::vector<Value> &values);
std::vector<const Argument *> positionalArgs(const CallExpr &call);

//===----------------------------------------------------------------------===//
// The elaborator
//===----------------------------------------------------------------------===//

/// Abandons the whole check after a limit was hit (reported already).
struct CheckAborted {};

struct Binding {
  Value value;
  bool isLet = false;
  SourceRange where;
  bool used = false;
  bool *usedFlag = nullptr; // shared across the copies of a let binding
};

using Env = std::map<std::string, Binding>;

class Elaborator {
public:
  Elaborator(const Module &module, DiagnosticEngine &diags) : module_(module), diags_(diags) {}
  CheckedModule run();

private:
  // Diagnostics, deduplicated: a block called ten times reports its errors once.
  void error(SourceRange range, const std::string &message, const std::string &hint = {}) {
    lastShown_ = reported_.insert({range.begin, range.end, message}).second;
    if (lastShown_)
      diags_.error(range, message, hint);
  }
  /// A note about the diagnostic just before it, shown only if that one was.
  void note(SourceRange range, const std::string &message) {
    if (lastShown_)
      diags_.note(range, message);
  }
  void warning(SourceRange range, const std::string &message, const std::string &hint = {}) {
    lastShown_ = reported_.insert({range.begin, range.end, message}).second;
    if (lastShown_)
      diags_.warning(range, message, hint);
  }
  void tick(SourceRange range) {
    if (++work_ > kMaxWork) {
      diags_.error(range, "the space is too large to check (more than 1,000,000 elaboration steps)",
                   "lower repetition counts or split the space");
      throw CheckAborted{};
    }
  }

  void checkDeclarations();
  void checkModel(const Function &model);
  void checkUncalledBlock(const Function &block);
  void checkSections();
  void checkSettings(const Section &section);
  void checkSearchEntry(const SectionEntry &entry, bool &hasObjective);
  void checkFamilySetting(const SettingSpec &setting, const Value &v, const SectionEntry &entry);
  void checkTableKey(const SectionEntry &entry);

  // Bodies and statements.
  std::optional<Value> runBody(const Body &body, Env &env, bool isFunctionBody);
  std::optional<Value> runStatement(const Stmt &stmt, Env &env);
  void runRepeat(const RepeatStmt &stmt, Env &env);
  void runFor(const ForStmt &stmt, Env &env);
  void runOptional(const OptionalStmt &stmt, Env &env);
  /// `loopKind` ("repeat", "optional") when the body exists once in the IR.
  void runNested(const Body &body, Env &env, const std::string &scope, DecisionSpace *space,
                 const char *loopKind = nullptr);
  void mergeOuter(Env &env, const std::vector<Env> &outcomes);

  // Expressions.
  Value eval(const Expr &expr, Env &env, const std::string &decisionName = {});
  Value evalName(const NameExpr &name, Env &env);
  Value evalBinary(const BinaryExpr &expr, Env &env);
  Value evalCall(const CallExpr &call, Env &env, const std::string &decisionName);
  Value evalHyper(const CallExpr &call, const std::string &fn, Env &env, const std::string &decisionName);
  Value evalOneOf(const CallExpr &call, Env &env, const std::string &name);
  Value evalManyOf(const CallExpr &call, Env &env, const std::string &name);
  Value evalIntDecision(const CallExpr &call, Env &env, const std::string &name);
  Value evalFloatDecision(const CallExpr &call, Env &env, const std::string &name);
  Value evalOptionalCallable(const CallExpr &call, Env &env, const std::string &name);
  void rejectNamedArguments(const CallExpr &call, const char *fn);
  Value callValue(const Value &callee, const CallExpr &call, Env &env);
  Value callOne(const Callee &callee, const CallExpr &call, const std::vector<Value> &positional,
                const std::vector<std::pair<std::string, Value>> &named);
  Value callBlock(const Function &block, const CallExpr &call, std::map<std::string, Value> args);
  Value applyOp(const OpSpec &op, const CallExpr &call, std::map<std::string, Value> &args,
                const std::vector<Value> &tensors);
  Value evalSpec(const CallExpr &call, const SpecFamily &family, Env &env, const std::string &scope);

  std::optional<long long> requireConstInt(const Value &v, SourceRange range, const std::string &what);
  std::optional<double> requireConstNumber(const Value &v, SourceRange range, const std::string &what);
  /// `what` names the value in the message; it is built only on an error,
  /// since this runs for every argument of every call.
  bool expectKind(const Value &v, ParamKind kind, SourceRange range, const std::function<std::string()> &what);

  // Decisions.
  DecisionPoint *newDecision(DecisionPoint::Kind kind, SourceRange range, const std::string &name, const CallExpr *call,
                             bool exactName = false);
  /// `scope_.base`, numbered within the current scope.
  std::string freshName(const std::string &base) { return namer_.fresh(scope_, base); }
  /// `name: "..."` and `hint: "..."` of a decision.
  struct Annotations {
    std::string name, hint;
  };
  Annotations readAnnotations(const CallExpr &call);

  static constexpr long long kMaxWork = 1'000'000;
  static constexpr long long kMaxRepeat = 10'000;

  const Module &module_;
  DiagnosticEngine &diags_;
  std::set<std::tuple<uint32_t, uint32_t, std::string>> reported_;
  long long work_ = 0;
  std::map<std::string, const Function *> blocks_;
  std::set<const Function *> calledBlocks_;
  std::vector<const Function *> callStack_;
  std::string scope_;              // path prefix of new decisions
  DecisionSpace *space_ = nullptr; // where new decisions go
  DecisionNamer namer_;
  std::map<std::string, SourceRange> paths_; // every path given out
  std::vector<std::unique_ptr<bool>> usedFlags_;
  std::map<const DecisionPoint *, SourceRange> ranges_; // where each decision is
  std::map<const DecisionPoint *, int> repeatDepthOf_;  // how many repeats it is inside
  int repeatDepth_ = 0;
  bool lastShown_ = false;
  std::string pendingExactName_; // the decision of this name is named exactly so
};

} // namespace nas::dsl::sema

#endif // NAS_DSL_LIB_SEMA_ELABORATOR_H
