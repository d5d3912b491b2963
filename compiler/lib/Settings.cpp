//===- Settings.cpp - The train and search sections, decoded once ---------===//
//
// Where a default lives: in the language's settings table
// (nas/DSL/Builtins.h), and nowhere else. A setting that the file leaves out
// keeps the value the TrainSettings or SearchSettings constructor took from
// that table; a parameter left out of a spec (adam's lr,
// successive_halving's reduction) takes its default from the same table
// through defaultNumber(). trainerOptions() sets every
// field of the trainer's options, so TrainOptions' own initialisers never
// apply to a .nas file.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Settings.h"

#include "SpaceImpl.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "nas/Compiler/Search.h"
#include "nas/DSL/Builtins.h"
#include "nas/Dialect/Nas/NasOps.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace nas {

namespace {
/// The default that the language's tables give parameter `param` of the
/// spec `member` (adam, successive_halving); nullopt when it has none.
std::optional<double> defaultNumber(const std::string &member, const std::string &param) {
  const dsl::SpecFamily *family = dsl::findSpecFamily(member);
  const dsl::SpecDef *spec = family ? dsl::findSpec(*family, member) : nullptr;
  const dsl::ParamSpec *p = spec ? spec->param(param) : nullptr;
  if (p && p->defaultValue.kind == dsl::Default::Kind::Number)
    return p->defaultValue.number;
  return std::nullopt;
}

/// A setting's number into `out` (integers exactly); false when `a` is not
/// a number.
template <typename T> bool readNumber(mlir::Attribute a, T &out) {
  if (auto i = mlir::dyn_cast_or_null<mlir::IntegerAttr>(a))
    out = static_cast<T>(i.getInt());
  else if (auto f = mlir::dyn_cast_or_null<mlir::FloatAttr>(a))
    out = static_cast<T>(f.getValueAsDouble());
  else
    return false;
  return true;
}

/// A setting's text; "" when `a` is not a string.
std::string textOf(mlir::Attribute a) {
  auto s = mlir::dyn_cast_or_null<mlir::StringAttr>(a);
  return s ? s.str() : std::string();
}

/// The search section, one setting at a time, in the order the file gives
/// them (a spec's name before its parameters).
class SearchSection {
public:
  void add(llvm::StringRef key, mlir::Attribute value) {
    double param;
    if (key == "maximize" || key == "minimize") {
      if (!objectivesGiven_)
        settings_.objectives.clear();
      objectivesGiven_ = true;
      settings_.objectives.push_back({textOf(value), key == "maximize"});
    } else if (key == "constraint") {
      auto triple = mlir::cast<mlir::ArrayAttr>(value);
      Constraint constraint{textOf(triple[0]), textOf(triple[1]), 0};
      readNumber(triple[2], constraint.value);
      settings_.constraints.push_back(constraint);
    } else if (key == "algorithm") {
      settings_.algorithm = textOf(value);
    } else if (key.starts_with("algorithm.") && readNumber(value, param)) {
      settings_.algorithmParams[key.drop_front(10).str()] = param;
    } else if (key == "trials") {
      readNumber(value, settings_.trials);
    } else if (key == "seed") {
      readNumber(value, settings_.seed);
    } else if (key == "early_stopping") {
      std::string rule = textOf(value);
      settings_.successiveHalving = rule == "successive_halving";
      settings_.minEpochs = defaultNumber(rule, "min_epochs").value_or(settings_.minEpochs);
      settings_.reduction = defaultNumber(rule, "reduction").value_or(settings_.reduction);
    } else if (key == "early_stopping.min_epochs") {
      readNumber(value, settings_.minEpochs);
    } else if (key == "early_stopping.reduction") {
      readNumber(value, settings_.reduction);
    } else if (key == "evaluator") {
      settings_.evaluator = textOf(value);
    } else if (key == "evaluator.file") {
      settings_.tableFile = textOf(value);
    } else if (key == "evaluator.column") {
      settings_.tableColumn = textOf(value);
    } else if (key == "evaluator.key") {
      settings_.tableKey = textOf(value);
    }
  }

  /// The settings, the table file resolved against the directory of the
  /// .nas file `spaceFile`.
  SearchSettings finish(const std::string &spaceFile) {
    std::string &table = settings_.tableFile;
    if (!table.empty() && std::filesystem::path(table).is_relative())
      table = (std::filesystem::path(spaceFile).parent_path() / table).lexically_normal();
    return settings_;
  }

private:
  SearchSettings settings_;
  bool objectivesGiven_ = false;
};
} // namespace

