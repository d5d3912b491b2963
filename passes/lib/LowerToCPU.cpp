//===- LowerToCPU.cpp - Training functions as calls of the CPU kernels ----===//
//
// nn-lower-cpu: `@train_step` and `@infer` (from nn-autodiff) become LLVM
// functions `nasc_train_step(arena, n)` and `nasc_infer(arena, n)` that call
// the kernels of nas/Runtime/Kernels.h on buffers of one arena. The
// arena's layout (see BufferPlan) is the module attribute `nn.layout`; the
// runtime allocates the arena, initializes the parameters and feeds the
// batches through it.
//
// Fusion: an activation that is the only consumer of a dense or conv layer
// runs in the layer's epilogue, when the gradient needs only its output
// (nas/Passes/Fusion.h).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/LowerToCPU.h"
#include "nas/Passes/BufferPlan.h"
#include "nas/Passes/Fusion.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Passes.h"
#include "nas/Runtime/Kernels.h"

#include "llvm/ADT/TypeSwitch.h"

namespace nas {

using namespace mlir;

namespace {
RankedTensorType tensorType(Value v) { return cast<RankedTensorType>(v.getType()); }

class Lowering {
public:
  Lowering(ModuleOp module, BufferPlan &plan) : module_(module), plan_(plan), b_(module.getContext()) {}

  LogicalResult lower(func::FuncOp fn, StringRef symbol);

private:
  // Values in the generated function.
  Value ptr(Value tensor);
  Value i64(int64_t v) { return LLVM::ConstantOp::create(b_, loc_, b_.getI64Type(), v); }
  Value f32(double v) { return LLVM::ConstantOp::create(b_, loc_, b_.getF32Type(), b_.getF32FloatAttr(v)); }
  Value null() { return LLVM::ZeroOp::create(b_, loc_, LLVM::LLVMPointerType::get(b_.getContext())); }
  Value slotPtr(int64_t offset);
  /// Elements of `tensor` for the current batch.
  Value count(Value tensor);
  Value convShape(Operation *op, Value x, Value w, Value y);
  void call(StringRef kernel, ArrayRef<Value> args);
  LogicalResult lowerOp(Operation *op);

