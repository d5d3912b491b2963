//===- NNOps.cpp - Verifiers and shape inference of the nn dialect --------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/NN/NNOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "nas/DSL/Builtins.h"
#include "nas/DSL/ShapeRules.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace nas::nn;

#include "nas/Dialect/NN/ShapeInferenceInterface.cpp.inc"

//===----------------------------------------------------------------------===//
// Settings: an attribute, or a decided operand
//===----------------------------------------------------------------------===//

namespace {
constexpr int64_t kDynamic = ShapedType::kDynamic;

/// The decided operand that gives setting `name`, if any.
Value decidedOperand(Operation *op, StringRef name) {
  auto names = op->getAttrOfType<ArrayAttr>("decided_names");
  if (!names)
    return {};
  unsigned first = op->getNumOperands() - names.size();
  for (auto [i, attr] : llvm::enumerate(names))
    if (cast<StringAttr>(attr).getValue() == name)
      return op->getOperand(first + i);
  return {};
}

struct SettingNames {
  std::vector<const char *> ints, requiredInts, floats;
};

/// An op's settings, from the language's op table: every size setting is
/// written by MLIRGen (its default when the call leaves it out), except the
/// padding that `same` implies; flags (bias) are left to the op's default.
SettingNames settingNames(Operation *op) {
  SettingNames names;
  const nas::dsl::OpSpec *spec = nas::dsl::findOp(op->getName().stripDialect().str());
  if (!spec || spec->variadicTensors)
    return names; // add and concat decide nothing
  for (const nas::dsl::ParamSpec &p : spec->params) {
    if (p.kind == nas::dsl::ParamKind::Float) {
      names.floats.push_back(p.name);
    } else if (p.kind == nas::dsl::ParamKind::Int || p.kind == nas::dsl::ParamKind::Padding) {
      names.ints.push_back(p.name);
      if (p.kind != nas::dsl::ParamKind::Padding || !op->hasAttr("same"))
        names.requiredInts.push_back(p.name);
    }
  }
  return names;
}

LogicalResult verifySettings(Operation *op) {
  SettingNames names = settingNames(op);
  if (names.ints.empty() && names.floats.empty())
    return success(); // an op without settings has nothing to decide
  auto decided = op->getAttrOfType<ArrayAttr>("decided_names");
  size_t decidedCount = decided ? decided.size() : 0;
  size_t operandsAfterInput = op->getNumOperands() - 1;
  if (decidedCount != operandsAfterInput)
    return op->emitOpError() << "has " << operandsAfterInput << " decided values but names " << decidedCount
                             << " decided settings";
  if (decided) {
    for (auto [i, attr] : llvm::enumerate(decided)) {
      StringRef name = cast<StringAttr>(attr).getValue();
      bool isInt = llvm::is_contained(names.ints, name), isFloat = llvm::is_contained(names.floats, name);
      if (!isInt && !isFloat)
        return op->emitOpError() << "has no setting '" << name << "' to decide";
      if (op->hasAttr(name))
        return op->emitOpError() << "setting '" << name << "' is both an attribute and decided";
      Type type = op->getOperand(1 + i).getType();
      if (isInt && !type.isIndex())
        return op->emitOpError() << "setting '" << name << "' is decided by a " << type
                                 << " value, but it is a size and needs an integer (index)";
      if (isFloat && !type.isF64())
        return op->emitOpError() << "setting '" << name << "' needs an f64 value, not " << type;
    }
  }
  for (const char *name : names.requiredInts)
    if (!op->hasAttr(name) && !decidedOperand(op, name))
      return op->emitOpError() << "needs setting '" << name << "'";
  return success();
}

/// A result type may be less static than the inferred one (a `?` where the
/// operands already fix the size), but must never contradict it.
LogicalResult checkCompatible(Operation *op, Type inferred, Type declared) {
  auto want = dyn_cast<RankedTensorType>(inferred);
  auto have = dyn_cast<RankedTensorType>(declared);
  if (!want || !have)
    return success();
  if (have.getRank() != want.getRank())
    return op->emitOpError() << "result has rank " << have.getRank() << " but the input gives rank " << want.getRank();
  for (int64_t i = 0; i < have.getRank(); ++i) {
    int64_t w = want.getDimSize(i), h = have.getDimSize(i);
    if (w != kDynamic && h != kDynamic && w != h)
      return op->emitOpError() << "result dimension " << i << " is " << h << " but should be " << w;
  }
  return success();
}

Type f32(Operation *op) { return Float32Type::get(op->getContext()); }
TensorType unranked(Operation *op) { return UnrankedTensorType::get(f32(op)); }
TensorType ranked(Operation *op, ArrayRef<int64_t> shape) { return RankedTensorType::get(shape, f32(op)); }

FailureOr<RankedTensorType> rankedInput(Operation *op, Value input, std::initializer_list<int64_t> ranks,
                                        const char *what) {
  auto type = dyn_cast<RankedTensorType>(input.getType());
  if (!type)
    return RankedTensorType(); // unknown rank: nothing to check yet
  if (!llvm::is_contained(ranks, type.getRank()))
    return op->emitOpError() << "needs " << what << ", got rank " << type.getRank();
  return type;
}

/// A dimension as the shape rules see it: nullopt while dynamic.
nas::shapes::Size sizeOf(int64_t dim) { return dim == kDynamic ? std::nullopt : nas::shapes::Size(dim); }
int64_t dimOf(nas::shapes::Size size) { return size ? *size : kDynamic; }

FailureOr<TensorType> inferWindowed(Operation *op, Value input, std::optional<int64_t> channels,
                                    std::optional<int64_t> padding, int64_t dilation) {
  FailureOr<RankedTensorType> in = rankedInput(op, input, {4}, "an NCHW input (rank 4)");
  if (failed(in))
    return failure();
  if (!*in)
    return unranked(op);
  std::optional<int64_t> kernel = intSetting(op, "kernel"), stride = intSetting(op, "stride");
  // Decided settings are operands: the attribute constraints do not see them.
  if ((kernel && *kernel < 1) || (stride && *stride < 1) || dilation < 1 || (padding && *padding < 0))
    return op->emitOpError("needs a positive kernel, stride and dilation and a non-negative padding");
  SmallVector<int64_t> shape(in->getShape());
  if (isa<Conv2dOp>(op))
    shape[1] = channels ? *channels : kDynamic;
  for (int d = 2; d < 4; ++d) {
    shape[d] = dimOf(nas::shapes::windowOutput(sizeOf(in->getDimSize(d)), kernel, stride, padding, dilation));
    if (shape[d] != kDynamic && shape[d] < 0)
      return op->emitOpError() << "window of " << *kernel << " does not fit an input of " << in->getDimSize(d)
                               << " pixels";
  }
  return ranked(op, shape);
}

/// The padding of a windowed op: its setting, or with `same` the one that
/// keeps H and W at stride 1, dilation * (kernel - 1) / 2 for an odd kernel.
FailureOr<std::optional<int64_t>> windowPadding(Operation *op, int64_t dilation) {
  if (!op->hasAttr("same"))
    return intSetting(op, "padding");
  std::optional<int64_t> kernel = intSetting(op, "kernel");
  if (!kernel)
    return std::optional<int64_t>();
  std::optional<int64_t> padding = nas::shapes::samePadding(*kernel, dilation);
  if (!padding)
    return op->emitOpError() << "with same padding needs an odd kernel, not " << *kernel;
  return padding;
}

/// The result type an op's operands and settings give.
FailureOr<TensorType> inferResultType(Operation *op) {
  Value input = op->getNumOperands() ? op->getOperand(0) : Value();
  return llvm::TypeSwitch<Operation *, FailureOr<TensorType>>(op)
      .Case<DenseOp>([&](DenseOp) -> FailureOr<TensorType> {
        FailureOr<RankedTensorType> in = rankedInput(op, input, {2}, "a rank-2 input (batch x features)");
        if (failed(in))
          return failure();
        std::optional<int64_t> units = intSetting(op, "units");
        return ranked(op, {*in ? in->getDimSize(0) : kDynamic, units ? *units : kDynamic});
      })
      .Case<Conv2dOp>([&](Conv2dOp) -> FailureOr<TensorType> {
        std::optional<int64_t> dilation = intSetting(op, "dilation");
        FailureOr<std::optional<int64_t>> padding = windowPadding(op, dilation.value_or(1));
        if (failed(padding))
          return failure();
        std::optional<int64_t> channels = intSetting(op, "channels"), groups = intSetting(op, "groups");
        if ((groups && *groups < 1) || (channels && *channels < 1))
          return op->emitOpError("needs positive channels and groups");
        if (auto in = dyn_cast<RankedTensorType>(input.getType()); in && in.getRank() == 4 && groups) {
          if (in.getDimSize(1) != kDynamic && in.getDimSize(1) % *groups != 0)
            return op->emitOpError() << in.getDimSize(1) << " input channels do not split into " << *groups
                                     << " groups";
        }
        if (channels && groups && *channels % *groups != 0)
          return op->emitOpError() << *channels << " output channels do not split into " << *groups << " groups";
        if (!dilation)
          return inferWindowed(op, input, channels, std::nullopt, 1);
        return inferWindowed(op, input, channels, *padding, *dilation);
      })
      .Case<MaxPoolOp, AvgPoolOp>([&](auto) -> FailureOr<TensorType> {
        FailureOr<std::optional<int64_t>> padding = windowPadding(op, 1);
        if (failed(padding))
          return failure();
        return inferWindowed(op, input, std::nullopt, *padding, 1);
      })
      .Case<GlobalAvgPoolOp>([&](auto) -> FailureOr<TensorType> {
        FailureOr<RankedTensorType> in = rankedInput(op, input, {4}, "an NCHW input (rank 4)");
        if (failed(in))
          return failure();
        return *in ? ranked(op, {in->getDimSize(0), in->getDimSize(1)}) : ranked(op, {kDynamic, kDynamic});
      })
      .Case<FlattenOp>([&](auto) -> FailureOr<TensorType> {
        auto in = dyn_cast<RankedTensorType>(input.getType());
        if (!in)
          return ranked(op, {kDynamic, kDynamic});
        if (in.getRank() < 2)
          return op->emitOpError() << "needs a batch dimension and at least one more, got rank " << in.getRank();
        std::vector<nas::shapes::Size> trailing;
        for (int64_t d = 1; d < in.getRank(); ++d)
          trailing.push_back(sizeOf(in.getDimSize(d)));
        return ranked(op, {in.getDimSize(0), dimOf(nas::shapes::flattenedSize(trailing))});
      })
      .Case<BatchNormOp>([&](auto) -> FailureOr<TensorType> {
        FailureOr<RankedTensorType> in = rankedInput(op, input, {2, 4}, "an input of rank 2 or 4");
        if (failed(in))
          return failure();
        return *in ? TensorType(*in) : unranked(op);
      })
      .Case<AddOp>([&](AddOp add) -> FailureOr<TensorType> {
        if (add.getInputs().size() < 2)
          return op->emitOpError("needs at least two tensors");
        SmallVector<int64_t> shape;
        bool rankKnown = false;
        for (Value v : add.getInputs()) {
          auto t = dyn_cast<RankedTensorType>(v.getType());
          if (!t)
            continue;
          if (!rankKnown) {
            shape.assign(t.getShape().begin(), t.getShape().end());
            rankKnown = true;
            continue;
          }
          if (t.getRank() != static_cast<int64_t>(shape.size()))
            return op->emitOpError() << "adds tensors of ranks " << shape.size() << " and " << t.getRank();
          for (int64_t d = 0; d < t.getRank(); ++d) {
            nas::shapes::JoinedDim joined = nas::shapes::equalDim(sizeOf(shape[d]), sizeOf(t.getDimSize(d)));
            if (joined.conflict)
              return op->emitOpError() << "adds tensors whose dimension " << d << " differs: " << shape[d] << " and "
                                       << t.getDimSize(d);
            shape[d] = dimOf(joined.size);
          }
        }
        return rankKnown ? ranked(op, shape) : unranked(op);
      })
      .Case<ConcatOp>([&](ConcatOp concat) -> FailureOr<TensorType> {
        if (concat.getInputs().size() < 2)
          return op->emitOpError("needs at least two tensors");
        int64_t axis = concat.getAxis();
        SmallVector<int64_t> shape;
        for (Value v : concat.getInputs()) {
          auto t = dyn_cast<RankedTensorType>(v.getType());
          if (!t)
            return unranked(op);
          if (axis < 0 || axis >= t.getRank())
            return op->emitOpError() << "axis " << axis << " is outside a rank-" << t.getRank() << " tensor";
          if (shape.empty()) {
            shape.assign(t.getShape().begin(), t.getShape().end());
            continue;
          }
          if (t.getRank() != static_cast<int64_t>(shape.size()))
            return op->emitOpError("joins tensors of different ranks");
          for (int64_t d = 0; d < t.getRank(); ++d) {
            if (d == axis) {
              shape[d] = dimOf(nas::shapes::concatenatedSize({sizeOf(shape[d]), sizeOf(t.getDimSize(d))}));
              continue;
            }
            nas::shapes::JoinedDim joined = nas::shapes::equalDim(sizeOf(shape[d]), sizeOf(t.getDimSize(d)));
            if (joined.conflict)
              return op->emitOpError() << "joins tensors whose dimension " << d << " differs";
            shape[d] = dimOf(joined.size);
          }
        }
        return ranked(op, shape);
      })
      .Case<SoftmaxCrossEntropyOp>([&](SoftmaxCrossEntropyOp loss) -> FailureOr<TensorType> {
        auto logits = dyn_cast<RankedTensorType>(loss.getLogits().getType());
        auto labels = dyn_cast<RankedTensorType>(loss.getLabels().getType());
        if (logits && logits.getRank() != 2)
          return op->emitOpError() << "needs logits of rank 2, got rank " << logits.getRank();
        if (labels && labels.getRank() != 1)
          return op->emitOpError() << "needs labels of rank 1, got rank " << labels.getRank();
        if (logits && labels && logits.getDimSize(0) != kDynamic && labels.getDimSize(0) != kDynamic &&
            logits.getDimSize(0) != labels.getDimSize(0))
          return op->emitOpError("needs one label per row of logits");
        return ranked(op, {});
      })
      // Elementwise ops, layernorm and dropout keep the input's type.
      .Default([&](Operation *) -> FailureOr<TensorType> { return cast<TensorType>(input.getType()); });
}

LogicalResult verifyOp(Operation *op) {
  if (failed(verifySettings(op)))
    return failure();
  FailureOr<TensorType> inferred = inferResultType(op);
  if (failed(inferred))
    return failure();
  return checkCompatible(op, *inferred, op->getResult(0).getType());
}

LogicalResult refine(Operation *op) {
  FailureOr<TensorType> inferred = inferResultType(op);
  if (failed(inferred) || failed(checkCompatible(op, *inferred, op->getResult(0).getType())))
    return failure();
  // Only ever make a type more static.
  auto current = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  auto next = dyn_cast<RankedTensorType>(*inferred);
  if (!next)
    return success();
  if (current) {
    SmallVector<int64_t> shape(current.getShape());
    for (int64_t d = 0; d < current.getRank(); ++d)
      if (shape[d] == kDynamic)
        shape[d] = next.getDimSize(d);
    next = RankedTensorType::get(shape, current.getElementType());
  }
  op->getResult(0).setType(next);
  return success();
}
} // namespace

