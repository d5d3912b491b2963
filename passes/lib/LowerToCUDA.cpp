//===- LowerToCUDA.cpp - Training functions as a GPU launch plan ----------===//
//
// nn-lower-cuda: `@train_step` and `@infer` (from nn-autodiff) become two
// lists of steps in the module attribute `nn.cuda_plan`, over one device
// arena laid out as for the CPU (BufferPlan, `nn.layout`):
//
//   {kind = "launch", kernel, threads, args}   a kernel of gpu.module @kernels
//   {kind = "gemm", transa, transb, m, n, k, a, lda, b, ldb, c, ldc}
//                                              cuBLAS sgemm, column-major
//   {kind = "conv_forward" | "conv_backward_data" | "conv_backward_filter",
//    x, w, y, shape}                           cuDNN, NCHW and KCRS
//
// Operands are strings the runtime reads without MLIR: "@OFFSET" a byte
// offset into the arena, "#V" an integer, "n" the rows of this call, "n*K"
// a multiple of them; "f:V" a float. The matrix products and convolutions
// go to cuBLAS and cuDNN; everything else runs in kernels written here
// (KernelBuilder), one thread per element, row or channel. Contiguous
// elementwise ops over the same elements (activations and their
// gradients, add, mul, zero) are fused into one kernel that loads each
// input once and stores only the values read outside it; a layer's bias
// and epilogue activation run in one kernel after its product.
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/LowerToCUDA.h"

#include "KernelBuilder.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/BufferPlan.h"
#include "nas/Passes/Fusion.h"
#include "nas/Passes/Passes.h"
#include "nas/Runtime/Kernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

namespace nas {

using namespace mlir;

namespace {
RankedTensorType tensorType(Value v) { return cast<RankedTensorType>(v.getType()); }

/// Elements of a tensor: per row, and whether it has the batch dimension.
struct Count {
  int64_t perRow = 1;
  bool batched = false;
  bool operator==(const Count &) const = default;
  std::string str() const {
    return batched ? (perRow == 1 ? std::string("n") : "n*" + std::to_string(perRow)) : "#" + std::to_string(perRow);
  }
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

bool isElementwise(Operation *op) {
  return isa<nn::ReluOp, nn::GeluOp, nn::TanhOp, nn::SigmoidOp, nn::SiluOp, nn::ActivationGradOp, nn::AddOp,
             nn::MulOp, nn::ZeroOp>(op);
}

bool isAlias(Operation *op) { return isa<nn::IdentityOp, nn::FlattenOp, nn::ReshapeOp>(op); }

/// The operands an elementwise op reads (an activation's gradient reads the
/// activation's output or its input, as the CPU kernel does).
SmallVector<Value> readsOf(Operation *op) {
  if (auto g = dyn_cast<nn::ActivationGradOp>(op)) {
    int64_t kind = activationKind(g.getKind());
    bool output = kind == NASC_ACT_RELU || kind == NASC_ACT_SIGMOID || kind == NASC_ACT_TANH;
    return {g.getGrad(), output ? g.getOutput() : g.getInput()};
  }
  if (isa<nn::ZeroOp>(op))
    return {};
  return SmallVector<Value>(op->getOperands());
}

/// `kind`(x), as the CPU kernels compute it.
Value activation(KernelBody &k, int64_t kind, Value x) {
  switch (kind) {
  case NASC_ACT_RELU: return k.select(k.lt(x, k.f32(0)), k.f32(0), x);
  case NASC_ACT_GELU: return k.mul(k.mul(k.f32(0.5), x), k.add(k.f32(1), k.erf(k.mul(x, k.f32(M_SQRT1_2)))));
  case NASC_ACT_TANH: return k.tanh(x);
  case NASC_ACT_SIGMOID: return k.div(k.f32(1), k.add(k.f32(1), k.exp(k.sub(k.f32(0), x))));
  case NASC_ACT_SILU: return k.div(x, k.add(k.f32(1), k.exp(k.sub(k.f32(0), x))));
  default: return x;
  }
}

/// d(`kind`)·dy, from v (the output for relu, sigmoid, tanh; else the input).
Value activationGrad(KernelBody &k, int64_t kind, Value dy, Value v) {
  switch (kind) {
  case NASC_ACT_RELU: return k.select(k.lt(k.f32(0), v), dy, k.f32(0));
  case NASC_ACT_SIGMOID: return k.mul(k.mul(dy, v), k.sub(k.f32(1), v));
  case NASC_ACT_TANH: return k.mul(dy, k.sub(k.f32(1), k.mul(v, v)));
  case NASC_ACT_GELU: {
    Value cdf = k.mul(k.f32(0.5), k.add(k.f32(1), k.erf(k.mul(v, k.f32(M_SQRT1_2)))));
    Value pdf = k.mul(k.exp(k.mul(k.f32(-0.5), k.mul(v, v))), k.f32(0.5 * M_2_SQRTPI * M_SQRT1_2));
    return k.mul(dy, k.add(cdf, k.mul(v, pdf)));
  }
  case NASC_ACT_SILU: {
    Value sig = k.div(k.f32(1), k.add(k.f32(1), k.exp(k.sub(k.f32(0), v))));
    return k.mul(k.mul(dy, sig), k.add(k.f32(1), k.mul(v, k.sub(k.f32(1), sig))));
  }
  default: return dy;
  }
}

/// The scalar an elementwise op computes from the values it reads.
Value elementwise(KernelBody &k, Operation *op, ArrayRef<Value> in) {
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case<nn::ActivationGradOp>(
          [&](nn::ActivationGradOp g) { return activationGrad(k, activationKind(g.getKind()), in[0], in[1]); })
      .Case<nn::AddOp>([&](auto) {
        Value sum = in[0];
        for (Value v : in.drop_front())
          sum = k.add(sum, v);
        return sum;
      })
      .Case<nn::MulOp>([&](auto) { return k.mul(in[0], in[1]); })
      .Case<nn::ZeroOp>([&](auto) { return k.f32(0); })
      .Default([&](Operation *a) { return activation(k, activationKind(a), in[0]); });
}

std::string floatText(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", v);
  return buffer;
}

class CudaLowering {
public:
  CudaLowering(ModuleOp module, BufferPlan &plan) : plan_(plan), kernels_(module), b_(module.getContext()) {}

