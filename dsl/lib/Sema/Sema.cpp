//===- Sema.cpp - Semantic checks and the decisions of a space --------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

namespace nas::dsl::sema {

CheckedModule Elaborator::run() {
  CheckedModule result;
  space_ = &result.decisions;
  try {
    checkDeclarations();
    const Function *model = nullptr;
    for (const Function &fn : module_.functions)
      if (fn.isModel && !model)
        model = &fn;
    if (model) {
      result.modelName = model->name;
      checkModel(*model);
    }
    checkSections();
    for (const Function &fn : module_.functions)
      if (auto it = blocks_.find(fn.name);
          !fn.isModel && !calledBlocks_.count(&fn) && it != blocks_.end() && it->second == &fn)
        checkUncalledBlock(fn);
  } catch (CheckAborted &) {
  }
  return result;
}

void Elaborator::checkDeclarations() {
  const Function *model = nullptr;
  for (const Function &fn : module_.functions) {
    if (fn.isModel) {
      if (model) {
        error(fn.nameRange, "a second model '" + fn.name + "': a file holds one model",
              "make '" + fn.name + "' a block, or move it to its own file");
        note(model->nameRange, "the first model is here");
      } else {
        model = &fn;
      }
      continue;
    }
    if (findOp(fn.name) || isHyperPrimitive(fn.name)) {
      error(fn.nameRange, "block '" + fn.name + "' has the name of a built-in op", "rename the block");
      continue;
    }
    auto [it, inserted] = blocks_.emplace(fn.name, &fn);
    if (!inserted) {
      error(fn.nameRange, "block '" + fn.name + "' is defined twice");
      note(it->second->nameRange, "the first definition is here");
    }
  }
  if (!model)
    error({0, 0}, "no model in this file",
          "a search space needs one 'model name(x: f32[N, 784]) -> f32[N, 10] { ... }'");
  for (const Function &fn : module_.functions) {
    std::set<std::string> seen;
    for (const Param &p : fn.params) {
      if (!seen.insert(p.name).second)
        error(p.nameRange, "parameter '" + p.name + "' is declared twice");
      if (fn.isModel && p.type.kind != TypeSpec::Kind::Tensor)
        error(p.nameRange, "model input '" + p.name + "' needs a tensor type",
              "e.g. '" + p.name + ": f32[N, 1, 28, 28]'");
    }
    auto checkType = [&](const TypeSpec &type) {
      if (type.kind == TypeSpec::Kind::Tensor && type.elementType != "f32")
        error(type.range, "unknown element type '" + type.elementType + "'", "tensors hold f32");
      for (const DimSpec &d : type.dims)
        if (d.size && *d.size <= 0)
          error(d.range, "a dimension must be positive");
    };
    for (const Param &p : fn.params)
      checkType(p.type);
    if (fn.resultType)
      checkType(*fn.resultType);
  }
}

void Elaborator::checkModel(const Function &model) {
  Env env;
  for (const Param &p : model.params)
    env[p.name] = Binding{tensorValue(shapeOf(p.type)), false, p.nameRange};
  scope_ = model.name;
  callStack_.push_back(&model);
  std::optional<Value> result = runBody(model.body, env, true);
  callStack_.pop_back();
  if (!result) {
    error(model.nameRange, "model '" + model.name + "' does not return a value", "end its body with 'return ...'");
    return;
  }
  const ReturnStmt *ret = nullptr;
  for (const StmtPtr &s : model.body)
    if (auto r = s->as<ReturnStmt>())
      ret = r;
  if (result->kind == Value::Kind::None)
    return; // the error that made it is reported already
  if (result->kind != Value::Kind::Tensor) {
    error(ret ? ret->value->range : model.nameRange,
          std::string("model '") + model.name + "' must return a tensor, not " + kindName(result->kind));
    return;
  }
  Shape declared = shapeOf(*model.resultType);
  if (!declared || !result->shape)
    return;
  for (const Dim &d : *declared)
    if (d.size && *d.size <= 0)
      return; // reported as a bad declaration already
  bool mismatch = declared->size() != result->shape->size();
  for (size_t i = 0; !mismatch && i < declared->size(); ++i) {
    const Dim &want = (*declared)[i], &have = (*result->shape)[i];
    if (want.known() && have.known() && !(want == have))
      mismatch = true;
  }
  if (mismatch) {
    error(ret ? ret->value->range : model.nameRange,
          "the model returns " + shapeString(result->shape) + " but declares " + shapeString(declared));
    note(model.resultType->range, "the output type is declared here");
  }
}

void Elaborator::checkUncalledBlock(const Function &block) {
  warning(block.nameRange, "block '" + block.name + "' is never used");
  // Check its body anyway, with nothing known about its inputs, and keep
  // none of the decisions it would make.
  DecisionSpace discarded;
  DecisionSpace *saved = space_;
  space_ = &discarded;
  std::map<std::string, Value> args;
  for (const Param &p : block.params) {
    Value v;
    switch (p.type.kind) {
    case TypeSpec::Kind::Int: v = intValue(std::nullopt); break;
    case TypeSpec::Kind::Float: v = floatValue(std::nullopt); break;
    case TypeSpec::Kind::Op:
      v.kind = Value::Kind::Callable;
      v.callees = {Callee{findOp("identity"), nullptr}};
      break;
    default: v = tensorValue(shapeOf(p.type)); break;
    }
    args[p.name] = v;
  }
  std::string savedScope = scope_;
  scope_ = "(unused)." + block.name;
  CallExpr fake(block.nameRange, nullptr, {});
  callBlock(block, fake, std::move(args));
  scope_ = savedScope;
  space_ = saved;
}

} // namespace nas::dsl::sema

namespace nas::dsl {
CheckedModule checkModule(const Module &module, DiagnosticEngine &diags) {
  return sema::Elaborator(module, diags).run();
}
} // namespace nas::dsl
