//===- BufferPlan.cpp - Arena layout of a candidate's training functions --===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/BufferPlan.h"

#include "mlir/IR/Builders.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Fusion.h"
#include "nas/Runtime/Kernels.h"

#include <algorithm>

namespace nas {

using namespace mlir;

namespace {
constexpr int64_t kAlign = 64;
int64_t alignUp(int64_t v) { return (v + kAlign - 1) / kAlign * kAlign; }

/// The value whose buffer `result` of `op` shares, or null.
Value viewOf(Operation *op, unsigned result) {
  if (isa<nn::IdentityOp, nn::FlattenOp, nn::ReshapeOp>(op))
    return op->getOperand(0);
  if (isa<nn::SGDUpdateOp>(op))
    return op->getOperand(result == 0 ? 0 : 2); // param, momentum buffer
  if (isa<nn::AdamUpdateOp>(op))
    return op->getOperand(result == 0 ? 0 : result + 1); // param, moments
  if (isa<nn::BatchNormTrainOp>(op) && result >= 3)
    return op->getOperand(result); // running statistics, updated in place
  return {};
}

/// Floats of scratch an op needs (conv im2col, the loss of a lone gradient,
/// the per-sample sums of a conv layer's bias gradient on the GPU).
int64_t scratchFloats(Operation *op, int64_t batch) {
  if (isa<nn::SoftmaxCrossEntropyGradOp>(op))
    return 1;
  if (auto g = dyn_cast<nn::BiasGradOp>(op)) {
    auto shape = cast<RankedTensorType>(g.getGrad().getType()).getShape();
    return shape.size() > 2 ? batch * shape[1] : 0;
  }
  if (!isa<nn::ConvOp, nn::ConvGradInputOp, nn::ConvGradWeightOp>(op))
    return 0;
  // Operands and results in the order (x or dx, w or dw, y or dy).
  Value x, w, y;
  if (auto conv = dyn_cast<nn::ConvOp>(op))
    std::tie(x, w, y) = std::make_tuple(conv.getInput(), conv.getWeight(), conv.getOutput());
  else if (auto g = dyn_cast<nn::ConvGradInputOp>(op))
    std::tie(x, w, y) = std::make_tuple(g.getInputGrad(), g.getWeight(), g.getGrad());
  else if (auto g = dyn_cast<nn::ConvGradWeightOp>(op))
    std::tie(x, w, y) = std::make_tuple(g.getInput(), g.getWeightGrad(), g.getGrad());
  auto xs = cast<RankedTensorType>(x.getType()).getShape(), ws = cast<RankedTensorType>(w.getType()).getShape(),
       ys = cast<RankedTensorType>(y.getType()).getShape();
  auto get = [&](StringRef name) { return cast<IntegerAttr>(op->getAttr(name)).getInt(); };
  nasc_conv_shape s{xs[1], xs[2], xs[3],         ys[1],          ys[2],           ys[3],
                    ws[2], ws[3], get("stride"), get("padding"), get("dilation"), get("groups")};
  return nasc_conv_scratch_floats(&s, batch);
}
} // namespace

int64_t BufferPlan::bytesOf(Type type) const {
  if (type.isIntOrFloat())
    return std::max<int64_t>(1, type.getIntOrFloatBitWidth() / 8);
  auto tensor = cast<RankedTensorType>(type);
  int64_t elements = 1;
  for (int64_t d : tensor.getShape())
    elements *= ShapedType::isDynamic(d) ? batch_ : d;
  return elements * bytesOf(tensor.getElementType());
}

int64_t BufferPlan::addSlot(ArenaSlot slot) {
  auto [it, added] = slotIndex_.try_emplace(slot.name, slots_.size());
  if (!added)
    return slots_[it->second].offset;
  slot.offset = persistentBytes_;
  persistentBytes_ = alignUp(persistentBytes_ + slot.bytes);
  slots_.push_back(slot);
  return slot.offset;
}

LogicalResult BufferPlan::build(ArrayRef<func::FuncOp> functions,
                                function_ref<Operation *(Operation *)> fusedActivation) {
  // The persistent slots, from the functions' arguments and results.
  for (func::FuncOp fn : functions) {
    for (auto [i, arg] : llvm::enumerate(fn.getArguments())) {
      auto role = fn.getArgAttrOfType<StringAttr>(i, "nn.role");
      if (!role)
        return fn.emitError() << "argument " << i << " has no nn.role";
      auto name = fn.getArgAttrOfType<StringAttr>(i, "nn.name");
      ArenaSlot slot{name ? name.str() : role.str(), role.str(), 0, bytesOf(arg.getType()), {}, "", 0};
      if (auto tensor = dyn_cast<RankedTensorType>(arg.getType()))
        for (int64_t d : tensor.getShape())
          slot.shape.push_back(ShapedType::isDynamic(d) ? -1 : d);
      if (auto init = fn.getArgAttrOfType<StringAttr>(i, "nn.init"))
        slot.init = init.str();
      if (auto fanIn = fn.getArgAttrOfType<IntegerAttr>(i, "nn.fan_in"))
        slot.fanIn = fanIn.getInt();
      offsets_[arg] = addSlot(slot);
    }
    Operation *ret = fn.getBody().front().getTerminator();
    for (auto [i, value] : llvm::enumerate(ret->getOperands())) {
      auto role = fn.getResultAttrOfType<StringAttr>(i, "nn.role");
      if (!role || (role.getValue() != "loss" && role.getValue() != "logits"))
        continue;
      ArenaSlot slot{role.str(), role.str(), 0, bytesOf(value.getType()), {}, "", 0};
      for (int64_t d : cast<RankedTensorType>(value.getType()).getShape())
        slot.shape.push_back(ShapedType::isDynamic(d) ? -1 : d);
      offsets_[value] = addSlot(slot);
    }
  }
  // The workspace: every function starts at the same base.
  for (func::FuncOp fn : functions)
    if (failed(planWorkspace(fn, fusedActivation, persistentBytes_)))
      return failure();
  arenaBytes_ = std::max(arenaBytes_, persistentBytes_);
  return success();
}

LogicalResult BufferPlan::planWorkspace(func::FuncOp fn, function_ref<Operation *(Operation *)> fusedActivation,
                                        int64_t base) {
  // Each value's buffer is that of its root: views and fused layer outputs
  // resolve to the value that owns the bytes.
  DenseMap<Value, Value> rootOf;
  auto root = [&](Value v) {
    while (rootOf.count(v))
      v = rootOf.lookup(v);
    return v;
  };
  DenseMap<Operation *, int64_t> position;
  Block &body = fn.getBody().front();
  int64_t index = 0;
  for (Operation &op : body) {
    position[&op] = index++;
    for (auto [r, result] : llvm::enumerate(op.getResults()))
      if (Value view = viewOf(&op, r))
        rootOf[result] = view;
    if (Operation *act = fusedActivation(&op))
      rootOf[op.getResult(0)] = act->getResult(0);
  }
  // Lifetimes of the workspace buffers (roots not in a persistent slot).
  struct Buffer {
    Value root;
    Operation *scratchOf = nullptr;
    int64_t start = INT64_MAX, end = -1, bytes = 0;
  };
  std::vector<Buffer> buffers;
  DenseMap<Value, size_t> bufferOf;
  auto touch = [&](Value v, int64_t at) {
    Value r = root(v);
    if (offsets_.count(r) || !isa<RankedTensorType>(r.getType()))
      return;
    auto [it, added] = bufferOf.try_emplace(r, buffers.size());
    if (added)
      buffers.push_back({r, nullptr, at, at, bytesOf(r.getType())});
    Buffer &b = buffers[it->second];
    b.start = std::min(b.start, at);
    b.end = std::max(b.end, at);
  };
  for (Operation &op : body) {
    int64_t at = position[&op];
    for (Value operand : op.getOperands())
      touch(operand, at);
    for (Value result : op.getResults())
      touch(result, at);
    if (int64_t floats = scratchFloats(&op, batch_))
      buffers.push_back({Value(), &op, at, at, floats * 4});
  }
  // First fit in order of start, reusing bytes whose last use has passed.
  std::vector<size_t> order(buffers.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return buffers[a].start < buffers[b].start; });
  std::vector<std::pair<int64_t, size_t>> live; // (offset, buffer), sorted by offset
  std::vector<int64_t> offsetOfBuffer(buffers.size());
  int64_t top = 0;
  for (size_t i : order) {
    Buffer &b = buffers[i];
    std::erase_if(live, [&](auto &entry) { return buffers[entry.second].end < b.start; });
    int64_t size = alignUp(b.bytes), at = 0;
    for (auto &[offset, other] : live) {
      if (offset - at >= size)
        break;
      at = std::max(at, offset + alignUp(buffers[other].bytes));
    }
    offsetOfBuffer[i] = at;
    live.insert(std::upper_bound(live.begin(), live.end(), std::make_pair(at, i)), {at, i});
    top = std::max(top, at + size);
  }
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (buffers[i].scratchOf)
      scratch_[buffers[i].scratchOf] = base + offsetOfBuffer[i];
    else
      offsets_[buffers[i].root] = base + offsetOfBuffer[i];
  }
  // Views resolve through their roots.
  for (auto [v, _] : rootOf)
    offsets_[v] = offsets_.lookup(root(v));
  arenaBytes_ = std::max(arenaBytes_, base + top);
  return success();
}