namespace {
double numberDefault(bool train, const char *setting) { return dsl::settingDefault(train, setting).number; }
std::string textDefault(bool train, const char *setting) { return dsl::settingDefault(train, setting).text(); }
} // namespace

TrainSettings::TrainSettings()
    : data(textDefault(true, "data")), epochs(numberDefault(true, "epochs")), batch(numberDefault(true, "batch")),
      optimizer(textDefault(true, "optimizer")), lr(*defaultNumber(optimizer, "lr")),
      schedule(textDefault(true, "schedule")), validation(numberDefault(true, "validation")),
      seed(numberDefault(true, "seed")) {}

SearchSettings::SearchSettings()
    : algorithm(textDefault(false, "algorithm")), trials(numberDefault(false, "trials")),
      seed(numberDefault(false, "seed")), minEpochs(*defaultNumber("successive_halving", "min_epochs")),
      reduction(*defaultNumber("successive_halving", "reduction")), evaluator(textDefault(false, "evaluator")) {}

TrainSettings trainSettingsOf(mlir::ModuleOp candidate) {
  TrainSettings settings;
  auto dict = candidate->getAttrOfType<mlir::DictionaryAttr>("nas.train");
  if (!dict)
    return settings;
  llvm::raw_string_ostream(settings.section) << dict;
  auto str = [&](llvm::StringRef key, std::string &out) {
    if (auto a = dict.getAs<mlir::StringAttr>(key))
      out = a.str();
  };
  auto num = [&](llvm::StringRef key, auto &out) { readNumber(dict.get(key), out); };
  str("data", settings.data);
  num("epochs", settings.epochs);
  num("batch", settings.batch);
  str("optimizer", settings.optimizer);
  settings.lr = defaultNumber(settings.optimizer, "lr").value_or(settings.lr);
  num("optimizer.lr", settings.lr);
  str("schedule", settings.schedule);
  num("validation", settings.validation);
  num("seed", settings.seed);
  return settings;
}

SearchSettings searchSettingsOf(mlir::ModuleOp candidate, const std::string &spaceFile) {
  SearchSection section;
  auto dict = candidate->getAttrOfType<mlir::DictionaryAttr>("nas.search");
  for (mlir::NamedAttribute entry : dict ? dict.getValue() : llvm::ArrayRef<mlir::NamedAttribute>()) {
    llvm::StringRef key = entry.getName().getValue();
    // Materialization gathers the objectives and constraints in lists.
    if (key == "objectives")
      for (mlir::Attribute o : mlir::cast<mlir::ArrayAttr>(entry.getValue())) {
        auto pair = mlir::cast<mlir::ArrayAttr>(o);
        section.add(textOf(pair[0]), pair[1]);
      }
    else if (key == "constraints")
      for (mlir::Attribute c : mlir::cast<mlir::ArrayAttr>(entry.getValue()))
        section.add("constraint", c);
    else
      section.add(key, entry.getValue());
  }
  return section.finish(spaceFile);
}

std::optional<SearchSettings> readSearchSettings(const Space &compiled, std::string &error) {
  SearchSection section;
  const std::string &file = compiled.impl_->file->name();
  for (auto op : compiled.impl_->module->getOps<space::SectionOp>()) {
    if (op.getKind() != "search")
      continue;
    for (auto setting : op.getBody().front().getOps<space::SettingOp>()) {
      // The language makes every search setting a constant.
      mlir::Attribute value = setting.getConstant() ? *setting.getConstant() : mlir::Attribute();
      if (mlir::Operation *def = setting.getValue() ? setting.getValue().getDefiningOp() : nullptr)
        if (def->hasTrait<mlir::OpTrait::ConstantLike>())
          value = def->getAttr("value");
      if (!value) {
        error = file + ": the search setting '" + setting.getKey().str() + "' is not a constant";
        return std::nullopt;
      }
      section.add(setting.getKey(), value);
    }
  }
  return section.finish(file);
}

TrainOptions trainerOptions(const TrainSettings &settings) {
  TrainOptions options;
  options.epochs = settings.epochs;
  options.lr = settings.lr;
  options.schedule = settings.schedule;
  options.validation = settings.validation;
  options.seed = settings.seed;
  return options;
}

bool Constraint::holds(double x) const {
  if (op == "<=")
    return x <= value;
  if (op == "<")
    return x < value;
  if (op == ">=")
    return x >= value;
  return x > value;
}

std::string Constraint::str() const {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return metric + " " + op + " " + buffer;
}

} // namespace nas
