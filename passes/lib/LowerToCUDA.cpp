//===- LowerToCUDA.cpp - Training functions as a GPU launch plan ----------===//
//
// nn-lower-cuda: `@train_step` and `@infer` (from nn-autodiff) become two
// lists of the runtime's plan steps (nas::PlanStep: kernel launches, cuBLAS
// products, cuDNN convolutions; their format is defined in
// nas/Runtime/CudaPlan.h and nowhere else) over one device arena laid out
// as for the CPU (BufferPlan, `nn.layout`). The module keeps them in the
// attribute `nn.cuda_plan`, each step the dictionary of its plan.json
// object, from which readCudaPlan gets them back.
//
// The matrix products and convolutions go to cuBLAS and cuDNN; everything
// else runs in kernels (CudaKernels), one thread per element, row or
// channel. Contiguous elementwise ops over the same elements (activations
// and their gradients, add, mul, zero) are fused into one kernel that loads
// each input once and stores only the values read outside it; a layer's
// bias and epilogue activation run in one kernel after its product.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/LowerToCUDA.h"

#include "CudaKernels.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/BufferPlan.h"
#include "nas/Passes/Fusion.h"
#include "nas/Passes/Passes.h"
#include "nas/Runtime/Kernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "llvm/ADT/TypeSwitch.h"

#include <nlohmann/json.hpp>

namespace nas {

using namespace mlir;

namespace {
RankedTensorType tensorType(Value v) { return cast<RankedTensorType>(v.getType()); }

/// Elements of a tensor: per row, and whether it has the batch dimension.
struct Count {
  int64_t perRow = 1;
  bool batched = false;
  bool operator==(const Count &) const = default;
  PlanOperand operand() const { return batched ? PlanOperand::rows(perRow) : PlanOperand::integer(perRow); }
};

Count countOf(Value v) {
  Count c;
  for (int64_t d : tensorType(v).getShape()) {
    if (ShapedType::isDynamic(d))
      c.batched = true;
    else
      c.perRow *= d;
  }
  return c;
}

int64_t innerOf(Value v, int64_t from) {
  int64_t p = 1;
  for (int64_t d : tensorType(v).getShape().drop_front(from))
    p *= d;
  return p;
}

PlanOperand num(int64_t v) { return PlanOperand::integer(v); }
const PlanOperand kRows = PlanOperand::rows();

/// A step's plan.json object (strings, lists of strings) as an attribute,
/// field for field, and back: the module carries the runtime's format
/// without knowing its fields.
Attribute attributeOf(Builder &b, const nlohmann::json &j) {
  if (j.is_object()) {
    SmallVector<NamedAttribute> fields;
    for (const auto &[name, value] : j.items())
      fields.push_back(b.getNamedAttr(name, attributeOf(b, value)));
    return b.getDictionaryAttr(fields);
  }
  if (j.is_array()) {
    SmallVector<Attribute> items;
    for (const nlohmann::json &item : j)
      items.push_back(attributeOf(b, item));
    return b.getArrayAttr(items);
  }
  return b.getStringAttr(j.get<std::string>());
}

nlohmann::json jsonOf(Attribute a) {
  if (auto fields = dyn_cast<DictionaryAttr>(a)) {
    nlohmann::json j = nlohmann::json::object();
    for (NamedAttribute field : fields)
      j[field.getName().str()] = jsonOf(field.getValue());
    return j;
  }
  if (auto items = dyn_cast<ArrayAttr>(a)) {
    nlohmann::json j = nlohmann::json::array();
    for (Attribute item : items)
      j.push_back(jsonOf(item));
    return j;
  }
  if (auto text = dyn_cast<StringAttr>(a))
    return text.str();
  return nullptr; // not a plan value: parsePlanStep says which field
}

class CudaLowering {
public:
  CudaLowering(ModuleOp module, BufferPlan &plan) : plan_(plan), kernels_(module) {}

  LogicalResult lower(func::FuncOp fn, std::vector<PlanStep> &steps);
  CudaKernels &kernels() { return kernels_; }

private:
  PlanOperand at(Value tensor) const { return PlanOperand::arena(plan_.offsetOf(tensor)); }
  PlanOperand atSlot(StringRef name) const { return PlanOperand::arena(plan_.slot(name).offset); }

