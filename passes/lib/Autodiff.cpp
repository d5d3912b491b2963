//===- Autodiff.cpp - Training step and inference of a candidate ----------===//
//
// nn-autodiff: the model's parameters become function arguments (named
// after the layer, `dense0.weight`), the layers become their explicit
// forms (`nn.linear`, `nn.conv`, ...), and reverse mode asks each op's
// Differentiable interface for its operands' gradients. The optimizer
// update of each parameter ends the step.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Autodiff.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Passes.h"

#include "llvm/ADT/TypeSwitch.h"

#include <map>

namespace nas {

using namespace mlir;

namespace {
/// A tensor that training keeps between steps.
struct Parameter {
  std::string name;
  RankedTensorType type;
  bool trainable = true; // false: batch norm's running statistics
  std::string init;      // kaiming_uniform, fan_in_uniform, ones, zeros
  int64_t fanIn = 0;
  Location loc;
};

/// The parameters of each layer, in program order.
struct ParameterTable {
  std::vector<Parameter> all;
  DenseMap<Operation *, unsigned> first; // the layer's first parameter
};

int64_t dim(Value v, int64_t d) { return cast<RankedTensorType>(v.getType()).getDimSize(d); }

ParameterTable collectParameters(func::FuncOp model) {
  ParameterTable table;
  std::map<std::string, int> perKind;
  Type f32 = Float32Type::get(model.getContext());
  model.walk([&](Operation *op) {
    std::string kind = op->getName().stripDialect().str();
    auto add = [&](StringRef what, ArrayRef<int64_t> shape, StringRef init, int64_t fanIn, bool trainable = true) {
      if (!table.first.count(op))
        table.first[op] = table.all.size();
      table.all.push_back({kind + std::to_string(perKind[kind]) + "." + what.str(), RankedTensorType::get(shape, f32),
                           trainable, init.str(), fanIn, op->getLoc()});
    };
    llvm::TypeSwitch<Operation *>(op)
        .Case<nn::DenseOp>([&](nn::DenseOp dense) {
          int64_t k = dim(dense.getInput(), 1), m = dim(dense.getOutput(), 1);
          add("weight", {m, k}, "kaiming_uniform", k);
          if (dense.getBias())
            add("bias", {m}, "fan_in_uniform", k);
        })
        .Case<nn::Conv2dOp>([&](nn::Conv2dOp conv) {
          int64_t groups = nn::intSetting(op, "groups").value_or(1), k = *nn::intSetting(op, "kernel");
          int64_t c = dim(conv.getInput(), 1) / groups, o = dim(conv.getOutput(), 1);
          add("weight", {o, c, k, k}, "kaiming_uniform", c * k * k);
          if (conv.getBias())
            add("bias", {o}, "fan_in_uniform", c * k * k);
        })
        .Case<nn::BatchNormOp>([&](nn::BatchNormOp norm) {
          int64_t c = dim(norm.getInput(), 1);
          add("weight", {c}, "ones", 0);
          add("bias", {c}, "zeros", 0);
          add("running_mean", {c}, "zeros", 0, false);
          add("running_var", {c}, "ones", 0, false);
        })
        .Case<nn::LayerNormOp>([&](nn::LayerNormOp norm) {
          auto shape = cast<RankedTensorType>(norm.getInput().getType()).getShape().drop_front();
          int64_t d = 1;
          for (int64_t s : shape)
            d *= s;
          add("weight", {d}, "ones", 0);
          add("bias", {d}, "zeros", 0);
        });
    if (table.first.count(op))
      ++perKind[kind];
  });
  return table;
}

/// Emits the model's forward program with explicit parameters; `params`
/// holds the value of each parameter (in table order). In training, the
/// updated running statistics go to `updatedState`.
class ForwardEmitter {
public:
  ForwardEmitter(OpBuilder &b, const ParameterTable &table, ArrayRef<Value> params, Value step)
      : b_(b), table_(table), params_(params), step_(step) {}

  /// The model's result, or null after an error.
  Value emit(func::FuncOp model, Value input, std::map<unsigned, Value> &updatedState) {
    mapping_.map(model.getArgument(0), input);
    Value result;
    for (Operation &op : model.getBody().front()) {
      if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        result = mapping_.lookup(ret.getOperand(0));
        break;
      }
      if (failed(emitOp(&op, updatedState)))
        return {};
    }
    return result;
  }

private:
  Value param(Operation *op, unsigned i) { return params_[table_.first.lookup(op) + i]; }
  Value in(Value v) { return mapping_.lookup(v); }
  double setting(Operation *op, StringRef name, double fallback) {
    return nn::floatSetting(op, name).value_or(fallback);
  }