  LogicalResult lower(func::FuncOp fn, SmallVectorImpl<Attribute> &steps);

  /// The kernels that gather a batch on the device from a resident copy of
  /// the data set: (dst, images, indices, row floats) one thread per float,
  /// and (dst, labels, indices) one per sample.
  std::pair<std::string, std::string> gatherKernels() {
    std::string rows = kernels_.get("gather_rows", "pppi", [](KernelBody &k) {
      Value row = k.div(k.index, k.params[3]), j = k.rem(k.index, k.params[3]);
      Value sample = k.load(k.params[2], row, k.b.getI64Type());
      k.store(k.load(k.params[1], k.add(k.mul(sample, k.params[3]), j)), k.params[0], k.index);
    });
    std::string labels = kernels_.get("gather_labels", "ppp", [](KernelBody &k) {
      Value sample = k.load(k.params[2], k.index, k.b.getI64Type());
      k.store(k.load(k.params[1], sample, k.b.getI32Type()), k.params[0], k.index);
    });
    return {rows, labels};
  }

private:
  std::string at(Value tensor) const { return "@" + std::to_string(plan_.offsetOf(tensor)); }
  std::string atSlot(StringRef name) const { return "@" + std::to_string(plan_.slot(name).offset); }
  static std::string num(int64_t v) { return "#" + std::to_string(v); }