  void launch(const std::string &kernel, PlanOperand threads, std::vector<PlanOperand> args);
  void gemm(bool transA, bool transB, PlanOperand m, PlanOperand n, PlanOperand k, Value a, int64_t lda, Value bMatrix,
            int64_t ldb, Value c, int64_t ldc);
  void conv(PlanStep::Kind kind, Operation *op, Value x, Value w, Value y);
  /// The bias and the epilogue activation of a dense or conv layer.
  void epilogue(Value y, Value bias, Operation *act, int64_t channels, int64_t inner);
  void flushGroup();
  /// dst[r * dstStride + j] = src[r * srcStride + j] for j < inner and
  /// rowsPerSample rows of each of the n samples (concat, slice); byte
  /// offsets into the two buffers.
  void copyRows(Value src, int64_t srcByte, Value dst, int64_t dstByte, int64_t rowsPerSample, int64_t inner,
                int64_t srcStride, int64_t dstStride);
  LogicalResult lowerOp(Operation *op);

  BufferPlan &plan_;
  CudaKernels kernels_;
  std::vector<PlanStep> *steps_ = nullptr;
  DenseSet<Operation *> fused_;
  SmallVector<Operation *> group_; // contiguous elementwise ops, not yet launched
};

void CudaLowering::launch(const std::string &kernel, PlanOperand threads, std::vector<PlanOperand> args) {
  if (kernels_.arity(kernel) != args.size())
    llvm::report_fatal_error(llvm::Twine("nn-lower-cuda: kernel ") + kernel + " takes " +
                             llvm::Twine(kernels_.arity(kernel)) + " arguments, not " + llvm::Twine(args.size()));
  steps_->push_back(PlanStep::launch(kernel, threads, std::move(args)));
}

void CudaLowering::gemm(bool transA, bool transB, PlanOperand m, PlanOperand n, PlanOperand k, Value a, int64_t lda,
                        Value bMatrix, int64_t ldb, Value c, int64_t ldc) {
  steps_->push_back(PlanStep::gemm(transA, transB, m, n, k, at(a), num(lda), at(bMatrix), num(ldb), at(c), num(ldc)));
}

void CudaLowering::conv(PlanStep::Kind kind, Operation *op, Value x, Value w, Value y) {
  ArrayRef<int64_t> xs = tensorType(x).getShape(), ws = tensorType(w).getShape(), ys = tensorType(y).getShape();
  auto get = [&](StringRef name) { return cast<IntegerAttr>(op->getAttr(name)).getInt(); };
  // C H W  K OH OW  R S  stride padding dilation groups, as nasc_conv_shape.
  std::array<int64_t, 12> shape{xs[1], xs[2], xs[3],         ys[1],          ys[2],           ys[3],
                                ws[2], ws[3], get("stride"), get("padding"), get("dilation"), get("groups")};
  steps_->push_back(PlanStep::conv(kind, at(x), at(w), at(y), shape));
}

void CudaLowering::epilogue(Value y, Value bias, Operation *act, int64_t channels, int64_t inner) {
  int64_t kind = act ? activationKind(act) : int64_t(NASC_ACT_NONE);
  if (!bias && kind == NASC_ACT_NONE)
    return;
  std::vector<PlanOperand> args{at(y)};
  if (bias)
    args.insert(args.end(), {at(bias), num(channels), num(inner)});
  launch(kernels_.epilogue(bool(bias), kind), countOf(y).operand(), args);
}

void CudaLowering::copyRows(Value src, int64_t srcByte, Value dst, int64_t dstByte, int64_t rowsPerSample,
                            int64_t inner, int64_t srcStride, int64_t dstStride) {
  launch(kernels_.copyRows(), Count{rowsPerSample * inner, true}.operand(),
         {PlanOperand::arena(plan_.offsetOf(src) + srcByte), PlanOperand::arena(plan_.offsetOf(dst) + dstByte),
          num(inner), num(srcStride), num(dstStride)});
}

void CudaLowering::flushGroup() {
  if (group_.empty())
    return;
  FusedKernel fused = kernels_.fusedElementwise(group_);
  std::vector<PlanOperand> args;
  for (Value v : fused.inputs)
    args.push_back(at(v));
  for (Value v : fused.outputs)
    args.push_back(at(v));
  launch(fused.name, countOf(group_.front()->getResult(0)).operand(), args);
  group_.clear();
}

LogicalResult CudaLowering::lowerOp(Operation *op) {
  auto dims = [](Value v) { return tensorType(v).getShape(); };
  auto attrF = [&](StringRef name) { return cast<FloatAttr>(op->getAttr(name)).getValueAsDouble(); };
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case<nn::LinearOp>([&](nn::LinearOp linear) {
        // Row-major y[n, out] = x[n, in] w[out, in]^T is, column-major,
        // y^T = w^T x^T with w read as an [in x out] matrix transposed.
        auto [act, y] = fuseActivation(op, linear.getOutput(), fused_);
        int64_t in = dims(linear.getWeight())[1], out = dims(linear.getWeight())[0];
        gemm(true, false, num(out), kRows, num(in), linear.getWeight(), in, linear.getInput(), in, y, out);
        epilogue(y, linear.getBias(), act, out, 1);
        return success();
      })
      .Case<nn::LinearGradInputOp>([&](nn::LinearGradInputOp g) {
        int64_t in = dims(g.getWeight())[1], out = dims(g.getWeight())[0];
        gemm(false, false, num(in), kRows, num(out), g.getWeight(), in, g.getGrad(), out, g.getInputGrad(), in);
        return success();
      })
      .Case<nn::LinearGradWeightOp>([&](nn::LinearGradWeightOp g) {
        int64_t in = dims(g.getWeightGrad())[1], out = dims(g.getWeightGrad())[0];
        gemm(false, true, num(in), num(out), kRows, g.getInput(), in, g.getGrad(), out, g.getWeightGrad(), in);
        return success();
      })
      .Case<nn::ConvOp>([&](nn::ConvOp c) {
        auto [act, y] = fuseActivation(op, c.getOutput(), fused_);
        conv(PlanStep::Kind::ConvForward, op, c.getInput(), c.getWeight(), y);
        epilogue(y, c.getBias(), act, dims(y)[1], innerOf(y, 2));
        return success();
      })
      .Case<nn::ConvGradInputOp>([&](nn::ConvGradInputOp g) {
        conv(PlanStep::Kind::ConvBackwardData, op, g.getInputGrad(), g.getWeight(), g.getGrad());
        return success();
      })
      .Case<nn::ConvGradWeightOp>([&](nn::ConvGradWeightOp g) {
        conv(PlanStep::Kind::ConvBackwardFilter, op, g.getInput(), g.getWeightGrad(), g.getGrad());
        return success();
      })
      .Case<nn::BiasGradOp>([&](nn::BiasGradOp g) {
        std::string sum = kernels_.biasGrad();
        Value dy = g.getGrad();
        int64_t C = dims(dy)[1], inner = innerOf(dy, 2);
        if (inner == 1) {
          launch(sum, num(C), {at(dy), at(g.getBiasGrad()), kRows, num(C), num(1)});
          return success();
        }
        // A conv layer's: first one thread per sample and channel sums its
        // plane into the scratch, then one per channel sums the samples.
        PlanOperand scratch = PlanOperand::arena(plan_.scratchOf(op));
        launch(kernels_.planeSums(), Count{C, true}.operand(), {at(dy), scratch, num(inner)});
        launch(sum, num(C), {scratch, at(g.getBiasGrad()), kRows, num(C), num(1)});
        return success();
      })
      .Case<nn::SoftmaxCrossEntropyOp, nn::SoftmaxCrossEntropyGradOp>([&](Operation *) {
        // The mean loss is summed atomically into a slot zeroed first. The
        // gradient, when the step needs it, comes from the same kernel.
        Value logits = op->getOperand(0), labels = op->getOperand(1), loss, dlogits;
        if (auto f = dyn_cast<nn::SoftmaxCrossEntropyOp>(op)) {
          loss = f.getLoss();
          for (Operation *user : logits.getUsers())
            if (auto grad = dyn_cast<nn::SoftmaxCrossEntropyGradOp>(user); grad && grad.getLabels() == labels) {
              dlogits = grad.getGrad();
              fused_.insert(grad);
            }
        } else {
          dlogits = op->getResult(0);
        }
        PlanOperand lossAt = loss ? at(loss) : PlanOperand::arena(plan_.scratchOf(op));
        launch(kernels_.zero(), num(1), {lossAt});
        bool grad = static_cast<bool>(dlogits);
        std::string name = kernels_.softmaxCrossEntropy(grad);
        std::vector<PlanOperand> args{at(logits), at(labels), lossAt};
        if (grad)
          args.push_back(at(dlogits));
        args.insert(args.end(), {kRows, num(dims(logits)[1])});
        launch(name, kRows, args);
        return success();
      })
      .Case<nn::SGDUpdateOp>([&](nn::SGDUpdateOp u) {
        double momentum = attrF("momentum");
        std::string name = kernels_.sgd(momentum, attrF("weight_decay"), u.getNesterov());
        std::vector<PlanOperand> args{at(u.getParam()), at(u.getGrad())};
        if (momentum != 0)
          args.push_back(at(u.getMomentumBuffer()));
        args.push_back(atSlot("lr"));
        if (momentum != 0)
          args.push_back(atSlot("step"));
        launch(name, countOf(u.getParam()).operand(), args);
        return success();
      })
      .Case<nn::AdamUpdateOp>([&](nn::AdamUpdateOp u) {
        launch(kernels_.adam(attrF("beta1"), attrF("beta2"), attrF("eps"), attrF("weight_decay")),
               countOf(u.getParam()).operand(),
               {at(u.getParam()), at(u.getGrad()), at(u.getFirstMoment()), at(u.getSecondMoment()), atSlot("lr"),
                atSlot("step")});
        return success();
      })
      .Case<nn::MaxPoolOp, nn::AvgPoolOp>([&](Operation *pool) {
        Value x = pool->getOperand(0), y = pool->getResult(0);
        ArrayRef<int64_t> xs = dims(x), ys = dims(y);
        launch(kernels_.pool(isa<nn::AvgPoolOp>(pool)), countOf(y).operand(),
               {at(x), at(y), num(xs[2]), num(xs[3]), num(ys[2]), num(ys[3]), num(*nn::intSetting(pool, "kernel")),
                num(*nn::intSetting(pool, "stride")), num(nn::windowPaddingOf(pool))});
        return success();
      })
      .Case<nn::PoolGradOp>([&](nn::PoolGradOp g) {
        std::string name = kernels_.poolGrad(g.getKind() == "avg");
        Value x = g.getInput(), dy = g.getGrad();
        ArrayRef<int64_t> xs = dims(x), ys = dims(dy);
        launch(name, countOf(x).operand(),
               {at(dy), at(x), at(g.getInputGrad()), num(xs[2]), num(xs[3]), num(ys[2]), num(ys[3]), num(g.getKernel()),
                num(g.getStride()), num(g.getPadding())});
        return success();
      })
      .Case<nn::GlobalAvgPoolOp>([&](nn::GlobalAvgPoolOp pool) {
        std::string name = kernels_.globalAvgPool();
        Value x = pool.getInput();
        launch(name, Count{dims(x)[1], true}.operand(), {at(x), at(pool.getOutput()), num(innerOf(x, 2))});
        return success();
      })
      .Case<nn::GlobalAvgPoolGradOp>([&](nn::GlobalAvgPoolGradOp g) {
        std::string name = kernels_.globalAvgPoolGrad();
        Value dx = g.getInputGrad();
        launch(name, countOf(dx).operand(), {at(g.getGrad()), at(dx), num(innerOf(dx, 2))});
        return success();
      })
      .Case<nn::BatchNormTrainOp>([&](nn::BatchNormTrainOp bn) {
        // Per channel the statistics and the running ones; then each
        // element normalized.
        Value x = bn.getInput();
        int64_t C = dims(x)[1], inner = innerOf(x, 2);
        launch(kernels_.batchNormStats(attrF("eps"), attrF("momentum")), num(C),
               {at(x), at(bn.getMean()), at(bn.getInvstd()), at(op->getOperand(3)), at(op->getOperand(4)), kRows,
                num(C), num(inner)});
        launch(kernels_.batchNormApply(), countOf(x).operand(),
               {at(x), at(bn.getScale()), at(bn.getShift()), at(bn.getMean()), at(bn.getInvstd()), at(bn.getOutput()),
                num(C), num(inner)});
        return success();
      })
      .Case<nn::BatchNormInferOp>([&](nn::BatchNormInferOp bn) {
        Value x = bn.getInput();
        launch(kernels_.batchNormInfer(attrF("eps")), countOf(x).operand(),
               {at(x), at(bn.getScale()), at(bn.getShift()), at(op->getOperand(3)), at(op->getOperand(4)),
                at(bn.getOutput()), num(dims(x)[1]), num(innerOf(x, 2))});
        return success();
      })
      .Case<nn::BatchNormGradOp>([&](nn::BatchNormGradOp g) {
        // Per channel: dbeta and dgamma; then each element's dx.
        Value x = g.getInput(), dgamma = g->getResult(1), dbeta = g->getResult(2);
        int64_t C = dims(x)[1], inner = innerOf(x, 2);
        launch(kernels_.batchNormGradSums(), num(C),
               {at(g.getGrad()), at(x), at(g.getMean()), at(g.getInvstd()), at(dgamma), at(dbeta), kRows, num(C),
                num(inner)});
        launch(kernels_.batchNormGradInput(), countOf(x).operand(),
               {at(g.getGrad()), at(x), at(g.getScale()), at(g.getMean()), at(g.getInvstd()), at(dgamma), at(dbeta),
                at(g->getResult(0)), num(C), num(inner), kRows});
        return success();
      })
      .Case<nn::DropoutTrainOp>([&](nn::DropoutTrainOp d) {
        launch(kernels_.dropout(attrF("rate")), countOf(d.getInput()).operand(),
               {at(d.getInput()), at(d.getOutput()), at(d.getMask()), atSlot("step"),
                num(cast<IntegerAttr>(op->getAttr("salt")).getInt())});
        return success();
      })
      .Case<nn::ConcatOp>([&](nn::ConcatOp concat) {
        int64_t axis = concat.getAxis(), outInner = innerOf(concat.getOutput(), axis), offset = 0;
        int64_t rowsPerSample = innerOf(concat.getOutput(), 1) / outInner;
        for (Value in : concat.getInputs()) {
          int64_t inInner = innerOf(in, axis);
          copyRows(in, 0, concat.getOutput(), offset * 4, rowsPerSample, inInner, inInner, outInner);
          offset += inInner;
        }
        return success();
      })
      .Case<nn::SliceOp>([&](nn::SliceOp slice) {
        int64_t axis = slice.getAxis(), inInner = innerOf(slice.getInput(), axis),
                outInner = innerOf(slice.getOutput(), axis);
        int64_t start = static_cast<int64_t>(slice.getOffset()) * innerOf(slice.getInput(), axis + 1);
        copyRows(slice.getInput(), start * 4, slice.getOutput(), 0, innerOf(slice.getInput(), 1) / inInner, outInner,
                 inInner, outInner);
        return success();
      })
      .Case<nn::LayerNormTrainOp>([&](nn::LayerNormTrainOp ln) {
        // Per row: mean and invstd; then each element.
        Value x = ln.getInput();
        int64_t D = innerOf(x, 1);
        launch(kernels_.layerNormStats(attrF("eps")), kRows, {at(x), at(ln.getMean()), at(ln.getInvstd()), num(D)});
        launch(kernels_.layerNormApply(), countOf(x).operand(),
               {at(x), at(ln.getScale()), at(ln.getShift()), at(ln.getMean()), at(ln.getInvstd()), at(ln.getOutput()),
                num(D)});
        return success();
      })
      .Case<nn::LayerNormGradOp>([&](Operation *g) {
        // Per row: dx; per feature: dgamma and dbeta.
        Value dy = g->getOperand(0), x = g->getOperand(1), gamma = g->getOperand(2), mean = g->getOperand(3),
              invstd = g->getOperand(4);
        int64_t D = innerOf(x, 1);
        launch(kernels_.layerNormGradInput(), kRows,
               {at(dy), at(x), at(gamma), at(mean), at(invstd), at(g->getResult(0)), num(D)});
        launch(kernels_.layerNormGradParams(), num(D),
               {at(dy), at(x), at(mean), at(invstd), at(g->getResult(1)), at(g->getResult(2)), num(D), kRows});
        return success();
      })
      .Case<func::ReturnOp>([&](auto) { return success(); })
      .Default([&](Operation *other) { return other->emitError("has no CUDA kernel yet"); });
}

LogicalResult CudaLowering::lower(func::FuncOp fn, std::vector<PlanStep> &steps) {
  steps_ = &steps;
  for (Operation &op : fn.getBody().front()) {
    if (fused_.contains(&op))
      continue;
    // Elementwise ops over the same elements, each reading what an earlier
    // one made, join the group; an alias of a group value joins it too
    // (it has no code of its own); anything else ends the group.
    bool joins = false;
    if (!group_.empty() && (isElementwise(&op) || isAlias(&op))) {
      DenseSet<Value> made;
      for (Operation *member : group_)
        made.insert(member->getResult(0));
      bool connected = llvm::any_of(readsOf(&op), [&](Value v) { return made.contains(v); });
      joins = connected && countOf(op.getResult(0)) == countOf(group_.front()->getResult(0));
    }
    if (joins) {
      group_.push_back(&op);
      continue;
    }
    if (isAlias(&op))
      continue;
    flushGroup();
    if (isElementwise(&op)) {
      group_.push_back(&op);
      continue;
    }
    if (failed(lowerOp(&op)))
      return failure();
  }
  flushGroup();
  return success();
}

/// The steps of both functions as the runtime's plan, kept on the module
/// (`nn.cuda_plan`) for readCudaPlan.
LogicalResult lowerPlanned(ModuleOp module, int64_t batch, BufferPlan &plan, const TrainingFunctions &fns) {
  CudaLowering lowering(module, plan);
  std::vector<PlanStep> trainSteps, inferSteps;
  if (failed(lowering.lower(fns.train, trainSteps)) || failed(lowering.lower(fns.infer, inferSteps)))
    return failure();
  std::string rows = lowering.kernels().gatherRows(), labels = lowering.kernels().gatherLabels();
  Builder b(module.getContext());
  auto stepsAttr = [&](const std::vector<PlanStep> &steps) {
    SmallVector<Attribute> list;
    for (const PlanStep &step : steps)
      list.push_back(attributeOf(b, printPlanStep(step)));
    return b.getArrayAttr(list);
  };
  module->setAttr("nn.cuda_plan", b.getDictionaryAttr({b.getNamedAttr("train_step", stepsAttr(trainSteps)),
                                                       b.getNamedAttr("infer", stepsAttr(inferSteps)),
                                                       b.getNamedAttr("gather_rows", b.getStringAttr(rows)),
                                                       b.getNamedAttr("gather_labels", b.getStringAttr(labels))}));
  module->setAttr("nn.batch", b.getI64IntegerAttr(batch));
  return success();
}
} // namespace

LogicalResult lowerToCUDA(ModuleOp module, int64_t batch) {
  return lowerWithPlan(module, batch, [&](BufferPlan &plan, const TrainingFunctions &fns) {
    return lowerPlanned(module, batch, plan, fns);
  });
}

std::optional<CudaPlan> readCudaPlan(ModuleOp module, std::string &error) {
  auto steps = module->getAttrOfType<DictionaryAttr>("nn.cuda_plan");
  auto batch = module->getAttrOfType<IntegerAttr>("nn.batch");
  auto arena = module->getAttrOfType<IntegerAttr>("nn.arena_bytes");
  if (!steps || !batch || !arena) {
    error = "the module has no CUDA plan (nn-lower-cuda makes it)";
    return std::nullopt;
  }
  CudaPlan plan;
  plan.batch = batch.getInt();
  plan.arenaBytes = arena.getInt();
  for (const auto &[fn, list] : {std::pair{"train_step", &plan.trainStep}, std::pair{"infer", &plan.infer}}) {
    auto attrs = steps.getAs<ArrayAttr>(fn);
    if (!attrs) {
      error = std::string("nn.cuda_plan has no '") + fn + "' steps";
      return std::nullopt;
    }
    for (auto [i, step] : llvm::enumerate(attrs)) {
      std::optional<PlanStep> read = parsePlanStep(jsonOf(step), fn + (" step " + std::to_string(i + 1)), error);
      if (!read)
        return std::nullopt;
      list->push_back(std::move(*read));
    }
  }
  auto text = [&](StringRef name) {
    auto attr = steps.getAs<StringAttr>(name);
    return attr ? attr.str() : std::string();
  };
  plan.gatherRows = text("gather_rows");
  plan.gatherLabels = text("gather_labels");
  for (auto kernels : module.getOps<gpu::GPUModuleOp>())
    for (auto fn : kernels.getOps<gpu::GPUFuncOp>())
      plan.kernels.push_back(fn.getName().str());
  return plan;
}

#define GEN_PASS_DEF_NNLOWERCUDA
#include "nas/Passes/Passes.h.inc"

namespace {
struct NNLowerCUDA : impl::NNLowerCUDABase<NNLowerCUDA> {
  using NNLowerCUDABase::NNLowerCUDABase;
  void runOnOperation() override {
    if (failed(lowerToCUDA(getOperation(), batch)))
      signalPassFailure();
  }
};
} // namespace

} // namespace nas
