//===- Builtins.cpp - The ops and settings the language knows -------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Builtins.h"
#include "nas/Search/Format.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace nas::dsl {

std::string paramKindName(ParamKind kind) {
  switch (kind) {
  case ParamKind::Tensor: return "a tensor";
  case ParamKind::Int: return "an integer";
  case ParamKind::Float: return "a number";
  case ParamKind::Bool: return "true or false";
  case ParamKind::Padding: return "an integer, same or valid";
  case ParamKind::Symbol: return "a name";
  case ParamKind::Callable: return "an op or block";
  case ParamKind::Any: return "a value";
  }
  return "a value";
}

std::string Default::text() const {
  switch (kind) {
  case Kind::None: return "";
  case Kind::Symbol:
  case Kind::Parameter: return name;
  case Kind::Number: break;
  }
  return formatNumber(number);
}

namespace {
const ParamSpec *findParam(const std::vector<ParamSpec> &params, const std::string &name) {
  for (const ParamSpec &p : params)
    if (name == p.name)
      return &p;
  return nullptr;
}
} // namespace

const ParamSpec *OpSpec::param(const std::string &name) const { return findParam(params, name); }
const ParamSpec *SpecDef::param(const std::string &name) const { return findParam(params, name); }

std::string OpSpec::signature() const {
  std::string out = std::string(name) + "(";
  if (variadicTensors)
    out += "a, b, ...";
  for (const ParamSpec &p : params) {
    out += (out.back() == '(' ? "" : ", ") + std::string(p.name);
    if (p.defaultValue.present() && !p.required)
      out += " = " + p.defaultValue.text();
  }
  return out + ")";
}