  void step(StringRef kind, ArrayRef<std::pair<StringRef, std::string>> fields);
  void launch(const std::string &kernel, const std::string &threads, ArrayRef<std::string> args);
  void gemm(bool transA, bool transB, const std::string &m, const std::string &n, const std::string &k, Value a,
            int64_t lda, Value bMatrix, int64_t ldb, Value c, int64_t ldc);
  void conv(StringRef kind, Operation *op, Value x, Value w, Value y);
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
  KernelBuilder kernels_;
  Builder b_;
  SmallVector<Attribute> *steps_ = nullptr;
  DenseSet<Operation *> fused_;
  SmallVector<Operation *> group_; // contiguous elementwise ops, not yet launched
};

void CudaLowering::step(StringRef kind, ArrayRef<std::pair<StringRef, std::string>> fields) {
  SmallVector<NamedAttribute> entries{b_.getNamedAttr("kind", b_.getStringAttr(kind))};
  for (const auto &[name, value] : fields)
    entries.push_back(b_.getNamedAttr(name, b_.getStringAttr(value)));
  steps_->push_back(b_.getDictionaryAttr(entries));
}

void CudaLowering::launch(const std::string &kernel, const std::string &threads, ArrayRef<std::string> args) {
  if (kernels_.arity(kernel) != args.size())
    llvm::report_fatal_error(llvm::Twine("nn-lower-cuda: kernel ") + kernel + " takes " +
                             llvm::Twine(kernels_.arity(kernel)) + " arguments, not " + llvm::Twine(args.size()));
  SmallVector<NamedAttribute> entries{b_.getNamedAttr("kind", b_.getStringAttr("launch")),
                                      b_.getNamedAttr("kernel", b_.getStringAttr(kernel)),
                                      b_.getNamedAttr("threads", b_.getStringAttr(threads))};
  SmallVector<StringRef> refs(args.begin(), args.end());
  entries.push_back(b_.getNamedAttr("args", b_.getStrArrayAttr(refs)));
  steps_->push_back(b_.getDictionaryAttr(entries));
}

void CudaLowering::gemm(bool transA, bool transB, const std::string &m, const std::string &n, const std::string &k,
                        Value a, int64_t lda, Value bMatrix, int64_t ldb, Value c, int64_t ldc) {
  step("gemm", {{"transa", transA ? "T" : "N"},
                {"transb", transB ? "T" : "N"},
                {"m", m},
                {"n", n},
                {"k", k},
                {"a", at(a)},
                {"lda", num(lda)},
                {"b", at(bMatrix)},
                {"ldb", num(ldb)},
                {"c", at(c)},
                {"ldc", num(ldc)}});
}

void CudaLowering::conv(StringRef kind, Operation *op, Value x, Value w, Value y) {
  ArrayRef<int64_t> xs = tensorType(x).getShape(), ws = tensorType(w).getShape(), ys = tensorType(y).getShape();
  auto get = [&](StringRef name) { return cast<IntegerAttr>(op->getAttr(name)).getInt(); };
  // C H W  K OH OW  R S  stride padding dilation groups, as nasc_conv_shape.
  std::string shape;
  for (int64_t v : {xs[1], xs[2], xs[3], ys[1], ys[2], ys[3], ws[2], ws[3], get("stride"), get("padding"),
                    get("dilation"), get("groups")})
    shape += (shape.empty() ? "" : " ") + std::to_string(v);
  step(kind, {{"x", at(x)}, {"w", at(w)}, {"y", at(y)}, {"shape", shape}});
}

void CudaLowering::epilogue(Value y, Value bias, Operation *act, int64_t channels, int64_t inner) {
  int64_t kind = act ? activationKind(act) : int64_t(NASC_ACT_NONE);
  if (!bias && kind == NASC_ACT_NONE)
    return;
  std::string key = std::string(bias ? "bias_" : "") + "act" + std::to_string(kind);
  std::string name = kernels_.get(key, bias ? "ppii" : "p", [&](KernelBody &k) {
    Value v = k.load(k.params[0], k.index);
    if (bias) {
      Value c = k.rem(k.div(k.index, k.params[3]), k.params[2]);
      v = k.add(v, k.load(k.params[1], c));
    }
    k.store(activation(k, kind, v), k.params[0], k.index);
  });
  SmallVector<std::string> args{at(y)};
  if (bias)
    args.append({at(bias), num(channels), num(inner)});
  launch(name, countOf(y).str(), args);
}

void CudaLowering::copyRows(Value src, int64_t srcByte, Value dst, int64_t dstByte, int64_t rowsPerSample,
                            int64_t inner, int64_t srcStride, int64_t dstStride) {
  std::string name = kernels_.get("copy_rows", "ppiii", [&](KernelBody &k) {
    Value row = k.div(k.index, k.params[2]), j = k.rem(k.index, k.params[2]);
    Value v = k.load(k.params[0], k.add(k.mul(row, k.params[3]), j));
    k.store(v, k.params[1], k.add(k.mul(row, k.params[4]), j));
  });
  launch(name, Count{rowsPerSample * inner, true}.str(),
         {"@" + std::to_string(plan_.offsetOf(src) + srcByte), "@" + std::to_string(plan_.offsetOf(dst) + dstByte),
          num(inner), num(srcStride), num(dstStride)});
}

void CudaLowering::flushGroup() {
  if (group_.empty())
    return;
  // The group as a small program: inputs (loaded once, in order of first
  // use), each op's operands as registers or inputs, and the values stored.
  DenseMap<Value, int> reg, input;
  SmallVector<Value> inputs, outputs;
  std::string key = "ew";
  DenseSet<Operation *> members(group_.begin(), group_.end());
  for (Operation *op : group_) {
    key += "|" + op->getName().stripDialect().str();
    if (auto g = dyn_cast<nn::ActivationGradOp>(op))
      key += g.getKind().str();
    for (Value v : readsOf(op)) {
      if (auto it = reg.find(v); it != reg.end()) {
        key += ",r" + std::to_string(it->second);
        continue;
      }
      auto [it, inserted] = input.try_emplace(v, static_cast<int>(inputs.size()));
      if (inserted)
        inputs.push_back(v);
      key += ",i" + std::to_string(it->second);
    }
    for (Value r : op->getResults()) {
      reg[r] = static_cast<int>(reg.size());
      if (llvm::any_of(r.getUsers(), [&](Operation *user) { return !members.contains(user); }))
        outputs.push_back(r);
    }
  }
  for (Value out : outputs)
    key += ",o" + std::to_string(reg[out]);
  std::string signature(inputs.size() + outputs.size(), 'p');
  std::string name = kernels_.get(key, signature, [&](KernelBody &k) {
    DenseMap<Value, Value> scalar;
    for (auto [i, v] : llvm::enumerate(inputs))
      scalar[v] = k.load(k.params[i], k.index);
    for (Operation *op : group_) {
      SmallVector<Value> in;
      for (Value v : readsOf(op))
        in.push_back(scalar.lookup(v));
      scalar[op->getResult(0)] = isAlias(op) ? in[0] : elementwise(k, op, in);
    }
    for (auto [i, v] : llvm::enumerate(outputs))
      k.store(scalar.lookup(v), k.params[inputs.size() + i], k.index);
  });
  SmallVector<std::string> args;
  for (Value v : inputs)
    args.push_back(at(v));
  for (Value v : outputs)
    args.push_back(at(v));
  launch(name, countOf(group_.front()->getResult(0)).str(), args);
  group_.clear();
}

LogicalResult CudaLowering::lowerOp(Operation *op) {
  auto dims = [](Value v) { return tensorType(v).getShape(); };
  auto attrF = [&](StringRef name) { return cast<FloatAttr>(op->getAttr(name)).getValueAsDouble(); };
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case<nn::LinearOp>([&](nn::LinearOp linear) {
        // Row-major y[n, out] = x[n, in] w[out, in]^T is, column-major,
        // y^T = w^T x^T with w read as an [in x out] matrix transposed.
        Operation *act = fusableActivation(op);
        if (act)
          fused_.insert(act);
        Value y = act ? Value(act->getResult(0)) : Value(linear.getOutput());
        int64_t in = dims(linear.getWeight())[1], out = dims(linear.getWeight())[0];
        gemm(true, false, num(out), "n", num(in), linear.getWeight(), in, linear.getInput(), in, y, out);
        epilogue(y, linear.getBias(), act, out, 1);
        return success();
      })
      .Case<nn::LinearGradInputOp>([&](nn::LinearGradInputOp g) {
        int64_t in = dims(g.getWeight())[1], out = dims(g.getWeight())[0];
        gemm(false, false, num(in), "n", num(out), g.getWeight(), in, g.getGrad(), out, g.getInputGrad(), in);
        return success();
      })
      .Case<nn::LinearGradWeightOp>([&](nn::LinearGradWeightOp g) {
        int64_t in = dims(g.getWeightGrad())[1], out = dims(g.getWeightGrad())[0];
        gemm(false, true, num(in), num(out), "n", g.getInput(), in, g.getGrad(), out, g.getWeightGrad(), in);
        return success();
      })
      .Case<nn::ConvOp>([&](nn::ConvOp c) {
        Operation *act = fusableActivation(op);
        if (act)
          fused_.insert(act);
        Value y = act ? Value(act->getResult(0)) : Value(c.getOutput());
        conv("conv_forward", op, c.getInput(), c.getWeight(), y);
        epilogue(y, c.getBias(), act, dims(y)[1], innerOf(y, 2));
        return success();
      })
      .Case<nn::ConvGradInputOp>([&](nn::ConvGradInputOp g) {
        conv("conv_backward_data", op, g.getInputGrad(), g.getWeight(), g.getGrad());
        return success();
      })
      .Case<nn::ConvGradWeightOp>([&](nn::ConvGradWeightOp g) {
        conv("conv_backward_filter", op, g.getInput(), g.getWeightGrad(), g.getGrad());
        return success();
      })
      .Case<nn::BiasGradOp>([&](nn::BiasGradOp g) {
        // One thread per channel sums its column over the rows.
        std::string name = kernels_.get("bias_grad", "ppiii", [&](KernelBody &k) {
          Value c = k.index, C = k.params[3], inner = k.params[4];
          Value sum = k.reduce(k.i64(0), k.params[2], k.f32(0), [&](Value row, Value acc) {
            Value base = k.mul(k.add(k.mul(row, C), c), inner);
            return k.reduce(k.i64(0), inner, acc,
                            [&](Value j, Value a) { return k.add(a, k.load(k.params[0], k.add(base, j))); });
          });
          k.store(sum, k.params[1], c);
        });
        Value dy = g.getGrad();
        int64_t C = dims(dy)[1], inner = innerOf(dy, 2);
        if (inner == 1) {
          launch(name, num(C), {at(dy), at(g.getBiasGrad()), "n", num(C), num(1)});
          return success();
        }
        // A conv layer's: first one thread per sample and channel sums its
        // plane into the scratch, then one per channel sums the samples.
        std::string planes = kernels_.get("plane_sums", "ppi", [&](KernelBody &k) {
          Value base = k.mul(k.index, k.params[2]);
          k.store(k.reduce(k.i64(0), k.params[2], k.f32(0),
                           [&](Value j, Value a) { return k.add(a, k.load(k.params[0], k.add(base, j))); }),
                  k.params[1], k.index);
        });
        std::string scratch = "@" + std::to_string(plan_.scratchOf(op));
        launch(planes, Count{C, true}.str(), {at(dy), scratch, num(inner)});
        launch(name, num(C), {scratch, at(g.getBiasGrad()), "n", num(C), num(1)});
        return success();
      })
      .Case<nn::SoftmaxCrossEntropyOp, nn::SoftmaxCrossEntropyGradOp>([&](Operation *) {
        // One thread per row; the mean loss is summed atomically into a
        // slot zeroed first. The gradient, when the step needs it, comes
        // from the same kernel.
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
        std::string lossAt = loss ? at(loss) : "@" + std::to_string(plan_.scratchOf(op));
        std::string zero = kernels_.get("zero1", "p", [&](KernelBody &k) { k.store(k.f32(0), k.params[0], k.index); });
        launch(zero, "#1", {lossAt});
        bool grad = static_cast<bool>(dlogits);
        std::string name = kernels_.get(grad ? "softmax_ce_grad" : "softmax_ce", grad ? "ppppii" : "pppii",
                                        [&](KernelBody &k) {
          Value row = k.index, n = k.params[grad ? 4 : 3], K = k.params[grad ? 5 : 4];
          Value base = k.mul(row, K);
          auto x = [&](Value j) { return k.load(k.params[0], k.add(base, j)); };
          Value max = k.reduce(k.i64(0), K, k.f32(-std::numeric_limits<float>::infinity()),
                               [&](Value j, Value m) { return k.max(m, x(j)); });
          Value sum = k.reduce(k.i64(0), K, k.f32(0), [&](Value j, Value s) { return k.add(s, k.exp(k.sub(x(j), max))); });
          Value label = arith::ExtSIOp::create(k.b, k.loc, k.b.getI64Type(),
                                               k.load(k.params[1], row, k.b.getI32Type()));
          Value valid = k.within(label, K);
          Value safe = k.select(valid, label, k.i64(0));
          Value nan = k.f32(std::numeric_limits<float>::quiet_NaN());
          Value invN = k.div(k.f32(1), k.toF32(n));
          Value rowLoss = k.select(valid, k.sub(k.add(max, k.log(sum)), x(safe)), nan);
          k.atomicAdd(k.mul(rowLoss, invN), k.params[2], k.i64(0));
          if (!grad)
            return;
          Value scale = k.div(invN, sum);
          k.loop(k.i64(0), K, [&](Value j) {
            Value d = k.mul(k.exp(k.sub(x(j), max)), scale);
            d = k.select(k.eq(j, label), k.sub(d, invN), d);
            k.store(k.select(valid, d, nan), k.params[3], k.add(base, j));
          });
        });
        SmallVector<std::string> args{at(logits), at(labels), lossAt};
        if (grad)
          args.push_back(at(dlogits));
        args.append({"n", num(dims(logits)[1])});
        launch(name, "n", args);
        return success();
      })
      .Case<nn::SGDUpdateOp>([&](nn::SGDUpdateOp u) {
        double momentum = attrF("momentum"), decay = attrF("weight_decay");
        bool nesterov = u.getNesterov(), moment = momentum != 0;
        std::string key = "sgd_m" + floatText(momentum) + "_wd" + floatText(decay) + (nesterov ? "_nesterov" : "");
        std::string name = kernels_.get(key, moment ? "ppppp" : "ppp", [&](KernelBody &k) {
          Value i = k.index, p = k.params[0], g = k.params[1];
          Value lr = k.load(k.params[moment ? 3 : 2], k.i64(0));
          Value w = k.load(p, i);
          Value d = k.add(k.load(g, i), k.mul(k.f32(decay), w));
          if (!moment) {
            k.store(k.sub(w, k.mul(lr, d)), p, i);
            return;
          }
          Value step = k.load(k.params[4], k.i64(0), k.b.getI64Type());
          Value first = k.eq(step, k.i64(1));
          Value m = k.select(first, d, k.add(k.mul(k.f32(momentum), k.load(k.params[2], i)), d));
          k.store(m, k.params[2], i);
          Value update = nesterov ? k.add(d, k.mul(k.f32(momentum), m)) : m;
          k.store(k.sub(w, k.mul(lr, update)), p, i);
        });
        SmallVector<std::string> args{at(u.getParam()), at(u.getGrad())};
        if (moment)
          args.push_back(at(u.getMomentumBuffer()));
        args.push_back(atSlot("lr"));
        if (moment)
          args.push_back(atSlot("step"));
        launch(name, countOf(u.getParam()).str(), args);
        return success();
      })
      .Case<nn::MaxPoolOp, nn::AvgPoolOp>([&](Operation *pool) {
        Value x = pool->getOperand(0), y = pool->getResult(0);
        bool avg = isa<nn::AvgPoolOp>(pool);
        int64_t K = *nn::intSetting(pool, "kernel");
        // One thread per output: its window's max or mean (padding counts
        // as zero in the mean, as in the CPU kernel).
        std::string name = kernels_.get(avg ? "avgpool" : "maxpool", "ppiiiiiii", [&](KernelBody &k) {
          auto P = [&](int i) { return k.params[i]; }; // H W OH OW K stride pad
          Value H = P(2), W = P(3), OH = P(4), OW = P(5), Kk = P(6), stride = P(7), pad = P(8);
          Value ow = k.rem(k.index, OW), oh = k.rem(k.div(k.index, OW), OH), plane = k.div(k.index, k.mul(OW, OH));
          Value init = avg ? k.f32(0) : k.f32(-std::numeric_limits<float>::infinity());
          Value result = k.reduce(k.i64(0), Kk, init, [&](Value kh, Value acc) {
            return k.reduce(k.i64(0), Kk, acc, [&](Value kw, Value a) {
              Value h = k.sub(k.add(k.mul(oh, stride), kh), pad), w = k.sub(k.add(k.mul(ow, stride), kw), pad);
              Value inside = k.both(k.within(h, H), k.within(w, W));
              Value at = k.select(inside, k.add(k.mul(k.add(k.mul(plane, H), h), W), w), k.i64(0));
              Value v = k.load(P(0), at);
              Value next = avg ? k.add(a, v) : k.max(a, v);
              return k.select(inside, next, a);
            });
          });
          if (avg)
            result = k.div(result, k.toF32(k.mul(Kk, Kk)));
          k.store(result, P(1), k.index);
        });
        ArrayRef<int64_t> xs = dims(x), ys = dims(y);
        launch(name, countOf(y).str(),
               {at(x), at(y), num(xs[2]), num(xs[3]), num(ys[2]), num(ys[3]), num(K),
                num(*nn::intSetting(pool, "stride")), num(nn::windowPaddingOf(pool))});
        return success();
      })
      .Case<nn::PoolGradOp>([&](nn::PoolGradOp g) {
        // One thread per input element sums the gradients of the windows
        // that cover it: for a max, those whose (first) maximum it is.
        bool avg = g.getKind() == "avg";
        std::string name = kernels_.get(avg ? "avgpool_grad" : "maxpool_grad", "pppiiiiiii", [&](KernelBody &k) {
          auto P = [&](int i) { return k.params[i]; }; // dy x dx H W OH OW K stride pad
          Value H = P(3), W = P(4), OH = P(5), OW = P(6), Kk = P(7), stride = P(8), pad = P(9);
          Value w = k.rem(k.index, W), h = k.rem(k.div(k.index, W), H), plane = k.div(k.index, k.mul(W, H));
          // Outputs whose window holds h: oh * stride - pad <= h < oh * stride - pad + K.
          auto range = [&](Value at, Value outSize) {
            Value a = k.add(k.sub(k.add(at, pad), Kk), k.i64(1));
            Value lo = k.select(k.lt(a, k.i64(1)), k.i64(0), k.div(k.add(a, k.sub(stride, k.i64(1))), stride));
            return std::make_pair(lo, k.min(outSize, k.add(k.div(k.add(at, pad), stride), k.i64(1))));
          };
          auto [ohLo, ohHi] = range(h, OH);
          auto [owLo, owHi] = range(w, OW);
          Value here = k.add(k.mul(h, W), w);
          Value sum = k.reduce(ohLo, ohHi, k.f32(0), [&](Value oh, Value acc) {
            return k.reduce(owLo, owHi, acc, [&](Value ow, Value a) {
              Value grad = k.load(P(0), k.add(k.mul(k.add(k.mul(plane, OH), oh), OW), ow));
              if (avg)
                return k.add(a, k.div(grad, k.toF32(k.mul(Kk, Kk))));
              // The window's first maximum (a NaN wins), as the CPU kernel.
              Value inf = k.f32(-std::numeric_limits<float>::infinity());
              SmallVector<Value> best = k.reduce(k.i64(0), Kk, {inf, k.i64(-1)}, [&](Value kh, ArrayRef<Value> bh) {
                return k.reduce(k.i64(0), Kk, bh, [&](Value kw, ArrayRef<Value> bw) {
                  Value y = k.sub(k.add(k.mul(oh, stride), kh), pad), x = k.sub(k.add(k.mul(ow, stride), kw), pad);
                  Value inside = k.both(k.within(y, H), k.within(x, W));
                  Value at = k.add(k.mul(y, W), x);
                  Value v = k.load(P(1), k.select(inside, k.add(k.mul(plane, k.mul(H, W)), at), k.i64(0)));
                  Value take = k.both(inside, k.either(k.either(k.lt(bw[0], v), k.isNaN(v)), k.lt(bw[1], k.i64(0))));
                  return SmallVector<Value>{k.select(take, v, bw[0]), k.select(take, at, bw[1])};
                });
              });
              return k.select(k.eq(best[1], here), k.add(a, grad), a);
            });
          });
          k.store(sum, P(2), k.index);
        });
        Value x = g.getInput(), dy = g.getGrad();
        ArrayRef<int64_t> xs = dims(x), ys = dims(dy);
        launch(name, countOf(x).str(),
               {at(dy), at(x), at(g.getInputGrad()), num(xs[2]), num(xs[3]), num(ys[2]), num(ys[3]),
                num(g.getKernel()), num(g.getStride()), num(g.getPadding())});
        return success();
      })
      .Case<nn::GlobalAvgPoolOp>([&](nn::GlobalAvgPoolOp pool) {
        std::string name = kernels_.get("global_avgpool", "ppi", [&](KernelBody &k) {
          Value HW = k.params[2], base = k.mul(k.index, HW);
          Value sum = k.reduce(k.i64(0), HW, k.f32(0),
                               [&](Value j, Value s) { return k.add(s, k.load(k.params[0], k.add(base, j))); });
          k.store(k.div(sum, k.toF32(HW)), k.params[1], k.index);
        });
        Value x = pool.getInput();
        launch(name, Count{dims(x)[1], true}.str(), {at(x), at(pool.getOutput()), num(innerOf(x, 2))});
        return success();
      })
      .Case<nn::GlobalAvgPoolGradOp>([&](nn::GlobalAvgPoolGradOp g) {
        std::string name = kernels_.get("global_avgpool_grad", "ppi", [&](KernelBody &k) {
          Value HW = k.params[2];
          k.store(k.div(k.load(k.params[0], k.div(k.index, HW)), k.toF32(HW)), k.params[1], k.index);
        });
        Value dx = g.getInputGrad();
        launch(name, countOf(dx).str(), {at(g.getGrad()), at(dx), num(innerOf(dx, 2))});
        return success();
      })
      .Case<nn::BatchNormTrainOp>([&](nn::BatchNormTrainOp bn) {
        // Per channel: the statistics (summed in double, as on the CPU) and
        // the running ones; then each element normalized.
        double eps = attrF("eps"), momentum = attrF("momentum");
        Value x = bn.getInput();
        int64_t C = dims(x)[1], inner = innerOf(x, 2);
        std::string key = "bn_stats_eps" + floatText(eps) + "_m" + floatText(momentum);
        std::string stats = kernels_.get(key, "pppppiii", [&](KernelBody &k) {
          Value c = k.index, n = k.params[5], Cv = k.params[6], in = k.params[7];
          auto sum = [&](const std::function<Value(Value)> &term) {
            return k.reduce(k.i64(0), n, k.f64(0), [&](Value row, Value acc) {
              Value base = k.mul(k.add(k.mul(row, Cv), c), in);
              return k.reduce(k.i64(0), in, acc, [&](Value j, Value a) {
                return k.add(a, k.toF64(term(k.load(k.params[0], k.add(base, j)))));
              });
            });
          };
          Value count = k.mul(n, in);
          Value countF64 = k.toF64(k.toF32(count));
          Value mean = k.toF32(k.div(sum([](Value v) { return v; }), countF64));
          Value var = k.toF32(k.div(sum([&](Value v) {
                                      Value d = k.sub(v, mean);
                                      return k.mul(d, d);
                                    }),
                                    countF64));
          k.store(mean, k.params[1], c);
          k.store(k.div(k.f32(1), k.sqrt(k.add(var, k.f32(eps)))), k.params[2], c);
          Value unbias = k.div(k.toF32(count), k.toF32(k.select(k.lt(count, k.i64(2)), k.i64(1), k.sub(count, k.i64(1)))));
          Value keep = k.f32(1 - momentum), take = k.f32(momentum);
          k.store(k.add(k.mul(keep, k.load(k.params[3], c)), k.mul(take, mean)), k.params[3], c);
          k.store(k.add(k.mul(keep, k.load(k.params[4], c)), k.mul(take, k.mul(var, unbias))), k.params[4], c);
        });
        launch(stats, num(C), {at(x), at(bn.getMean()), at(bn.getInvstd()), at(op->getOperand(3)),
                               at(op->getOperand(4)), "n", num(C), num(inner)});
        std::string apply = kernels_.get("bn_apply", "ppppppii", [&](KernelBody &k) {
          Value c = k.rem(k.div(k.index, k.params[7]), k.params[6]);
          Value scale = k.mul(k.load(k.params[1], c), k.load(k.params[4], c));
          Value shift = k.sub(k.load(k.params[2], c), k.mul(k.load(k.params[3], c), scale));
          k.store(k.add(k.mul(k.load(k.params[0], k.index), scale), shift), k.params[5], k.index);
        });
        launch(apply, countOf(x).str(), {at(x), at(bn.getScale()), at(bn.getShift()), at(bn.getMean()),
                                         at(bn.getInvstd()), at(bn.getOutput()), num(C), num(inner)});
        return success();
      })
      .Case<nn::BatchNormInferOp>([&](nn::BatchNormInferOp bn) {
        double eps = attrF("eps");
        Value x = bn.getInput();
        std::string name = kernels_.get("bn_infer_eps" + floatText(eps), "ppppppii", [&](KernelBody &k) {
          Value c = k.rem(k.div(k.index, k.params[7]), k.params[6]);
          Value scale = k.div(k.load(k.params[1], c), k.sqrt(k.add(k.load(k.params[4], c), k.f32(eps))));
          Value shift = k.sub(k.load(k.params[2], c), k.mul(k.load(k.params[3], c), scale));
          k.store(k.add(k.mul(k.load(k.params[0], k.index), scale), shift), k.params[5], k.index);
        });
        launch(name, countOf(x).str(),
               {at(x), at(bn.getScale()), at(bn.getShift()), at(op->getOperand(3)), at(op->getOperand(4)),
                at(bn.getOutput()), num(dims(x)[1]), num(innerOf(x, 2))});
        return success();
      })
      .Case<nn::BatchNormGradOp>([&](nn::BatchNormGradOp g) {
        // Per channel: dbeta = sum dy, dgamma = sum dy xhat (in double);
        // then each dx = gamma invstd (dy - mean(dy) - xhat mean(dy xhat)).
        Value x = g.getInput();
        int64_t C = dims(x)[1], inner = innerOf(x, 2);
        std::string sums = kernels_.get("bn_grad_sums", "ppppppiii", [&](KernelBody &k) {
          Value c = k.index, n = k.params[6], Cv = k.params[7], in = k.params[8];
          Value m = k.load(k.params[2], c), inv = k.load(k.params[3], c);
          SmallVector<Value> s = k.reduce(k.i64(0), n, {k.f64(0), k.f64(0)}, [&](Value row, ArrayRef<Value> acc) {
            Value base = k.mul(k.add(k.mul(row, Cv), c), in);
            return k.reduce(k.i64(0), in, acc, [&](Value j, ArrayRef<Value> a) {
              Value dy = k.load(k.params[0], k.add(base, j)), xv = k.load(k.params[1], k.add(base, j));
              return SmallVector<Value>{k.add(a[0], k.toF64(dy)),
                                        k.add(a[1], k.toF64(k.mul(k.mul(dy, k.sub(xv, m)), inv)))};
            });
          });
          k.store(k.toF32(s[1]), k.params[4], c);
          k.store(k.toF32(s[0]), k.params[5], c);
        });
        Value dgamma = g->getResult(1), dbeta = g->getResult(2);
        launch(sums, num(C), {at(g.getGrad()), at(x), at(g.getMean()), at(g.getInvstd()), at(dgamma), at(dbeta), "n",
                              num(C), num(inner)});
        std::string dx = kernels_.get("bn_grad_input", "ppppppppiii", [&](KernelBody &k) {
          Value c = k.rem(k.div(k.index, k.params[9]), k.params[8]);
          Value count = k.toF32(k.mul(k.params[10], k.params[9]));
          Value m = k.load(k.params[3], c), inv = k.load(k.params[4], c);
          Value meanDyXhat = k.div(k.load(k.params[5], c), count), meanDy = k.div(k.load(k.params[6], c), count);
          Value xhat = k.mul(k.sub(k.load(k.params[1], k.index), m), inv);
          Value v = k.sub(k.sub(k.load(k.params[0], k.index), meanDy), k.mul(xhat, meanDyXhat));
          k.store(k.mul(k.mul(k.load(k.params[2], c), inv), v), k.params[7], k.index);
        });
        launch(dx, countOf(x).str(), {at(g.getGrad()), at(x), at(g.getScale()), at(g.getMean()), at(g.getInvstd()),
                                      at(dgamma), at(dbeta), at(g->getResult(0)), num(C), num(inner), "n"});
        return success();
      })
      .Case<nn::DropoutTrainOp>([&](nn::DropoutTrainOp d) {
        // The CPU kernel's mask: splitmix64 of (step * 1000003 + salt) and
        // the element's index, bit for bit.
        double rate = attrF("rate");
        std::string name = kernels_.get("dropout_r" + floatText(rate), "ppppi", [&](KernelBody &k) {
          Value step = k.load(k.params[3], k.i64(0), k.b.getI64Type());
          Value seed = k.add(k.mul(step, k.i64(1000003)), k.params[4]);
          const int64_t golden = static_cast<int64_t>(0x9E3779B97F4A7C15ull);
          Value z = k.add(k.bitXor(seed, k.mul(k.index, k.i64(golden))), k.i64(golden));
          z = k.mul(k.bitXor(z, k.shiftRight(z, 30)), k.i64(static_cast<int64_t>(0xBF58476D1CE4E5B9ull)));
          z = k.mul(k.bitXor(z, k.shiftRight(z, 27)), k.i64(static_cast<int64_t>(0x94D049BB133111EBull)));
          z = k.bitXor(z, k.shiftRight(z, 31));
          Value u = k.mul(k.toF32(k.shiftRight(z, 40)), k.f32(1.0 / (1 << 24)));
          float scale = rate < 1 ? static_cast<float>(1 / (1 - rate)) : 0.f;
          Value mask = k.select(k.lt(u, k.f32(rate)), k.f32(0), k.f32(scale));
          k.store(mask, k.params[2], k.index);
          k.store(k.mul(k.load(k.params[0], k.index), mask), k.params[1], k.index);
        });
        launch(name, countOf(d.getInput()).str(), {at(d.getInput()), at(d.getOutput()), at(d.getMask()),
                                                   atSlot("step"), num(cast<IntegerAttr>(op->getAttr("salt")).getInt())});
        return success();
      })
      .Case<nn::AdamUpdateOp>([&](nn::AdamUpdateOp u) {
        double beta1 = attrF("beta1"), beta2 = attrF("beta2"), eps = attrF("eps"), decay = attrF("weight_decay");
        std::string key = "adam_b" + floatText(beta1) + "_" + floatText(beta2) + "_e" + floatText(eps) + "_wd" +
                          floatText(decay);
        std::string name = kernels_.get(key, "pppppp", [&](KernelBody &k) {
          Value i = k.index;
          Value lr = k.load(k.params[4], k.i64(0));
          Value step = k.load(k.params[5], k.i64(0), k.b.getI64Type());
          Value t = k.toF32(k.select(k.lt(step, k.i64(1)), k.i64(1), step));
          Value stepSize = k.div(lr, k.sub(k.f32(1), k.pow(k.f32(beta1), t)));
          Value invSqrtBias2 = k.div(k.f32(1), k.sqrt(k.sub(k.f32(1), k.pow(k.f32(beta2), t))));
          Value w = k.load(k.params[0], i);
          Value d = k.add(k.load(k.params[1], i), k.mul(k.f32(decay), w));
          Value m = k.add(k.mul(k.f32(beta1), k.load(k.params[2], i)), k.mul(k.f32(1 - beta1), d));
          Value v = k.add(k.mul(k.f32(beta2), k.load(k.params[3], i)), k.mul(k.f32(1 - beta2), k.mul(d, d)));
          k.store(m, k.params[2], i);
          k.store(v, k.params[3], i);
          Value denominator = k.add(k.mul(k.sqrt(v), invSqrtBias2), k.f32(eps));
          k.store(k.sub(w, k.div(k.mul(stepSize, m), denominator)), k.params[0], i);
        });
        launch(name, countOf(u.getParam()).str(), {at(u.getParam()), at(u.getGrad()), at(u.getFirstMoment()),
                                                   at(u.getSecondMoment()), atSlot("lr"), atSlot("step")});
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
        // Per row: mean and invstd (summed in double); then each element.
        double eps = attrF("eps");
        Value x = ln.getInput();
        int64_t D = innerOf(x, 1);
        std::string stats = kernels_.get("ln_stats_eps" + floatText(eps), "pppi", [&](KernelBody &k) {
          Value Dv = k.params[3], base = k.mul(k.index, Dv), count = k.toF64(k.toF32(Dv));
          auto sum = [&](const std::function<Value(Value)> &term) {
            return k.reduce(k.i64(0), Dv, k.f64(0), [&](Value j, Value a) {
              return k.add(a, k.toF64(term(k.load(k.params[0], k.add(base, j)))));
            });
          };
          Value mean = k.toF32(k.div(sum([](Value v) { return v; }), count));
          Value var = k.toF32(k.div(sum([&](Value v) {
                                      Value d = k.sub(v, mean);
                                      return k.mul(d, d);
                                    }),
                                    count));
          k.store(mean, k.params[1], k.index);
          k.store(k.div(k.f32(1), k.sqrt(k.add(var, k.f32(eps)))), k.params[2], k.index);
        });
        launch(stats, "n", {at(x), at(ln.getMean()), at(ln.getInvstd()), num(D)});
        std::string apply = kernels_.get("ln_apply", "ppppppi", [&](KernelBody &k) {
          Value row = k.div(k.index, k.params[6]), d = k.rem(k.index, k.params[6]);
          Value xhat = k.mul(k.sub(k.load(k.params[0], k.index), k.load(k.params[3], row)), k.load(k.params[4], row));
          k.store(k.add(k.mul(xhat, k.load(k.params[1], d)), k.load(k.params[2], d)), k.params[5], k.index);
        });
        launch(apply, countOf(x).str(), {at(x), at(ln.getScale()), at(ln.getShift()), at(ln.getMean()),
                                         at(ln.getInvstd()), at(ln.getOutput()), num(D)});
        return success();
      })
      .Case<nn::LayerNormGradOp>([&](Operation *g) {
        // Per row: dx = invstd (g gamma - mean(g gamma) - xhat mean(g gamma
        // xhat)); per feature: dgamma and dbeta summed over the rows in
        // float, in row order, as the CPU does.
        Value dy = g->getOperand(0), x = g->getOperand(1), gamma = g->getOperand(2), mean = g->getOperand(3),
              invstd = g->getOperand(4);
        int64_t D = innerOf(x, 1);
        std::string rows = kernels_.get("ln_grad_input", "ppppppi", [&](KernelBody &k) {
          Value Dv = k.params[6], base = k.mul(k.index, Dv), count = k.toF64(k.toF32(Dv));
          Value m = k.load(k.params[3], k.index), inv = k.load(k.params[4], k.index);
          auto term = [&](Value j) {
            Value gg = k.mul(k.load(k.params[0], k.add(base, j)), k.load(k.params[2], j));
            return std::make_pair(gg, k.mul(k.sub(k.load(k.params[1], k.add(base, j)), m), inv));
          };
          SmallVector<Value> s = k.reduce(k.i64(0), Dv, {k.f64(0), k.f64(0)}, [&](Value j, ArrayRef<Value> a) {
            auto [gg, xhat] = term(j);
            return SmallVector<Value>{k.add(a[0], k.toF64(gg)), k.add(a[1], k.toF64(k.mul(gg, xhat)))};
          });
          Value meanG = k.toF32(k.div(s[0], count)), meanGXhat = k.toF32(k.div(s[1], count));
          k.loop(k.i64(0), Dv, [&](Value j) {
            auto [gg, xhat] = term(j);
            k.store(k.mul(inv, k.sub(k.sub(gg, meanG), k.mul(xhat, meanGXhat))), k.params[5], k.add(base, j));
          });
        });
        launch(rows, "n", {at(dy), at(x), at(gamma), at(mean), at(invstd), at(g->getResult(0)), num(D)});
        std::string features = kernels_.get("ln_grad_params", "ppppppii", [&](KernelBody &k) {
          Value d = k.index, Dv = k.params[6];
          SmallVector<Value> s = k.reduce(k.i64(0), k.params[7], {k.f32(0), k.f32(0)}, [&](Value r, ArrayRef<Value> a) {
            Value at = k.add(k.mul(r, Dv), d);
            Value gv = k.load(k.params[0], at);
            Value xhat = k.mul(k.sub(k.load(k.params[1], at), k.load(k.params[2], r)), k.load(k.params[3], r));
            return SmallVector<Value>{k.add(a[0], k.mul(gv, xhat)), k.add(a[1], gv)};
          });
          k.store(s[0], k.params[4], d);
          k.store(s[1], k.params[5], d);
        });
        launch(features, num(D), {at(dy), at(x), at(mean), at(invstd), at(g->getResult(1)), at(g->getResult(2)),
                                  num(D), "n"});
        return success();
      })
      .Case<func::ReturnOp>([&](auto) { return success(); })
      .Default([&](Operation *other) { return other->emitError("has no CUDA kernel yet"); });
}

LogicalResult CudaLowering::lower(func::FuncOp fn, SmallVectorImpl<Attribute> &steps) {
  SmallVector<Attribute> out;
  steps_ = &out;
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
  steps.append(out.begin(), out.end());
  return success();
}
} // namespace

LogicalResult lowerToCUDA(ModuleOp module, int64_t batch) {
  BufferPlan plan(batch);
  FailureOr<TrainingFunctions> fns = planTrainingFunctions(module, plan);
  if (failed(fns))
    return failure();
  CudaLowering lowering(module, plan);
  SmallVector<Attribute> trainSteps, inferSteps;
  if (failed(lowering.lower(fns->train, trainSteps)) || failed(lowering.lower(fns->infer, inferSteps)))
    return failure();
  auto [rows, labels] = lowering.gatherKernels();
  Builder b(module.getContext());
  module->setAttr("nn.cuda_plan",
                  b.getDictionaryAttr({b.getNamedAttr("train_step", b.getArrayAttr(trainSteps)),
                                       b.getNamedAttr("infer", b.getArrayAttr(inferSteps)),
                                       b.getNamedAttr("gather_rows", b.getStringAttr(rows)),
                                       b.getNamedAttr("gather_labels", b.getStringAttr(labels))}));
  module->setAttr("nn.batch", b.getI64IntegerAttr(batch));
  finishLowering(module, plan);
  return success();
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