  LogicalResult emitOp(Operation *op, std::map<unsigned, Value> &updatedState) {
    Location loc = op->getLoc();
    bool training = static_cast<bool>(step_);
    Value out = llvm::TypeSwitch<Operation *, Value>(op)
                    .Case<nn::DenseOp>([&](nn::DenseOp dense) -> Value {
                      Value bias = dense.getBias() ? param(op, 1) : Value();
                      return nn::LinearOp::create(b_, loc, dense.getType(), in(dense.getInput()), param(op, 0), bias);
                    })
                    .Case<nn::Conv2dOp>([&](nn::Conv2dOp conv) -> Value {
                      Value bias = conv.getBias() ? param(op, 1) : Value();
                      return nn::ConvOp::create(b_, loc, conv.getType(), in(conv.getInput()), param(op, 0), bias,
                                                *nn::intSetting(op, "stride"), nn::windowPaddingOf(op),
                                                nn::intSetting(op, "dilation").value_or(1),
                                                nn::intSetting(op, "groups").value_or(1));
                    })
                    .Case<nn::BatchNormOp>([&](nn::BatchNormOp norm) -> Value {
                      double eps = setting(op, "eps", 1e-5);
                      Value x = in(norm.getInput()), scale = param(op, 0), shift = param(op, 1), mean = param(op, 2),
                            var = param(op, 3);
                      if (!training)
                        return nn::BatchNormInferOp::create(b_, loc, norm.getType(), x, scale, shift, mean, var,
                                                            b_.getF64FloatAttr(eps));
                      auto stat = RankedTensorType::get({dim(x, 1)}, b_.getF32Type());
                      auto train = nn::BatchNormTrainOp::create(b_, loc, norm.getType(), stat, stat, stat, stat, x,
                                                                scale, shift, mean, var, b_.getF64FloatAttr(eps),
                                                                b_.getF64FloatAttr(setting(op, "momentum", 0.1)));
                      updatedState[table_.first.lookup(op) + 2] = train.getNewRunningMean();
                      updatedState[table_.first.lookup(op) + 3] = train.getNewRunningVar();
                      return train.getOutput();
                    })
                    .Case<nn::LayerNormOp>([&](nn::LayerNormOp norm) -> Value {
                      auto stat = RankedTensorType::get({ShapedType::kDynamic}, b_.getF32Type());
                      return nn::LayerNormTrainOp::create(b_, loc, norm.getType(), stat, stat, in(norm.getInput()),
                                                          param(op, 0), param(op, 1),
                                                          b_.getF64FloatAttr(setting(op, "eps", 1e-5)))
                          .getOutput();
                    })
                    .Case<nn::DropoutOp>([&](nn::DropoutOp dropout) -> Value {
                      Value x = in(dropout.getInput());
                      if (!training)
                        return x;
                      return nn::DropoutTrainOp::create(b_, loc, dropout.getType(), dropout.getType(), x, step_,
                                                        b_.getF64FloatAttr(setting(op, "rate", 0.5)),
                                                        b_.getI64IntegerAttr(salt_++))
                          .getOutput();
                    })
                    .Default([&](Operation *other) -> Value {
                      Operation *copy = b_.clone(*other, mapping_);
                      return copy->getNumResults() == 1 ? copy->getResult(0) : Value();
                    });
    if (op->getNumResults() == 1)
      mapping_.map(op->getResult(0), out);
    return success();
  }

