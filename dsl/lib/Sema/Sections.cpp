//===- Sections.cpp - The train and search sections -------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include "nas/Search/KeyFormat.h"
#include <algorithm>

namespace nas::dsl::sema {

Value Elaborator::evalSpec(const CallExpr &call, const SpecFamily &family, Env &env, const std::string &scope) {
  // Optimizer and algorithm settings: every argument is named, and a decision
  // in one is named after the argument (train.optimizer.lr).
  const std::string &fn = call.callee->as<NameExpr>()->name;
  const SpecDef *spec = findSpec(family, fn);
  Value v;
  v.kind = family.valueIsOptimizer ? Value::Kind::Optimizer : Value::Kind::Algorithm;
  v.text = fn;
  std::string savedScope = scope_;
  scope_ = scope;
  std::set<std::string> given;
  for (const Argument &arg : call.args) {
    if (arg.isAnnotation) {
      error(arg.keywordRange, "only decisions (oneof, manyof, int, floatv, optional) take '" + arg.keyword + ":'");
      continue;
    }
    if (arg.keyword.empty()) {
      error(arg.value->range, fn + " takes named arguments only", "e.g. " + std::string(spec->example));
      continue;
    }
    const ParamSpec *param = nullptr;
    std::vector<std::string> names;
    for (const ParamSpec &p : spec->params) {
      names.push_back(p.name);
      if (arg.keyword == p.name)
        param = &p;
    }
    if (!param) {
      std::string guess = closestMatch(arg.keyword, names);
      error(arg.keywordRange, fn + " has no setting '" + arg.keyword + "'",
            guess.empty() ? "its settings: " + joinNames(names) : "did you mean '" + guess + "'?");
      continue;
    }
    if (!given.insert(arg.keyword).second)
      error(arg.keywordRange, "'" + arg.keyword + "' is given twice");
    Value value = eval(*arg.value, env, arg.keyword);
    if (expectKind(value, param->kind, arg.value->range, [&] { return "'" + arg.keyword + "' of " + fn; })) {
      std::optional<double> x =
          value.kind == Value::Kind::Int && value.intValue ? std::optional<double>(*value.intValue) : value.floatValue;
      if (x && param->minimum && *x < *param->minimum)
        error(arg.value->range,
              "'" + arg.keyword + "' of " + fn + " must be at least " + formatNumber(*param->minimum));
      if (x && param->maximum && *x > *param->maximum)
        error(arg.value->range, "'" + arg.keyword + "' of " + fn + " must be at most " + formatNumber(*param->maximum));
    }
  }
  for (const ParamSpec &p : spec->params)
    if (p.required && !given.count(p.name))
      error(call.range, fn + " needs '" + p.name + "'", "e.g. " + std::string(spec->example));
  scope_ = savedScope;
  return v;
}

void Elaborator::checkSections() {
  const Section *seen[2] = {nullptr, nullptr};
  for (const Section &section : module_.sections) {
    const Section *&first = seen[section.isTrain ? 0 : 1];
    if (first) {
      error(section.range, std::string("a second ") + (section.isTrain ? "train" : "search") + " section");
      note(first->range, "the first one is here");
      continue;
    }
    first = &section;
    checkSettings(section);
  }
}

void Elaborator::checkSettings(const Section &section) {
  const char *sectionName = section.isTrain ? "train" : "search";
  std::map<std::string, SourceRange> given;
  bool hasObjective = false;
  std::string savedScope = scope_;
  for (const SectionEntry &entry : section.entries) {
    scope_ = sectionName;
    if (!section.isTrain && entry.kind != SectionEntry::Kind::Setting) {
      checkSearchEntry(entry, hasObjective);
      continue;
    }
    const SettingSpec *setting = findSetting(section.isTrain, entry.key);
    if (!setting || entry.kind != SectionEntry::Kind::Setting) {
      std::string guess = closestMatch(entry.key, settingNames(section.isTrain));
      error(entry.keyRange, std::string("unknown ") + sectionName + " setting '" + entry.key + "'",
            guess.empty() ? "the settings are: " + joinNames(settingNames(section.isTrain))
                          : "did you mean '" + guess + "'?");
      continue;
    }
    if (auto [it, inserted] = given.emplace(entry.key, entry.keyRange); !inserted) {
      error(entry.keyRange, "'" + entry.key + "' is set twice");
      note(it->second, "first set here");
      continue;
    }
    Env env;
    Value v = eval(*entry.value, env, entry.key);
    if (setting->constant && v.decision) {
      error(entry.value->range, "'" + entry.key + "' must be a constant, not a decision");
      continue;
    }
    if (setting->family) {
      checkFamilySetting(*setting, v, entry);
      if (entry.key == "evaluator")
        checkTableKey(entry);
      continue;
    }
    if (!expectKind(v, setting->kind, entry.value->range, [&] { return "'" + entry.key + "'"; }))
      continue;
    if (setting->kind == ParamKind::Symbol && v.kind == Value::Kind::Symbol && !setting->choices.empty()) {
      bool known = true;
      for (const std::string &name : v.symbols()) {
        if (std::find(setting->choices.begin(), setting->choices.end(), name) != setting->choices.end())
          continue;
        std::string guess = closestMatch(name, setting->choices);
        error(entry.value->range, "unknown " + entry.key + " '" + name + "'",
              guess.empty() ? "one of: " + joinNames(setting->choices) : "did you mean '" + guess + "'?");
        known = false;
      }
      if (!known)
        continue;
    }
    if (setting->constant && (v.kind == Value::Kind::Int || v.kind == Value::Kind::Float) && !v.intValue &&
        !v.floatValue) {
      error(entry.value->range, "'" + entry.key + "' must be a constant, not a decision");
      continue;
    }
    std::optional<double> x =
        v.kind == Value::Kind::Int && v.intValue ? std::optional<double>(*v.intValue) : v.floatValue;
    if (x && setting->minimum && *x < *setting->minimum)
      error(entry.value->range, "'" + entry.key + "' must be at least " + formatNumber(*setting->minimum));
    if (x && setting->maximum && *x > *setting->maximum)
      error(entry.value->range, "'" + entry.key + "' must be at most " + formatNumber(*setting->maximum));
  }
  scope_ = savedScope;
  if (!section.isTrain && !hasObjective)
    error(section.range, "the search section needs an objective", "e.g. 'maximize val_accuracy'");
}

void Elaborator::checkFamilySetting(const SettingSpec &setting, const Value &v, const SectionEntry &entry) {
  const SpecFamily &family = *setting.family;
  Value::Kind specKind = family.valueIsOptimizer ? Value::Kind::Optimizer : Value::Kind::Algorithm;
  std::vector<std::string> names;
  for (const SpecDef &def : family.members)
    names.push_back(def.name);
  if (v.kind == Value::Kind::None)
    return;
  // A choice among full specs (sgd(...), adam(...)) joins to an unnamed spec,
  // checked already; a choice among bare names is checked name by name.
  if (v.kind == specKind && v.text.empty())
    return;
  if (v.kind != Value::Kind::Symbol && v.kind != specKind) {
    error(entry.value->range, std::string("'") + entry.key + "' must be " + family.what + ", not " + kindName(v.kind),
          "one of: " + joinNames(names));
    return;
  }
  for (const std::string &name : v.kind == Value::Kind::Symbol ? v.symbols() : std::vector<std::string>{v.text}) {
    const SpecDef *spec = findSpec(family, name);
    if (!spec) {
      std::string guess = closestMatch(name, names);
      error(entry.value->range, std::string("unknown ") + family.what + " '" + name + "'",
            guess.empty() ? "one of: " + joinNames(names) : "did you mean '" + guess + "'?");
      continue;
    }
    if (v.kind == Value::Kind::Symbol)
      for (const ParamSpec &p : spec->params)
        if (p.required)
          error(entry.value->range, std::string(spec->name) + " needs '" + p.name + "'",
                std::string("e.g. ") + spec->example);
  }
}

void Elaborator::checkTableKey(const SectionEntry &entry) {
  // The key's placeholders must name decisions of the model, which are all
  // known by now: a wrong one is reported where it is written.
  auto call = entry.value->as<CallExpr>();
  auto callee = call ? call->callee->as<NameExpr>() : nullptr;
  if (!callee || callee->name != "table")
    return;
  for (const Argument &arg : call->args) {
    auto text = arg.value->as<StringExpr>();
    if (arg.keyword != "key" || !text)
      continue;
    std::string why;
    size_t offset = 0;
    if (KeyFormat::parse(text->value, *space_, why, &offset))
      continue;
    // Point into the string when it is written without escapes.
    SourceRange at = arg.value->range;
    if (diags_.file().slice(at).size() == text->value.size() + 2)
      at = {static_cast<uint32_t>(at.begin + 1 + offset), static_cast<uint32_t>(at.begin + 2 + offset)};
    error(at, "in the table key: " + why);
  }
}

void Elaborator::checkSearchEntry(const SectionEntry &entry, bool &hasObjective) {
  if (entry.kind == SectionEntry::Kind::Objective) {
    hasObjective = true;
    return;
  }
  static const std::vector<std::string> constrainable = {"params", "flops", "latency"};
  if (std::find(constrainable.begin(), constrainable.end(), entry.metric) == constrainable.end()) {
    std::string guess = closestMatch(entry.metric, constrainable);
    error(entry.metricRange, "cannot constrain '" + entry.metric + "' before training",
          guess.empty() ? "constraints bound params, flops or latency" : "did you mean '" + guess + "'?");
    return;
  }
  Env env;
  requireConstNumber(eval(*entry.value, env), entry.value->range, "the bound of a constraint");
}

} // namespace nas::dsl::sema