namespace {
ParamSpec input() { return {"x", ParamKind::Tensor, true}; }

OpSpec unary(const char *name, const char *summary) { return {name, summary, "", {input()}, true, false}; }

std::vector<OpSpec> makeOps() {
  std::vector<OpSpec> ops = {
      {"dense",
       "fully connected layer: y = x W^T + b, [N, K] to [N, units]",
       "dense(h, 128)",
       {input(), {"units", ParamKind::Int, true, {}, 1}, {"bias", ParamKind::Bool, false, symbol("true")}}},
      {"conv2d",
       "2-D convolution, NCHW to NCHW; padding is an integer, same (odd kernels) or valid",
       "conv2d(h, 64, kernel = 3, stride = 1)",
       {input(),
        {"channels", ParamKind::Int, true, {}, 1},
        {"kernel", ParamKind::Int, false, number(3), 1},
        {"stride", ParamKind::Int, false, number(1), 1},
        {"padding", ParamKind::Padding, false, symbol("same"), 0},
        {"dilation", ParamKind::Int, false, number(1), 1},
        {"groups", ParamKind::Int, false, number(1), 1},
        {"bias", ParamKind::Bool, false, symbol("true")}}},
      {"maxpool",
       "max pooling, NCHW to NCHW",
       "maxpool(h, kernel = 2)",
       {input(),
        {"kernel", ParamKind::Int, false, number(2), 1},
        {"stride", ParamKind::Int, false, sameAs("kernel"), 1},
        {"padding", ParamKind::Padding, false, number(0), 0}}},
      {"avgpool",
       "average pooling, NCHW to NCHW (padding counts as zeros)",
       "avgpool(h, kernel = 3, stride = 1, padding = 1)",
       {input(),
        {"kernel", ParamKind::Int, false, number(2), 1},
        {"stride", ParamKind::Int, false, sameAs("kernel"), 1},
        {"padding", ParamKind::Padding, false, number(0), 0}}},
      {"global_avgpool", "mean over H and W: [N, C, H, W] to [N, C]", "global_avgpool(h)", {input()}},
      {"batchnorm",
       "batch normalization over the channels of [N, C] or [N, C, H, W]",
       "batchnorm(h)",
       {input(),
        {"momentum", ParamKind::Float, false, number(0.1), 0, 1},
        {"eps", ParamKind::Float, false, number(1e-5), 0, 1}}},
      {"layernorm",
       "layer normalization over all but the batch dimension",
       "layernorm(h)",
       {input(), {"eps", ParamKind::Float, false, number(1e-5), 0, 1}},
       true},
      {"flatten", "keeps the batch dimension, merges the rest: [N, C, H, W] to [N, C*H*W]", "flatten(x)", {input()}},
      {"dropout",
       "zeroes elements with probability rate while training",
       "dropout(h, 0.5)",
       {input(), {"rate", ParamKind::Float, false, number(0.5), 0, 1}},
       true},
      {"add", "elementwise sum of tensors of one shape (or a list of them)", "add(a, b)", {}, false, true},
      {"concat",
       "joins tensors (or a list of them) along an axis, equal in the other dimensions",
       "concat(a, b, axis = 1)",
       {{"axis", ParamKind::Int, false, number(1)}},
       false,
       true},
  };
  for (auto [name, summary] : {std::pair{"relu", "max(x, 0)"},
                               {"gelu", "x * Phi(x), the Gaussian error linear unit"},
                               {"tanh", "hyperbolic tangent"},
                               {"sigmoid", "1 / (1 + exp(-x))"},
                               {"silu", "x * sigmoid(x)"},
                               {"identity", "the input unchanged"},
                               {"zero", "zeros of the input's shape (a missing edge)"}}) {
    OpSpec op = unary(name, summary);
    op.example = name;
    ops.push_back(op);
  }
  // Examples for the unary ops read as calls.
  static std::vector<std::string> calls;
  calls.reserve(ops.size());
  for (OpSpec &op : ops)
    if (op.example == std::string(op.name)) {
      calls.push_back(std::string(op.name) + "(h)");
      op.example = calls.back().c_str();
    }
  return ops;
}

const SpecFamily &optimizers() {
  static const SpecFamily family{"optimizer",
                                 true,
                                 {{"sgd",
                                   "sgd(lr = 0.1, momentum = 0.9)",
                                   // lr must be written with sgd; 0.1 is used when the section names no optimizer.
                                   {{"lr", ParamKind::Float, true, number(0.1), 0},
                                    {"momentum", ParamKind::Float, false, number(0), 0, 1},
                                    {"weight_decay", ParamKind::Float, false, number(0), 0},
                                    {"nesterov", ParamKind::Bool, false, symbol("false")}}},
                                  {"adam",
                                   "adam(lr = 0.001)",
                                   {{"lr", ParamKind::Float, false, number(0.001), 0},
                                    {"beta1", ParamKind::Float, false, number(0.9), 0, 1},
                                    {"beta2", ParamKind::Float, false, number(0.999), 0, 1},
                                    {"eps", ParamKind::Float, false, number(1e-8), 0},
                                    {"weight_decay", ParamKind::Float, false, number(0), 0}}}}};
  return family;
}

const SpecFamily &algorithms() {
  static const SpecFamily family{
      "algorithm",
      false,
      {{"random", "random", {}},
       {"grid", "grid", {}},
       {"evolution",
        "evolution(population = 20, tournament = 5)",
        {{"population", ParamKind::Int, false, number(20), 2},
         {"tournament", ParamKind::Int, false, number(5), 1},
         {"candidates", ParamKind::Int, false, number(1), 1, 1000}}},
       {"tpe",
        "tpe(startup = 10)",
        {{"startup", ParamKind::Int, false, number(10), 1}, {"candidates", ParamKind::Int, false, number(24), 1}}},
       {"nsga2",
        "nsga2(population = 20)",
        {{"population", ParamKind::Int, false, number(20), 2}, {"tournament", ParamKind::Int, false, number(2), 1}}}}};
  return family;
}

const SpecFamily &earlyStopping() {
  static const SpecFamily family{
      "early-stopping rule",
      false,
      {{"none", "none", {}},
       {"successive_halving",
        "successive_halving(min_epochs = 1, reduction = 3)",
        {{"min_epochs", ParamKind::Int, false, number(1), 1}, {"reduction", ParamKind::Int, false, number(3), 2}}}}};
  return family;
}

const SpecFamily &evaluators() {
  static const SpecFamily family{
      "evaluator",
      false,
      {{"trainer", "trainer", {}},
       {"table",
        "table(file = \"nb201.csv\", column = \"arch\", key = \"{cell}\")",
        {{"file", ParamKind::Symbol, true}, {"column", ParamKind::Symbol, true}, {"key", ParamKind::Symbol, true}}}}};
  return family;
}

const std::vector<std::string> kSymbols = {"true", "false",    "same",   "valid",         "linear",
                                           "log",  "constant", "cosine", "fashion_mnist", "mnist"};
} // namespace

const std::vector<OpSpec> &builtinOps() {
  static const std::vector<OpSpec> ops = makeOps();
  return ops;
}

const OpSpec *findOp(const std::string &name) {
  for (const OpSpec &op : builtinOps())
    if (name == op.name)
      return &op;
  return nullptr;
}

bool isHyperPrimitive(const std::string &name) {
  return name == "oneof" || name == "manyof" || name == "int" || name == "floatv" || name == "optional";
}

bool isSymbol(const std::string &name) {
  if (std::find(kSymbols.begin(), kSymbols.end(), name) != kSymbols.end())
    return true;
  // A setting without arguments: `algorithm = random`.
  for (const SpecFamily *family : {&optimizers(), &algorithms(), &earlyStopping(), &evaluators()})
    if (findSpec(*family, name))
      return true;
  return false;
}

