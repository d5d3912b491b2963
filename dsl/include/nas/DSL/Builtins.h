//===- Builtins.h - The ops and settings the language knows -----*- C++ -*-===//
//
// One table for the child-program ops (dense, conv2d, ...) and one for the
// settings of the train and search sections. The semantic checks, the
// language reference and (later) MLIRGen read these tables, so an op's
// parameters and defaults are written down once.
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_BUILTINS_H
#define NAS_DSL_BUILTINS_H

#include "nas/Search/Format.h"

#include <optional>
#include <string>
#include <vector>

namespace nas::dsl {

enum class ParamKind { Tensor, Int, Float, Bool, Padding, Symbol, Callable, Any };

/// "an integer", "a tensor", ...
std::string paramKindName(ParamKind kind);

struct ParamSpec {
  const char *name;
  ParamKind kind;
  bool required = false;
  const char *defaultText = ""; // as the reference shows it
  std::optional<double> minimum = std::nullopt, maximum = std::nullopt;
};

struct OpSpec {
  const char *name;
  const char *summary;
  const char *example;
  std::vector<ParamSpec> params; // the input tensor is the parameter "x"
  bool shapePreserving = false;  // the output has the input's shape
  bool variadicTensors = false;  // add, concat: any number of tensors (or a list)
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
};
const SettingSpec *findSetting(bool train, const std::string &name);
std::vector<std::string> settingNames(bool train);
const std::vector<SettingSpec> &settings(bool train);

using nas::formatNumber;
using nas::joinNames;

} // namespace nas::dsl

#endif // NAS_DSL_BUILTINS_H
