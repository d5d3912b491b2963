//===- MLIRGen.cpp - From a checked .nas module to MLIR ---------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Generator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "nas/Compiler/MLIRGen.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Dialect/Nas/NasOps.h"

namespace nas::mlirgen {

using namespace nas::dsl;

Gen constInt(int64_t v) {
  Gen g;
  g.kind = Gen::Kind::Int;
  g.intConst = v;
  return g;
}
Gen constFloat(double v) {
  Gen g;
  g.kind = Gen::Kind::Float;
  g.floatConst = v;
  return g;
}

OwningOpRef<ModuleOp> Generator::run() {
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc({0, 0}));
  module->getOperation()->setAttr("nas.source", builder_.getStringAttr(file_.name()));
  builder_.setInsertionPointToEnd(module->getBody());
  for (const Function &fn : module_.functions)
    if (!fn.isModel)
      blocks_.emplace(fn.name, &fn);
  for (const Function &fn : module_.functions) {
    if (!fn.isModel)
      continue;
    SmallVector<Type> inputs;
    for (const Param &p : fn.params) {
      SmallVector<int64_t> shape;
      for (const DimSpec &d : p.type.dims)
        shape.push_back(d.size ? *d.size : ShapedType::kDynamic);
      inputs.push_back(RankedTensorType::get(shape, builder_.getF32Type()));
    }
    auto func = func::FuncOp::create(builder_, loc(fn.nameRange), fn.name, builder_.getFunctionType(inputs, {}));
    func->setAttr("nas.model", builder_.getUnitAttr());
    Block *entry = func.addEntryBlock();
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(entry);
    Env env;
    for (auto [p, arg] : llvm::zip(fn.params, entry->getArguments()))
      env[p.name] = fromValue(arg);
    scope_ = fn.name;
    std::optional<Gen> result = runBody(fn.body, env);
    const ReturnStmt *ret = nullptr;
    for (const StmtPtr &s : fn.body)
      if (auto r = s->as<ReturnStmt>())
        ret = r;
    Value out = result ? result->value : Value();
    func::ReturnOp::create(builder_, loc(ret ? ret->range : fn.nameRange), out ? ValueRange{out} : ValueRange{});
    func.setType(builder_.getFunctionType(inputs, out ? TypeRange{out.getType()} : TypeRange{}));
    break; // one model per file
  }
  for (const Section &section : module_.sections)
    emitSection(section);
  if (failed_)
    return nullptr;
  return module;
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

Gen Generator::fromValue(Value v) {
  Gen g;
  g.value = v;
  if (isa<TensorType>(v.getType()))
    g.kind = Gen::Kind::Tensor;
  else if (v.getType().isIndex())
    g.kind = Gen::Kind::Int;
  else
    g.kind = Gen::Kind::Float;
  return g;
}

Value Generator::materialize(const Gen &g, Location l) {
  if (g.value)
    return g.value;
  if (g.kind == Gen::Kind::Int)
    return arith::ConstantIndexOp::create(builder_, l, *g.intConst);
  if (g.kind == Gen::Kind::Float)
    return arith::ConstantOp::create(builder_, l, builder_.getF64FloatAttr(*g.floatConst));
  return {};
}

Type Generator::typeOf(const Gen &g) {
  switch (g.kind) {
  case Gen::Kind::Tensor: return UnrankedTensorType::get(builder_.getF32Type());
  case Gen::Kind::Int: return builder_.getIndexType();
  case Gen::Kind::Float: return builder_.getF64Type();
  default: return {};
  }
}

} // namespace nas::mlirgen

namespace nas {

void registerDialects(mlir::MLIRContext &context) {
  context.loadDialect<nn::NNDialect, space::NasDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect>();
}

mlir::OwningOpRef<mlir::ModuleOp> generateModule(mlir::MLIRContext &context, const dsl::Module &module,
                                                 const dsl::SourceFile &file) {
  registerDialects(context);
  // Null when the IR disagrees with the checks (reported at the op).
  return mlirgen::Generator(context, module, file).run();
}

} // namespace nas