  OpBuilder &b_;
  const ParameterTable &table_;
  ArrayRef<Value> params_;
  Value step_;
  IRMapping mapping_;
  int64_t salt_ = 0;
};

/// The gradient of every value the loss depends on, accumulated over uses.
void backward(OpBuilder &b, Block &body, Operation *loss, DenseMap<Value, Value> &grads) {
  SmallVector<Operation *> ops;
  for (Operation &op : body)
    ops.push_back(&op);
  for (Operation *op : llvm::reverse(ops)) {
    auto differentiable = dyn_cast<nn::Differentiable>(op);
    if (!differentiable)
      continue;
    SmallVector<Value> resultGrads;
    for (Value result : op->getResults())
      resultGrads.push_back(grads.lookup(result));
    if (op != loss && llvm::all_of(resultGrads, [](Value g) { return !g; }))
      continue;
    SmallVector<Value> operandGrads = differentiable.buildGradients(b, resultGrads);
    for (auto [operand, grad] : llvm::zip(op->getOperands(), operandGrads)) {
      if (!grad)
        continue;
      Value &sum = grads[operand];
      sum = sum ? nn::AddOp::create(b, op->getLoc(), grad.getType(), ValueRange{sum, grad}).getResult() : grad;
    }
  }
}

/// The optimizer: its name and settings from nas.train.
struct Optimizer {
  std::string name = "sgd";
  DictionaryAttr settings;
  double get(StringRef key, double fallback) const {
    if (!settings)
      return fallback;
    Attribute a = settings.get(("optimizer." + key).str());
    if (auto f = dyn_cast_or_null<FloatAttr>(a))
      return f.getValueAsDouble();
    if (auto i = dyn_cast_or_null<IntegerAttr>(a))
      return static_cast<double>(i.getInt());
    if (auto flag = dyn_cast_or_null<BoolAttr>(a))
      return flag.getValue();
    return fallback;
  }
  unsigned moments() const { return name == "adam" ? 2 : 1; }
};

Optimizer readOptimizer(ModuleOp module) {
  Optimizer opt;
  opt.settings = module->getAttrOfType<DictionaryAttr>("nas.train");
  if (opt.settings)
    if (auto name = opt.settings.getAs<StringAttr>("optimizer"))
      opt.name = name.getValue().str();
  return opt;
}

void nameArgument(func::FuncOp fn, unsigned i, StringRef role, StringRef name) {
  Builder b(fn.getContext());
  fn.setArgAttr(i, "nn.role", b.getStringAttr(role));
  if (!name.empty())
    fn.setArgAttr(i, "nn.name", b.getStringAttr(name));
}

void nameResult(func::FuncOp fn, unsigned i, StringRef role, StringRef name) {
  Builder b(fn.getContext());
  fn.setResultAttr(i, "nn.role", b.getStringAttr(role));
  if (!name.empty())
    fn.setResultAttr(i, "nn.name", b.getStringAttr(name));
}

/// Marks the parameter arguments [first, first + table size).
void nameParameters(func::FuncOp fn, unsigned first, const ParameterTable &table) {
  Builder b(fn.getContext());
  for (auto [i, p] : llvm::enumerate(table.all)) {
    nameArgument(fn, first + i, p.trainable ? "param" : "state", p.name);
    fn.setArgAttr(first + i, "nn.init", b.getStringAttr(p.init));
    if (p.fanIn)
      fn.setArgAttr(first + i, "nn.fan_in", b.getI64IntegerAttr(p.fanIn));
  }
}

std::string momentName(const Optimizer &opt, const Parameter &p, unsigned k) {
  if (opt.name == "adam")
    return p.name + (k == 0 ? ".exp_avg" : ".exp_avg_sq");
  return p.name + ".momentum_buffer";
}
} // namespace