std::vector<std::string> builtinNames() {
  std::vector<std::string> names = kSymbols;
  for (const OpSpec &op : builtinOps())
    names.push_back(op.name);
  for (const char *h : {"oneof", "manyof", "int", "floatv", "optional"})
    names.push_back(h);
  for (const SpecFamily *family : {&optimizers(), &algorithms(), &earlyStopping(), &evaluators()})
    for (const SpecDef &def : family->members)
      names.push_back(def.name);
  return names;
}

const SpecFamily *findSpecFamily(const std::string &name) {
  for (const SpecFamily *family : {&optimizers(), &algorithms(), &earlyStopping(), &evaluators()})
    if (findSpec(*family, name))
      return family;
  return nullptr;
}

const SpecDef *findSpec(const SpecFamily &family, const std::string &name) {
  for (const SpecDef &def : family.members)
    if (name == def.name)
      return &def;
  return nullptr;
}

const std::vector<SettingSpec> &settings(bool train) {
  static const std::vector<SettingSpec> trainSettings = {
      {"data",
       ParamKind::Symbol,
       "the dataset: fashion_mnist, mnist, or a directory of IDX files (\"path\")",
       true,
       std::nullopt,
       std::nullopt,
       {"fashion_mnist", "mnist"},
       nullptr,
       symbol("fashion_mnist")},
      {"epochs", ParamKind::Int, "passes over the training data", true, 1, std::nullopt, {}, nullptr, number(1)},
      {"batch",
       ParamKind::Int,
       "samples per step (may be a decision)",
       false,
       1,
       std::nullopt,
       {},
       nullptr,
       number(128)},
      {"optimizer",
       ParamKind::Any,
       "sgd(...) or adam(...); its settings may be decisions",
       false,
       std::nullopt,
       std::nullopt,
       {},
       &optimizers(),
       symbol("sgd")},
      {"schedule",
       ParamKind::Symbol,
       "learning-rate schedule: constant or cosine",
       false,
       std::nullopt,
       std::nullopt,
       {"constant", "cosine"},
       nullptr,
       symbol("constant")},
      {"validation",
       ParamKind::Float,
       "fraction of the training set held out for validation",
       true,
       0,
       0.9,
       {},
       nullptr,
       number(0.1)},
      {"seed",
       ParamKind::Int,
       "seed of initialization, shuffling and the split",
       true,
       0,
       std::nullopt,
       {},
       nullptr,
       number(0)},
  };
  static const std::vector<SettingSpec> searchSettings = {
      {"algorithm",
       ParamKind::Any,
       "random, grid, evolution(...), tpe(...) or nsga2(...)",
       true,
       std::nullopt,
       std::nullopt,
       {},
       &algorithms(),
       symbol("evolution")},
      {"trials", ParamKind::Int, "how many candidates to evaluate", true, 1, std::nullopt, {}, nullptr, number(20)},
      {"seed", ParamKind::Int, "seed of the algorithm", true, 0, std::nullopt, {}, nullptr, number(0)},
      {"early_stopping",
       ParamKind::Any,
       "none or successive_halving(...)",
       true,
       std::nullopt,
       std::nullopt,
       {},
       &earlyStopping(),
       symbol("none")},
      {"evaluator",
       ParamKind::Any,
       "trainer (train each candidate) or table(file = \"t.csv\", column = \"arch\", key = \"...{decision}...\") "
       "(look its metrics up in a CSV table, by a key made from its decisions; the file is relative to the .nas file)",
       true,
       std::nullopt,
       std::nullopt,
       {},
       &evaluators(),
       symbol("trainer")},
  };
  return train ? trainSettings : searchSettings;
}

const SettingSpec *findSetting(bool train, const std::string &name) {
  for (const SettingSpec &s : settings(train))
    if (name == s.name)
      return &s;
  return nullptr;
}

std::vector<std::string> settingNames(bool train) {
  std::vector<std::string> names;
  for (const SettingSpec &s : settings(train))
    names.push_back(s.name);
  if (!train)
    for (const char *n : {"maximize", "minimize", "constraint"})
      names.push_back(n);
  return names;
}

const Default &settingDefault(bool train, const std::string &setting, const std::string &member,
                              const std::string &param) {
  const SettingSpec *spec = findSetting(train, setting);
  if (spec && member.empty())
    return spec->defaultValue;
  const SpecDef *def = spec && spec->family ? findSpec(*spec->family, member) : nullptr;
  const ParamSpec *p = def ? def->param(param) : nullptr;
  if (!p) {
    std::fprintf(stderr, "nasc: internal error: no default for %s %s %s\n", setting.c_str(), member.c_str(),
                 param.c_str());
    std::abort();
  }
  return p->defaultValue;
}

} // namespace nas::dsl