  ModuleOp module_;
  BufferPlan &plan_;
  OpBuilder b_;
  Location loc_ = b_.getUnknownLoc();
  Value arena_, n_, lr_, step_;
  DenseSet<Operation *> fused_;
  int convShapes_ = 0;
};

Value Lowering::slotPtr(int64_t offset) {
  auto ptrType = LLVM::LLVMPointerType::get(b_.getContext());
  return LLVM::GEPOp::create(b_, loc_, ptrType, b_.getI8Type(), arena_, ArrayRef<LLVM::GEPArg>{i64(offset)});
}

Value Lowering::ptr(Value tensor) { return slotPtr(plan_.offsetOf(tensor)); }

Value Lowering::count(Value tensor) {
  RankedTensorType type = tensorType(tensor);
  int64_t perRow = 1;
  bool batched = false;
  for (int64_t d : type.getShape()) {
    if (ShapedType::isDynamic(d))
      batched = true;
    else
      perRow *= d;
  }
  if (!batched)
    return i64(perRow);
  return LLVM::MulOp::create(b_, loc_, n_, i64(perRow));
}

void Lowering::call(StringRef kernel, ArrayRef<Value> args) {
  if (!module_.lookupSymbol(kernel)) {
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(module_.getBody());
    SmallVector<Type> types;
    for (Value a : args)
      types.push_back(a.getType());
    LLVM::LLVMFuncOp::create(b_, loc_, kernel,
                             LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(b_.getContext()), types));
  }
  LLVM::CallOp::create(b_, loc_, TypeRange(), kernel, args);
}

/// A constant nasc_conv_shape for `op`, as a global.
Value Lowering::convShape(Operation *op, Value x, Value w, Value y) {
  ArrayRef<int64_t> xs = tensorType(x).getShape(), ws = tensorType(w).getShape(), ys = tensorType(y).getShape();
  auto get = [&](StringRef name) { return cast<IntegerAttr>(op->getAttr(name)).getInt(); };
  SmallVector<int64_t> fields{xs[1], xs[2], xs[3],         ys[1],          ys[2],           ys[3],
                              ws[2], ws[3], get("stride"), get("padding"), get("dilation"), get("groups")};
  std::string name = "nasc_conv_shape_" + std::to_string(convShapes_++);
  auto arrayType = LLVM::LLVMArrayType::get(b_.getI64Type(), fields.size());
  {
    OpBuilder::InsertionGuard guard(b_);
    b_.setInsertionPointToStart(module_.getBody());
    LLVM::GlobalOp::create(b_, loc_, arrayType, /*isConstant=*/true, LLVM::Linkage::Internal, name,
                           b_.getI64TensorAttr(fields));
  }
  return LLVM::AddressOfOp::create(b_, loc_, LLVM::LLVMPointerType::get(b_.getContext()), name);
}

LogicalResult Lowering::lowerOp(Operation *op) {
  loc_ = op->getLoc();
  auto dims = [](Value v) { return tensorType(v).getShape(); };
  auto attrInt = [&](StringRef name) { return i64(cast<IntegerAttr>(op->getAttr(name)).getInt()); };
  auto attrF32 = [&](StringRef name) { return f32(cast<FloatAttr>(op->getAttr(name)).getValueAsDouble()); };
  auto optional = [&](Value v) { return v ? ptr(v) : null(); };
  // Rows and the product of the other dimensions of a [N, ...] tensor.
  auto inner = [&](Value v, int64_t from) {
    int64_t p = 1;
    for (int64_t d : dims(v).drop_front(from))
      p *= d;
    return p;
  };
  if (fused_.contains(op))
    return success();
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case<nn::LinearOp>([&](nn::LinearOp linear) {
        auto [act, y] = fuseActivation(op, linear.getOutput(), fused_);
        call("nasc_linear", {ptr(linear.getInput()), ptr(linear.getWeight()), optional(linear.getBias()), ptr(y), n_,
                             i64(dims(linear.getWeight())[1]), i64(dims(linear.getWeight())[0]),
                             i64(act ? activationKind(act) : int64_t(NASC_ACT_NONE))});
        return success();
      })
      .Case<nn::ConvOp>([&](nn::ConvOp conv) {
        auto [act, y] = fuseActivation(op, conv.getOutput(), fused_);
        call("nasc_conv2d", {ptr(conv.getInput()), ptr(conv.getWeight()), optional(conv.getBias()), ptr(y),
                             slotPtr(plan_.scratchOf(op)), convShape(op, conv.getInput(), conv.getWeight(), y), n_,
                             i64(act ? activationKind(act) : int64_t(NASC_ACT_NONE))});
        return success();
      })
      .Case<nn::ConvGradInputOp>([&](nn::ConvGradInputOp g) {
        call("nasc_conv2d_grad_input",
             {ptr(g.getGrad()), ptr(g.getWeight()), ptr(g.getInputGrad()), slotPtr(plan_.scratchOf(op)),
              convShape(op, g.getInputGrad(), g.getWeight(), g.getGrad()), n_});
        return success();
      })
      .Case<nn::ConvGradWeightOp>([&](nn::ConvGradWeightOp g) {
        call("nasc_conv2d_grad_weight",
             {ptr(g.getGrad()), ptr(g.getInput()), ptr(g.getWeightGrad()), slotPtr(plan_.scratchOf(op)),
              convShape(op, g.getInput(), g.getWeightGrad(), g.getGrad()), n_});
        return success();
      })
      .Case<nn::ReluOp, nn::GeluOp, nn::TanhOp, nn::SigmoidOp, nn::SiluOp>([&](Operation *a) {
        call("nasc_activation",
             {ptr(a->getOperand(0)), ptr(a->getResult(0)), count(a->getResult(0)), i64(activationKind(a))});
        return success();
      })
      .Case<nn::ActivationGradOp>([&](nn::ActivationGradOp g) {
        call("nasc_activation_grad", {ptr(g.getGrad()), ptr(g.getInput()), ptr(g.getOutput()), ptr(g.getInputGrad()),
                                      count(g.getGrad()), i64(activationKind(g.getKind()))});
        return success();
      })
      .Case<nn::IdentityOp, nn::FlattenOp, nn::ReshapeOp>([&](auto) { return success(); }) // aliases
      .Case<nn::ZeroOp>([&](nn::ZeroOp z) {
        call("nasc_fill_zero", {ptr(z.getOutput()), count(z.getOutput())});
        return success();
      })
      .Case<nn::MaxPoolOp, nn::AvgPoolOp>([&](Operation *pool) {
        Value x = pool->getOperand(0), y = pool->getResult(0);
        call("nasc_pool2d",
             {ptr(x), ptr(y), n_, i64(dims(x)[1]), i64(dims(x)[2]), i64(dims(x)[3]), i64(dims(y)[2]), i64(dims(y)[3]),
              i64(*nn::intSetting(pool, "kernel")), i64(*nn::intSetting(pool, "stride")),
              i64(nn::windowPaddingOf(pool)), i64(isa<nn::AvgPoolOp>(pool) ? 1 : 0)});
        return success();
      })
      .Case<nn::PoolGradOp>([&](nn::PoolGradOp g) {
        Value x = g.getInput(), dy = g.getGrad();
        call("nasc_pool2d_grad", {ptr(dy), ptr(x), ptr(g.getInputGrad()), n_, i64(dims(x)[1]), i64(dims(x)[2]),
                                  i64(dims(x)[3]), i64(dims(dy)[2]), i64(dims(dy)[3]), attrInt("kernel"),
                                  attrInt("stride"), attrInt("padding"), i64(g.getKind() == "avg" ? 1 : 0)});
        return success();
      })
      .Case<nn::GlobalAvgPoolOp>([&](nn::GlobalAvgPoolOp pool) {
        Value x = pool.getInput();
        call("nasc_global_avgpool", {ptr(x), ptr(pool.getOutput()), n_, i64(dims(x)[1]), i64(inner(x, 2))});
        return success();
      })
      .Case<nn::GlobalAvgPoolGradOp>([&](nn::GlobalAvgPoolGradOp g) {
        Value dx = g.getInputGrad();
        call("nasc_global_avgpool_grad", {ptr(g.getGrad()), ptr(dx), n_, i64(dims(dx)[1]), i64(inner(dx, 2))});
        return success();
      })
      .Case<nn::AddOp>([&](nn::AddOp add) {
        Value y = add.getOutput();
        auto inputs = add.getInputs();
        if (inputs.size() == 1) {
          call("nasc_copy_rows", {ptr(inputs[0]), ptr(y), i64(1), count(y), i64(0), i64(0)});
          return success();
        }
        call("nasc_add", {ptr(inputs[0]), ptr(inputs[1]), ptr(y), count(y)});
        for (Value more : inputs.drop_front(2))
          call("nasc_add", {ptr(y), ptr(more), ptr(y), count(y)});
        return success();
      })
      .Case<nn::MulOp>([&](nn::MulOp mul) {
        call("nasc_mul", {ptr(mul.getLhs()), ptr(mul.getRhs()), ptr(mul.getOutput()), count(mul.getOutput())});
        return success();
      })
      .Case<nn::ConcatOp>([&](nn::ConcatOp concat) {
        int64_t axis = concat.getAxis(), outInner = inner(concat.getOutput(), axis), offset = 0;
        Value rows = LLVM::MulOp::create(b_, loc_, n_, i64(inner(concat.getOutput(), 1) / outInner));
        for (Value in : concat.getInputs()) {
          int64_t inInner = inner(in, axis);
          Value dst = LLVM::GEPOp::create(b_, loc_, LLVM::LLVMPointerType::get(b_.getContext()), b_.getF32Type(),
                                          ptr(concat.getOutput()), ArrayRef<LLVM::GEPArg>{i64(offset)});
          call("nasc_copy_rows", {ptr(in), dst, rows, i64(inInner), i64(inInner), i64(outInner)});
          offset += inInner;
        }
        return success();
      })
      .Case<nn::SliceOp>([&](nn::SliceOp slice) {
        int64_t axis = slice.getAxis(), inInner = inner(slice.getInput(), axis),
                outInner = inner(slice.getOutput(), axis);
        Value rows = LLVM::MulOp::create(b_, loc_, n_, i64(inner(slice.getInput(), 1) / inInner));
        Value src = LLVM::GEPOp::create(
            b_, loc_, LLVM::LLVMPointerType::get(b_.getContext()), b_.getF32Type(), ptr(slice.getInput()),
            ArrayRef<LLVM::GEPArg>{i64(static_cast<int64_t>(slice.getOffset()) * inner(slice.getInput(), axis + 1))});
        call("nasc_copy_rows", {src, ptr(slice.getOutput()), rows, i64(outInner), i64(inInner), i64(outInner)});
        return success();
      })
      .Case<nn::BatchNormTrainOp>([&](nn::BatchNormTrainOp bn) {
        Value x = bn.getInput();
        call("nasc_batchnorm_train",
             {ptr(x), ptr(bn.getScale()), ptr(bn.getShift()), ptr(bn.getOutput()), ptr(bn.getMean()),
              ptr(bn.getInvstd()), ptr(bn.getRunningMean()), ptr(bn.getRunningVar()), n_, i64(dims(x)[1]),
              i64(inner(x, 2)), attrF32("eps"), attrF32("momentum")});
        return success();
      })
      .Case<nn::BatchNormInferOp>([&](nn::BatchNormInferOp bn) {
        Value x = bn.getInput();
        call("nasc_batchnorm_infer",
             {ptr(x), ptr(bn.getScale()), ptr(bn.getShift()), ptr(bn.getRunningMean()), ptr(bn.getRunningVar()),
              ptr(bn.getOutput()), n_, i64(dims(x)[1]), i64(inner(x, 2)), attrF32("eps")});
        return success();
      })
      .Case<nn::BatchNormGradOp, nn::LayerNormGradOp>([&](Operation *g) {
        Value x = g->getOperand(1);
        bool batch = isa<nn::BatchNormGradOp>(g);
        SmallVector<Value> args{ptr(g->getOperand(0)),
                                ptr(x),
                                ptr(g->getOperand(2)),
                                ptr(g->getOperand(3)),
                                ptr(g->getOperand(4)),
                                ptr(g->getResult(0)),
                                ptr(g->getResult(1)),
                                ptr(g->getResult(2)),
                                n_};
        if (batch)
          args.append({i64(dims(x)[1]), i64(inner(x, 2))});
        else
          args.push_back(i64(inner(x, 1)));
        call(batch ? "nasc_batchnorm_grad" : "nasc_layernorm_grad", args);
        return success();
      })
      .Case<nn::LayerNormTrainOp>([&](nn::LayerNormTrainOp ln) {
        Value x = ln.getInput();
        call("nasc_layernorm", {ptr(x), ptr(ln.getScale()), ptr(ln.getShift()), ptr(ln.getOutput()), ptr(ln.getMean()),
                                ptr(ln.getInvstd()), n_, i64(inner(x, 1)), attrF32("eps")});
        return success();
      })
      .Case<nn::DropoutTrainOp>([&](nn::DropoutTrainOp d) {
        // A different mask at every step and in every layer.
        Value seed = LLVM::AddOp::create(b_, loc_, LLVM::MulOp::create(b_, loc_, step_, i64(1000003)), attrInt("salt"));
        call("nasc_dropout",
             {ptr(d.getInput()), ptr(d.getOutput()), ptr(d.getMask()), count(d.getInput()), attrF32("rate"), seed});
        return success();
      })
      .Case<nn::SoftmaxCrossEntropyOp>([&](nn::SoftmaxCrossEntropyOp loss) {
        // The gradient, when the step needs it, comes from the same pass.
        Value dlogits;
        for (Operation *user : loss.getLogits().getUsers())
          if (auto grad = dyn_cast<nn::SoftmaxCrossEntropyGradOp>(user); grad && grad.getLabels() == loss.getLabels()) {
            dlogits = grad.getGrad();
            fused_.insert(grad);
          }
        call("nasc_softmax_cross_entropy", {ptr(loss.getLogits()), ptr(loss.getLabels()), ptr(loss.getLoss()),
                                            optional(dlogits), n_, i64(dims(loss.getLogits())[1])});
        return success();
      })
      .Case<nn::SoftmaxCrossEntropyGradOp>([&](nn::SoftmaxCrossEntropyGradOp g) {
        call("nasc_softmax_cross_entropy", {ptr(g.getLogits()), ptr(g.getLabels()), slotPtr(plan_.scratchOf(op)),
                                            ptr(g.getGrad()), n_, i64(dims(g.getLogits())[1])});
        return success();
      })
      .Case<nn::LinearGradInputOp>([&](nn::LinearGradInputOp g) {
        ArrayRef<int64_t> w = dims(g.getWeight());
        call("nasc_linear_grad_input",
             {ptr(g.getGrad()), ptr(g.getWeight()), ptr(g.getInputGrad()), n_, i64(w[1]), i64(w[0])});
        return success();
      })
      .Case<nn::LinearGradWeightOp>([&](nn::LinearGradWeightOp g) {
        ArrayRef<int64_t> w = dims(g.getWeightGrad());
        call("nasc_linear_grad_weight",
             {ptr(g.getGrad()), ptr(g.getInput()), ptr(g.getWeightGrad()), n_, i64(w[1]), i64(w[0])});
        return success();
      })
      .Case<nn::BiasGradOp>([&](nn::BiasGradOp g) {
        Value dy = g.getGrad();
        call("nasc_bias_grad", {ptr(dy), ptr(g.getBiasGrad()), n_, i64(dims(dy)[1]), i64(inner(dy, 2))});
        return success();
      })
      .Case<nn::SGDUpdateOp>([&](nn::SGDUpdateOp u) {
        Value first = LLVM::ZExtOp::create(b_, loc_, b_.getI64Type(),
                                           LLVM::ICmpOp::create(b_, loc_, LLVM::ICmpPredicate::eq, step_, i64(1)));
        call("nasc_sgd", {ptr(u.getParam()), ptr(u.getGrad()), ptr(u.getMomentumBuffer()), count(u.getParam()), lr_,
                          attrF32("momentum"), attrF32("weight_decay"), i64(u.getNesterov() ? 1 : 0), first});
        return success();
      })
      .Case<nn::AdamUpdateOp>([&](nn::AdamUpdateOp u) {
        call("nasc_adam", {ptr(u.getParam()), ptr(u.getGrad()), ptr(u.getFirstMoment()), ptr(u.getSecondMoment()),
                           count(u.getParam()), lr_, attrF32("beta1"), attrF32("beta2"), attrF32("eps"),
                           attrF32("weight_decay"), i64(0), step_});
        return success();
      })
      .Case<func::ReturnOp>([&](auto) { return success(); })
      .Default([&](Operation *other) { return other->emitError("has no CPU kernel"); });
}

LogicalResult Lowering::lower(func::FuncOp fn, StringRef symbol) {
  MLIRContext *ctx = module_.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  b_.setInsertionPointToEnd(module_.getBody());
  auto llvmFn = LLVM::LLVMFuncOp::create(
      b_, fn.getLoc(), symbol, LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptrType, b_.getI64Type()}));
  Block *entry = llvmFn.addEntryBlock(b_);
  b_.setInsertionPointToStart(entry);
  arena_ = entry->getArgument(0);
  n_ = entry->getArgument(1);
  loc_ = fn.getLoc();
  for (auto [i, arg] : llvm::enumerate(fn.getArguments())) {
    auto role = fn.getArgAttrOfType<StringAttr>(i, "nn.role");
    if (role && role.getValue() == "lr")
      lr_ = LLVM::LoadOp::create(b_, loc_, b_.getF32Type(), slotPtr(plan_.slot("lr").offset));
    if (role && role.getValue() == "step")
      step_ = LLVM::LoadOp::create(b_, loc_, b_.getI64Type(), slotPtr(plan_.slot("step").offset));
  }
  for (Operation &op : fn.getBody().front())
    if (failed(lowerOp(&op)))
      return failure();
  LLVM::ReturnOp::create(b_, loc_, ValueRange());
  return success();
}
} // namespace

LogicalResult lowerToCPU(ModuleOp module, int64_t batch) {
  return lowerWithPlan(module, batch, [&](BufferPlan &plan, const TrainingFunctions &fns) {
    Lowering lowering(module, plan);
    return success(succeeded(lowering.lower(fns.train, "nasc_train_step")) &&
                   succeeded(lowering.lower(fns.infer, "nasc_infer")));
  });
}

#define GEN_PASS_DEF_NNLOWERCPU
#include "nas/Passes/Passes.h.inc"

namespace {
struct NNLowerCPU : impl::NNLowerCPUBase<NNLowerCPU> {
  using NNLowerCPUBase::NNLowerCPUBase;
  void runOnOperation() override {
    if (failed(lowerToCPU(getOperation(), batch)))
      signalPassFailure();
  }
};
} // namespace

} // namespace nas
