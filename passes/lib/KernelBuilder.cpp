//===- KernelBuilder.cpp - GPU kernels written with MLIR builders ---------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "KernelBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace nas {

using namespace mlir;

namespace {
Type globalPtr(MLIRContext *ctx) { return LLVM::LLVMPointerType::get(ctx, /*addressSpace=*/1); }
bool isFloat(Value v) { return isa<FloatType>(v.getType()); }
} // namespace

Value KernelBody::i64(int64_t v) { return arith::ConstantIntOp::create(b, loc, v, 64); }
Value KernelBody::f32(double v) {
  return arith::ConstantFloatOp::create(b, loc, b.getF32Type(), APFloat(static_cast<float>(v)));
}

Value KernelBody::load(Value ptr, Value i, Type type) {
  if (!type)
    type = b.getF32Type();
  Value at = LLVM::GEPOp::create(b, loc, ptr.getType(), type, ptr, ArrayRef<LLVM::GEPArg>{i});
  return LLVM::LoadOp::create(b, loc, type, at);
}

void KernelBody::store(Value v, Value ptr, Value i) {
  Value at = LLVM::GEPOp::create(b, loc, ptr.getType(), v.getType(), ptr, ArrayRef<LLVM::GEPArg>{i});
  LLVM::StoreOp::create(b, loc, v, at);
}

void KernelBody::atomicAdd(Value v, Value ptr, Value i) {
  Value at = LLVM::GEPOp::create(b, loc, ptr.getType(), v.getType(), ptr, ArrayRef<LLVM::GEPArg>{i});
  LLVM::AtomicRMWOp::create(b, loc, LLVM::AtomicBinOp::fadd, at, v, LLVM::AtomicOrdering::monotonic);
}

void KernelBody::loop(Value lo, Value hi, const std::function<void(Value)> &body) {
  scf::ForOp::create(b, loc, lo, hi, i64(1), ValueRange(), [&](OpBuilder &, Location, Value k, ValueRange) {
    body(k);
    scf::YieldOp::create(b, loc);
  });
}

Value KernelBody::reduce(Value lo, Value hi, Value init, const std::function<Value(Value, Value)> &body) {
  return reduce(lo, hi, ArrayRef<Value>{init},
                [&](Value k, ArrayRef<Value> acc) { return SmallVector<Value>{body(k, acc[0])}; })[0];
}

SmallVector<Value> KernelBody::reduce(Value lo, Value hi, ArrayRef<Value> init,
                                      const std::function<SmallVector<Value>(Value, ArrayRef<Value>)> &body) {
  auto forOp =
      scf::ForOp::create(b, loc, lo, hi, i64(1), ValueRange(init), [&](OpBuilder &, Location, Value k, ValueRange acc) {
        SmallVector<Value> carried(acc.begin(), acc.end());
        scf::YieldOp::create(b, loc, body(k, carried));
      });
  return SmallVector<Value>(forOp.getResults());
}

void KernelBody::when(Value cond, const std::function<void()> &then) {
  scf::IfOp::create(b, loc, cond, [&](OpBuilder &, Location) {
    then();
    scf::YieldOp::create(b, loc);
  });
}