LogicalResult buildTrainingFunctions(ModuleOp module) {
  func::FuncOp model;
  for (auto fn : module.getOps<func::FuncOp>())
    if (fn->hasAttr("nas.model"))
      model = fn;
  if (!model)
    return module.emitError("has no model function (nas.model) to train");
  if (model.getNumArguments() != 1 || model.getNumResults() != 1)
    return model.emitError("training needs a model with one input and one output");
  auto logitsType = dyn_cast<RankedTensorType>(model.getResultTypes()[0]);
  if (!logitsType || logitsType.getRank() != 2 || logitsType.isDynamicDim(1))
    return model.emitError("training needs a model whose output is [N, classes], not ") << model.getResultTypes()[0];
  for (Type t : model.getArgumentTypes())
    if (auto shaped = dyn_cast<RankedTensorType>(t);
        !shaped || llvm::count(shaped.getShape(), ShapedType::kDynamic) > 1)
      return model.emitError("training needs a materialized model (static shapes but the batch)");

  MLIRContext *ctx = module.getContext();
  ParameterTable table = collectParameters(model);
  Optimizer opt = readOptimizer(module);
  if (opt.name != "sgd" && opt.name != "adam")
    return module.emitError() << "optimizer '" << opt.name << "' has no update rule";
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  Location loc = model.getLoc();
  Type input = model.getArgumentTypes()[0];
  SmallVector<Type> paramTypes;
  for (const Parameter &p : table.all)
    paramTypes.push_back(p.type);

  // @infer(x, parameters...) -> logits
  {
    SmallVector<Type> args{input};
    args.append(paramTypes);
    auto fn = func::FuncOp::create(b, loc, "infer", FunctionType::get(ctx, args, {logitsType}));
    Block *body = fn.addEntryBlock();
    OpBuilder fb = OpBuilder::atBlockEnd(body);
    SmallVector<Value> params(body->getArguments().drop_front());
    std::map<unsigned, Value> unused;
    Value logits = ForwardEmitter(fb, table, params, Value()).emit(model, body->getArgument(0), unused);
    if (!logits)
      return failure();
    func::ReturnOp::create(fb, loc, logits);
    nameArgument(fn, 0, "input", "");
    nameParameters(fn, 1, table);
    nameResult(fn, 0, "logits", "");
  }

  // @train_step(x, labels, lr, step, parameters..., moments...)
  //   -> (loss, parameters..., moments...)
  SmallVector<unsigned> trained;
  for (auto [i, p] : llvm::enumerate(table.all))
    if (p.trainable)
      trained.push_back(i);
  SmallVector<Type> args{input, RankedTensorType::get({ShapedType::kDynamic}, b.getI32Type()), b.getF32Type(),
                         b.getI64Type()};
  args.append(paramTypes);
  for (unsigned k = 0; k < opt.moments(); ++k)
    for (unsigned i : trained)
      args.push_back(table.all[i].type);
  SmallVector<Type> results{RankedTensorType::get({}, b.getF32Type())};
  results.append(paramTypes);
  results.append(args.begin() + 4 + paramTypes.size(), args.end());
  auto fn = func::FuncOp::create(b, loc, "train_step", FunctionType::get(ctx, args, results));
  Block *body = fn.addEntryBlock();
  OpBuilder fb = OpBuilder::atBlockEnd(body);
  Value x = body->getArgument(0), labels = body->getArgument(1), lr = body->getArgument(2), step = body->getArgument(3);
  SmallVector<Value> params(body->getArguments().slice(4, table.all.size()));
  std::map<unsigned, Value> newState;
  Value logits = ForwardEmitter(fb, table, params, step).emit(model, x, newState);
  if (!logits)
    return failure();
  auto loss = nn::SoftmaxCrossEntropyOp::create(fb, loc, results[0], logits, labels);
  DenseMap<Value, Value> grads;
  backward(fb, *body, loss, grads);

  // The updates, in the order of the arguments they replace.
  SmallVector<Value> newParams(params), newMoments;
  unsigned momentBase = 4 + table.all.size();
  SmallVector<Value> moments(body->getArguments().drop_front(momentBase));
  for (auto [j, i] : llvm::enumerate(trained)) {
    Value p = params[i], g = grads.lookup(p);
    if (!g) // a parameter that does not reach the loss
      g = nn::ZeroOp::create(fb, table.all[i].loc, p.getType(), p);
    Location ploc = table.all[i].loc;
    if (opt.name == "sgd") {
      auto update = nn::SGDUpdateOp::create(
          fb, ploc, p.getType(), p.getType(), p, g, moments[j], lr, step, fb.getF64FloatAttr(opt.get("momentum", 0)),
          fb.getF64FloatAttr(opt.get("weight_decay", 0)), fb.getBoolAttr(opt.get("nesterov", 0) != 0));
      newParams[i] = update.getNewParam();
      newMoments.push_back(update.getNewMomentumBuffer());
    } else {
      auto update = nn::AdamUpdateOp::create(
          fb, ploc, p.getType(), p.getType(), p.getType(), p, g, moments[j], moments[j + trained.size()], lr, step,
          fb.getF64FloatAttr(opt.get("beta1", 0.9)), fb.getF64FloatAttr(opt.get("beta2", 0.999)),
          fb.getF64FloatAttr(opt.get("eps", 1e-8)), fb.getF64FloatAttr(opt.get("weight_decay", 0)));
      newParams[i] = update.getNewParam();
      newMoments.push_back(update.getNewFirstMoment());
      newMoments.push_back(update.getNewSecondMoment());
    }
  }
  // Adam's moments: every first moment, then every second moment.
  if (opt.name == "adam") {
    SmallVector<Value> ordered;
    for (unsigned k = 0; k < 2; ++k)
      for (unsigned j = 0; j < trained.size(); ++j)
        ordered.push_back(newMoments[2 * j + k]);
    newMoments = ordered;
  }
  for (auto [i, v] : newState)
    newParams[i] = v;
  SmallVector<Value> returned{loss};
  returned.append(newParams);
  returned.append(newMoments);
  func::ReturnOp::create(fb, loc, returned);
  // The gradient of the input, and any other that no update needs, goes.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*body)))
    if (op.use_empty() && isPure(&op) && !op.hasTrait<OpTrait::IsTerminator>())
      op.erase();

  nameArgument(fn, 0, "input", "");
  nameArgument(fn, 1, "labels", "");
  nameArgument(fn, 2, "lr", "");
  nameArgument(fn, 3, "step", "");
  nameParameters(fn, 4, table);
  nameResult(fn, 0, "loss", "");
  for (auto [i, p] : llvm::enumerate(table.all))
    nameResult(fn, 1 + i, p.trainable ? "param" : "state", p.name);
  unsigned arg = momentBase, res = 1 + table.all.size();
  for (unsigned k = 0; k < opt.moments(); ++k)
    for (unsigned i : trained) {
      std::string name = momentName(opt, table.all[i], k);
      nameArgument(fn, arg++, "moment", name);
      nameResult(fn, res++, "moment", name);
    }
  return success();
}

#define GEN_PASS_DEF_NNAUTODIFF
#include "nas/Passes/Passes.h.inc"

namespace {
struct NNAutodiff : impl::NNAutodiffBase<NNAutodiff> {
  void runOnOperation() override {
    if (failed(buildTrainingFunctions(getOperation())))
      signalPassFailure();
  }
};
} // namespace

} // namespace nas