int64_t BufferPlan::offsetOf(Value tensor) const {
  auto it = offsets_.find(tensor);
  assert(it != offsets_.end() && "a value without a buffer");
  return it->second;
}

ArrayAttr BufferPlan::toAttribute(MLIRContext *context) const {
  Builder b(context);
  SmallVector<Attribute> entries;
  for (const ArenaSlot &slot : slots_) {
    SmallVector<NamedAttribute> fields{b.getNamedAttr("name", b.getStringAttr(slot.name)),
                                       b.getNamedAttr("role", b.getStringAttr(slot.role)),
                                       b.getNamedAttr("offset", b.getI64IntegerAttr(slot.offset)),
                                       b.getNamedAttr("bytes", b.getI64IntegerAttr(slot.bytes)),
                                       b.getNamedAttr("shape", b.getI64ArrayAttr(slot.shape))};
    if (!slot.init.empty())
      fields.push_back(b.getNamedAttr("init", b.getStringAttr(slot.init)));
    if (slot.fanIn)
      fields.push_back(b.getNamedAttr("fan_in", b.getI64IntegerAttr(slot.fanIn)));
    entries.push_back(b.getDictionaryAttr(fields));
  }
  return b.getArrayAttr(entries);
}

FailureOr<TrainingFunctions> planTrainingFunctions(ModuleOp module, BufferPlan &plan) {
  TrainingFunctions fns{module.lookupSymbol<func::FuncOp>("train_step"), module.lookupSymbol<func::FuncOp>("infer")};
  if (!fns.train || !fns.infer)
    return module.emitError("has no @train_step and @infer to lower (run nn-autodiff first)");
  if (failed(plan.build({fns.train, fns.infer}, epilogueActivation)))
    return failure();
  return fns;
}

void finishLowering(ModuleOp module, const BufferPlan &plan) {
  Builder b(module.getContext());
  module->setAttr("nn.layout", plan.toAttribute(module.getContext()));
  module->setAttr("nn.arena_bytes", b.getI64IntegerAttr(plan.arenaBytes()));
  for (auto fn : llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
    fn.erase();
}

LogicalResult lowerWithPlan(ModuleOp module, int64_t batch,
                            llvm::function_ref<LogicalResult(BufferPlan &, const TrainingFunctions &)> lower) {
  BufferPlan plan(batch);
  FailureOr<TrainingFunctions> fns = planTrainingFunctions(module, plan);
  if (failed(fns) || failed(lower(plan, *fns)))
    return failure();
  finishLowering(module, plan); // only the lowered functions are left
  return success();
}

} // namespace nas