Value KernelBody::add(Value a, Value c) {
  return isFloat(a) ? Value(arith::AddFOp::create(b, loc, a, c)) : Value(arith::AddIOp::create(b, loc, a, c));
}
Value KernelBody::sub(Value a, Value c) {
  return isFloat(a) ? Value(arith::SubFOp::create(b, loc, a, c)) : Value(arith::SubIOp::create(b, loc, a, c));
}
Value KernelBody::mul(Value a, Value c) {
  return isFloat(a) ? Value(arith::MulFOp::create(b, loc, a, c)) : Value(arith::MulIOp::create(b, loc, a, c));
}
Value KernelBody::div(Value a, Value c) {
  return isFloat(a) ? Value(arith::DivFOp::create(b, loc, a, c)) : Value(arith::DivSIOp::create(b, loc, a, c));
}
Value KernelBody::rem(Value a, Value c) { return arith::RemSIOp::create(b, loc, a, c); }
Value KernelBody::lt(Value a, Value c) {
  return isFloat(a) ? Value(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, a, c))
                    : Value(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, a, c));
}
Value KernelBody::ge(Value a, Value c) { return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, a, c); }
Value KernelBody::eq(Value a, Value c) { return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, c); }
Value KernelBody::isNaN(Value a) { return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, a, a); }
Value KernelBody::within(Value v, Value size) { return both(ge(v, i64(0)), lt(v, size)); }
Value KernelBody::both(Value a, Value c) { return arith::AndIOp::create(b, loc, a, c); }
Value KernelBody::either(Value a, Value c) { return arith::OrIOp::create(b, loc, a, c); }
Value KernelBody::min(Value a, Value c) { return arith::MinSIOp::create(b, loc, a, c); }
Value KernelBody::select(Value cond, Value a, Value c) { return arith::SelectOp::create(b, loc, cond, a, c); }
Value KernelBody::max(Value a, Value c) { return arith::MaximumFOp::create(b, loc, a, c); }
Value KernelBody::exp(Value a) { return math::ExpOp::create(b, loc, a); }
Value KernelBody::log(Value a) { return math::LogOp::create(b, loc, a); }
Value KernelBody::tanh(Value a) { return math::TanhOp::create(b, loc, a); }
Value KernelBody::erf(Value a) { return math::ErfOp::create(b, loc, a); }
Value KernelBody::toF32(Value i) {
  if (isFloat(i))
    return arith::TruncFOp::create(b, loc, b.getF32Type(), i);
  return arith::SIToFPOp::create(b, loc, b.getF32Type(), i);
}
Value KernelBody::toF64(Value f) { return arith::ExtFOp::create(b, loc, b.getF64Type(), f); }
Value KernelBody::f64(double v) { return arith::ConstantFloatOp::create(b, loc, b.getF64Type(), APFloat(v)); }
Value KernelBody::sqrt(Value a) { return math::SqrtOp::create(b, loc, a); }
Value KernelBody::pow(Value a, Value c) { return math::PowFOp::create(b, loc, a, c); }
Value KernelBody::bitXor(Value a, Value c) { return arith::XOrIOp::create(b, loc, a, c); }
Value KernelBody::shiftRight(Value a, int64_t bits) { return arith::ShRUIOp::create(b, loc, a, i64(bits)); }

KernelBuilder::KernelBuilder(ModuleOp module) {
  module->setAttr(gpu::GPUDialect::getContainerModuleAttrName(), UnitAttr::get(module.getContext()));
  for (auto m : module.getOps<gpu::GPUModuleOp>())
    if (m.getName() == "kernels")
      module_ = m;
  if (!module_) {
    OpBuilder b(module.getContext());
    b.setInsertionPointToEnd(module.getBody());
    module_ = gpu::GPUModuleOp::create(b, module.getLoc(), "kernels");
  }
}

std::string KernelBuilder::get(const std::string &key, StringRef signature,
                               const std::function<void(KernelBody &)> &body) {
  if (auto it = names_.find(key); it != names_.end())
    return it->second;
  std::string name = "k" + std::to_string(names_.size()) + "_";
  for (char c : key)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (name.size() > 48)
    name.resize(48);
  names_[key] = name;
  arity_[name] = signature.size();

  MLIRContext *ctx = module_.getContext();
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module_.getBody());
  Location loc = module_.getLoc();
  SmallVector<Type> types;
  for (char c : signature)
    types.push_back(c == 'p' ? globalPtr(ctx) : Type(b.getI64Type()));
  types.push_back(b.getI64Type()); // the thread count
  auto fn = gpu::GPUFuncOp::create(b, loc, name, b.getFunctionType(types, {}));
  fn->setAttr(gpu::GPUDialect::getKernelFuncAttrName(), b.getUnitAttr());
  Block &entry = fn.getBody().front();
  b.setInsertionPointToStart(&entry);
  Value block = gpu::BlockIdOp::create(b, loc, gpu::Dimension::x);
  Value size = gpu::BlockDimOp::create(b, loc, gpu::Dimension::x);
  Value thread = gpu::ThreadIdOp::create(b, loc, gpu::Dimension::x);
  Value index = arith::AddIOp::create(b, loc, arith::MulIOp::create(b, loc, block, size), thread);
  index = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  Value count = entry.getArguments().back();
  Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, index, count);
  scf::IfOp::create(b, loc, inRange, [&](OpBuilder &, Location) {
    SmallVector<Value> params(entry.getArguments().drop_back());
    KernelBody k(b, loc, index, params);
    body(k);
    scf::YieldOp::create(b, loc);
  });
  gpu::ReturnOp::create(b, loc);
  return name;
}

} // namespace nas