std::optional<int64_t> nas::nn::intSetting(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<IntegerAttr>(name))
    return attr.getInt();
  APInt value;
  if (Value decided = decidedOperand(op, name); decided && matchPattern(decided, m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

std::optional<double> nas::nn::floatSetting(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<FloatAttr>(name))
    return attr.getValueAsDouble();
  FloatAttr value;
  if (Value decided = decidedOperand(op, name); decided && matchPattern(decided, m_Constant(&value)))
    return value.getValueAsDouble();
  return std::nullopt;
}

bool nas::nn::foldConstantSettings(Operation *op) {
  auto names = op->getAttrOfType<ArrayAttr>("decided_names");
  if (!names)
    return false;
  unsigned first = op->getNumOperands() - names.size();
  SmallVector<Attribute> keep;
  SmallVector<unsigned> erase;
  Builder b(op->getContext());
  for (auto [i, attr] : llvm::enumerate(names)) {
    StringRef name = cast<StringAttr>(attr).getValue();
    Value operand = op->getOperand(first + i);
    APInt intValue;
    FloatAttr floatValue;
    if (operand.getType().isIndex() && matchPattern(operand, m_ConstantInt(&intValue))) {
      op->setAttr(name, b.getI64IntegerAttr(intValue.getSExtValue()));
      erase.push_back(first + i);
    } else if (operand.getType().isF64() && matchPattern(operand, m_Constant(&floatValue))) {
      op->setAttr(name, b.getF64FloatAttr(floatValue.getValueAsDouble()));
      erase.push_back(first + i);
    } else {
      keep.push_back(attr);
    }
  }
  if (erase.empty())
    return false;
  for (unsigned index : llvm::reverse(erase))
    op->eraseOperand(index);
  if (keep.empty())
    op->removeAttr("decided_names");
  else
    op->setAttr("decided_names", b.getArrayAttr(keep));
  return true;
}

//===----------------------------------------------------------------------===//
// Every op: one verifier and one shape inference, both from inferResultType.
//===----------------------------------------------------------------------===//

#define NN_OP(Op)                                                                                                      \
  LogicalResult Op::verify() { return verifyOp(*this); }                                                               \
  LogicalResult Op::inferShapes() { return refine(*this); }
NN_OP(ReluOp)
NN_OP(GeluOp)
NN_OP(TanhOp)
NN_OP(SigmoidOp)
NN_OP(SiluOp)
NN_OP(IdentityOp)
NN_OP(ZeroOp)
NN_OP(DenseOp)
NN_OP(Conv2dOp)
NN_OP(MaxPoolOp)
NN_OP(AvgPoolOp)
NN_OP(GlobalAvgPoolOp)
NN_OP(FlattenOp)
NN_OP(BatchNormOp)
NN_OP(LayerNormOp)
NN_OP(DropoutOp)
NN_OP(AddOp)
NN_OP(ConcatOp)
NN_OP(SoftmaxCrossEntropyOp)
#undef NN_OP

//===----------------------------------------------------------------------===//
// Canonicalization: decided settings that became constants are attributes.
//===----------------------------------------------------------------------===//

namespace {
struct FoldConstantSettings : RewritePattern {
  FoldConstantSettings(MLIRContext *context) : RewritePattern(MatchAnyOpTypeTag(), 1, context) {}
  LogicalResult matchAndRewrite(Operation *op, PatternRewriter &rewriter) const override {
    auto names = op->getAttrOfType<ArrayAttr>("decided_names");
    if (!names || !isa<NNDialect>(op->getDialect()))
      return failure();
    // Only touch the op when a decided value is a constant: an in-place
    // change that changes nothing would put the op back on the worklist.
    auto decided = op->getOperands().take_back(names.size());
    if (llvm::none_of(decided, [](Value v) { return matchPattern(v, m_Constant()); }))
      return failure();
    rewriter.modifyOpInPlace(op, [&] { foldConstantSettings(op); });
    return success();
  }
};
} // namespace

void NNDialect::getCanonicalizationPatterns(RewritePatternSet &results) const {
  results.add<FoldConstantSettings>(getContext());
}

int64_t nas::nn::windowPaddingOf(Operation *op) {
  FailureOr<std::optional<int64_t>> padding = windowPadding(op, intSetting(op, "dilation").value_or(1));
  return succeeded(padding) && *padding ? **padding : 0;
}

#define GET_OP_CLASSES
#include "nas/Dialect/NN/NNOps.cpp.inc"
