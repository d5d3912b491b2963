//===- Builtins.h - The ops and settings the language knows -----*- C++ -*-===//
//
// One table for the child-program ops (dense, conv2d, ...) and one for the
// settings of the train and search sections, with typed defaults. The
// semantic checks, MLIRGen, the `nn` dialect's verifiers, the trainer's
// options and the language reference (`nasc ops`) all read these tables, so
// an op's parameters and defaults are written down once. The size rules of
// the ops are in ShapeRules.h. No MLIR here: the dialect links this alone.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_BUILTINS_H
#define NAS_DSL_BUILTINS_H

#include <optional>
#include <string>
#include <vector>

namespace nas::dsl {

enum class ParamKind { Tensor, Int, Float, Bool, Padding, Symbol, Callable, Any };

/// "an integer", "a tensor", ...
std::string paramKindName(ParamKind kind);

/// What an omitted argument or setting means.
struct Default {
  enum class Kind { None, Number, Symbol, Parameter };
  Kind kind = Kind::None;
  double number = 0;     // Number
  const char *name = ""; // Symbol (same, true, sgd) or Parameter (a pool's stride is its kernel)
  bool present() const { return kind != Kind::None; }
  /// As the reference shows it: "3", "1e-05", "same", "kernel".
  std::string text() const;
};
inline Default noDefault() { return {}; }
inline Default number(double x) { return {Default::Kind::Number, x, ""}; }
inline Default symbol(const char *name) { return {Default::Kind::Symbol, 0, name}; }
/// The value of another parameter of the same call.
inline Default sameAs(const char *param) { return {Default::Kind::Parameter, 0, param}; }

struct ParamSpec {
  const char *name;
  ParamKind kind;
  bool required = false;
  Default defaultValue = {};
  std::optional<double> minimum = std::nullopt, maximum = std::nullopt;
};

struct OpSpec {
  const char *name;
  const char *summary;
  const char *example;
  std::vector<ParamSpec> params; // the input tensor is the parameter "x"
  bool shapePreserving = false;  // the output has the input's shape
  bool variadicTensors = false;  // add, concat: any number of tensors (or a list)
  const ParamSpec *param(const std::string &name) const;
  /// `dense(x, units, bias = true)`, for the reference.
  std::string signature() const;
};

const std::vector<OpSpec> &builtinOps();
const OpSpec *findOp(const std::string &name);

/// oneof, manyof, int, floatv, optional.
bool isHyperPrimitive(const std::string &name);
/// Names that stand for themselves: true, same, log, cosine, fashion_mnist...
bool isSymbol(const std::string &name);
/// Every name the language predefines, for "did you mean" hints.
std::vector<std::string> builtinNames();

/// A named thing with settings: an optimizer (sgd, adam), a search algorithm
/// (random, evolution, ...), an early-stopping rule.
struct SpecDef {
  const char *name;
  const char *example;
  std::vector<ParamSpec> params;
  const ParamSpec *param(const std::string &name) const;
};
struct SpecFamily {
  const char *what; // "optimizer"
  bool valueIsOptimizer;
  std::vector<SpecDef> members;
};
const SpecFamily *findSpecFamily(const std::string &name);
const SpecDef *findSpec(const SpecFamily &family, const std::string &name);

struct SettingSpec {
  const char *name;
  ParamKind kind;
  const char *summary;
  bool constant = true; // false: may be a decision
  std::optional<double> minimum = std::nullopt, maximum = std::nullopt;
  std::vector<std::string> choices = {}; // for symbols
  const SpecFamily *family = nullptr;    // for optimizer, algorithm, early_stopping
  Default defaultValue = {};             // when the section does not set it
};
const SettingSpec *findSetting(bool train, const std::string &name);
std::vector<std::string> settingNames(bool train);
const std::vector<SettingSpec> &settings(bool train);

/// The default of `setting` in the train (or search) section; of a member's
/// parameter when `member` is given (`optimizer`, `adam`, `lr`). Aborts on a
/// name the tables do not have: callers name settings in code.
const Default &settingDefault(bool train, const std::string &setting, const std::string &member = {},
                              const std::string &param = {});

} // namespace nas::dsl

#endif // NAS_DSL_BUILTINS_H
