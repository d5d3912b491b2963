//===- AST.h - The syntax tree of a .nas file -------------------*- C++ -*-===//
//
// The tree mirrors the text: every node keeps its source range, so that later
// stages (semantic checks, MLIRGen) can point back at what the user wrote.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_AST_H
#define NAS_DSL_AST_H

#include "nas/DSL/Source.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nas::dsl {

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

struct Expr {
  enum class Kind { Integer, Float, String, Name, List, Call, Binary, Negate };
  Expr(Kind kind, SourceRange range) : kind(kind), range(range) {}
  virtual ~Expr() = default;
  template <typename T> const T *as() const { return kind == T::kKind ? static_cast<const T *>(this) : nullptr; }

  const Kind kind;
  SourceRange range;
};
using ExprPtr = std::unique_ptr<Expr>;

struct IntegerExpr : Expr {
  static constexpr Kind kKind = Kind::Integer;
  IntegerExpr(SourceRange r, long long v) : Expr(kKind, r), value(v) {}
  long long value;
};

struct FloatExpr : Expr {
  static constexpr Kind kKind = Kind::Float;
  FloatExpr(SourceRange r, double v) : Expr(kKind, r), value(v) {}
  double value;
};

struct StringExpr : Expr {
  static constexpr Kind kKind = Kind::String;
  StringExpr(SourceRange r, std::string v) : Expr(kKind, r), value(std::move(v)) {}
  std::string value;
};

/// A variable, a parameter, an op (`relu`), a block, or a symbol (`same`, `log`).
struct NameExpr : Expr {
  static constexpr Kind kKind = Kind::Name;
  NameExpr(SourceRange r, std::string n) : Expr(kKind, r), name(std::move(n)) {}
  std::string name;
};

struct ListExpr : Expr {
  static constexpr Kind kKind = Kind::List;
  ListExpr(SourceRange r, std::vector<ExprPtr> e) : Expr(kKind, r), elements(std::move(e)) {}
  std::vector<ExprPtr> elements;
};

/// `f(a, b, key = c, name: "x")`. `name:` is an annotation (a decision's
/// path name), kept apart from named arguments.
struct Argument {
  std::string keyword; // empty for a positional argument
  SourceRange keywordRange;
  bool isAnnotation = false;
  ExprPtr value;
};

struct CallExpr : Expr {
  static constexpr Kind kKind = Kind::Call;
  CallExpr(SourceRange r, ExprPtr c, std::vector<Argument> a)
      : Expr(kKind, r), callee(std::move(c)), args(std::move(a)) {}
  ExprPtr callee; // a NameExpr, or another call: oneof(relu, gelu)(h)
  std::vector<Argument> args;
};

struct BinaryExpr : Expr {
  static constexpr Kind kKind = Kind::Binary;
  BinaryExpr(SourceRange r, char o, ExprPtr l, ExprPtr rh)
      : Expr(kKind, r), op(o), lhs(std::move(l)), rhs(std::move(rh)) {}
  char op; // + - * /
  ExprPtr lhs, rhs;
};

struct NegateExpr : Expr {
  static constexpr Kind kKind = Kind::Negate;
  NegateExpr(SourceRange r, ExprPtr o) : Expr(kKind, r), operand(std::move(o)) {}
  ExprPtr operand;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct Stmt {
  enum class Kind { Bind, Repeat, For, Optional, Return };
  Stmt(Kind kind, SourceRange range) : kind(kind), range(range) {}
  virtual ~Stmt() = default;
  template <typename T> const T *as() const { return kind == T::kKind ? static_cast<const T *>(this) : nullptr; }

  const Kind kind;
  SourceRange range;
};

/// `h = ...` binds or rebinds a name; `let width = oneof(...)` binds a name
/// once, and a decision bound so is one decision shared by every use.
struct BindStmt : Stmt {
  static constexpr Kind kKind = Kind::Bind;
  BindStmt(SourceRange r, bool l, std::string n, SourceRange nr, ExprPtr v)
      : Stmt(kKind, r), isLet(l), name(std::move(n)), nameRange(nr), value(std::move(v)) {}
  bool isLet;
  std::string name;
  SourceRange nameRange;
  ExprPtr value;
};

/// `repeat COUNT { ... }`: COUNT is a constant or a decision.
struct RepeatStmt : Stmt {
  static constexpr Kind kKind = Kind::Repeat;
  RepeatStmt(SourceRange r, ExprPtr c, Body b) : Stmt(kKind, r), count(std::move(c)), body(std::move(b)) {}
  ExprPtr count;
  Body body;
};

/// `for v in LIST { ... }`, unrolled at compile time.
struct ForStmt : Stmt {
  static constexpr Kind kKind = Kind::For;
  ForStmt(SourceRange r, std::string v, SourceRange vr, ExprPtr l, Body b)
      : Stmt(kKind, r), variable(std::move(v)), variableRange(vr), list(std::move(l)), body(std::move(b)) {}
  std::string variable;
  SourceRange variableRange;
  ExprPtr list;
  Body body;
};

/// `optional { ... }`: a decision whether the statements run.
struct OptionalStmt : Stmt {
  static constexpr Kind kKind = Kind::Optional;
  OptionalStmt(SourceRange r, std::optional<std::string> n, Body b)
      : Stmt(kKind, r), decisionName(std::move(n)), body(std::move(b)) {}
  std::optional<std::string> decisionName;
  Body body;
};

struct ReturnStmt : Stmt {
  static constexpr Kind kKind = Kind::Return;
  ReturnStmt(SourceRange r, ExprPtr v) : Stmt(kKind, r), value(std::move(v)) {}
  ExprPtr value;
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

/// One dimension of a tensor type: a size or a symbol such as N.
struct DimSpec {
  std::optional<long long> size;
  std::string symbol;
  SourceRange range;
};

/// `f32[N, 1, 28, 28]`, `int`, `float`, `op` (an op or block to call), or
/// nothing or `tensor` (a tensor of any shape).
struct TypeSpec {
  enum class Kind { AnyTensor, Tensor, Int, Float, Op } kind = Kind::AnyTensor;
  std::string elementType; // "f32"
  std::vector<DimSpec> dims;
  SourceRange range;
};

struct Param {
  std::string name;
  SourceRange nameRange;
  TypeSpec type;
  ExprPtr defaultValue; // may be null
};

/// A model (the child program) or a block (a reusable sub-network).
struct Function {
  bool isModel = false;
  std::string name;
  SourceRange nameRange, range;
  std::vector<Param> params;
  std::optional<TypeSpec> resultType; // models only
  Body body;
};

/// One line of a train or search section.
struct SectionEntry {
  enum class Kind { Setting, Objective, Constraint } kind = Kind::Setting;
  std::string key; // setting name, or maximize/minimize, or the constrained metric
  SourceRange keyRange, range;
  std::string metric; // objectives
  SourceRange metricRange;
  std::string comparison; // constraints: "<=", "<", ">=", ">"
  ExprPtr value;          // settings and constraints
};

struct Section {
  bool isTrain = true;
  SourceRange range;
  std::vector<SectionEntry> entries;
};

struct Module {
  std::vector<Function> functions;
  std::vector<Section> sections;
};

} // namespace nas::dsl

#endif // NAS_DSL_AST_H
