//===- CudaKernels.cpp - The kernels nn-lower-cuda launches ---------------===//
//
// Each kernel computes what the CPU kernel (runtime/lib/Kernels.cpp) does for
// the same op, in the same order where it matters: reductions in double
// where the CPU sums in double, dropout's mask bit for bit.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "CudaKernels.h"

#include "nas/Dialect/NN/NNOps.h"
#include "nas/Passes/Fusion.h"
#include "nas/Runtime/Kernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

namespace nas {

using namespace mlir;

bool isElementwise(Operation *op) {
  return isa<nn::ReluOp, nn::GeluOp, nn::TanhOp, nn::SigmoidOp, nn::SiluOp, nn::ActivationGradOp, nn::AddOp, nn::MulOp,
             nn::ZeroOp>(op);
}

bool isAlias(Operation *op) { return isa<nn::IdentityOp, nn::FlattenOp, nn::ReshapeOp>(op); }

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

namespace {
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
} // namespace

std::string CudaKernels::gatherRows() {
  return kernels_.get("gather_rows", "pppi", [](KernelBody &k) {
    Value row = k.div(k.index, k.params[3]), j = k.rem(k.index, k.params[3]);
    Value sample = k.load(k.params[2], row, k.b.getI64Type());
    k.store(k.load(k.params[1], k.add(k.mul(sample, k.params[3]), j)), k.params[0], k.index);
  });
}

std::string CudaKernels::gatherLabels() {
  return kernels_.get("gather_labels", "ppp", [](KernelBody &k) {
    Value sample = k.load(k.params[2], k.index, k.b.getI64Type());
    k.store(k.load(k.params[1], sample, k.b.getI32Type()), k.params[0], k.index);
  });
}

std::string CudaKernels::copyRows() {
  return kernels_.get("copy_rows", "ppiii", [&](KernelBody &k) {
    Value row = k.div(k.index, k.params[2]), j = k.rem(k.index, k.params[2]);
    Value v = k.load(k.params[0], k.add(k.mul(row, k.params[3]), j));
    k.store(v, k.params[1], k.add(k.mul(row, k.params[4]), j));
  });
}

std::string CudaKernels::epilogue(bool bias, int64_t kind) {
  std::string key = std::string(bias ? "bias_" : "") + "act" + std::to_string(kind);
  return kernels_.get(key, bias ? "ppii" : "p", [&](KernelBody &k) {
    Value v = k.load(k.params[0], k.index);
    if (bias) {
      Value c = k.rem(k.div(k.index, k.params[3]), k.params[2]);
      v = k.add(v, k.load(k.params[1], c));
    }
    k.store(activation(k, kind, v), k.params[0], k.index);
  });
}

FusedKernel CudaKernels::fusedElementwise(ArrayRef<Operation *> group) {
  // The group as a small program: inputs (loaded once, in order of first
  // use), each op's operands as registers or inputs, and the values stored.
  // The key spells that program, so that equal groups share a kernel.
  FusedKernel fused;
  DenseMap<Value, int> reg, input;
  std::string key = "ew";
  DenseSet<Operation *> members(group.begin(), group.end());
  for (Operation *op : group) {
    key += "|" + op->getName().stripDialect().str();
    if (auto g = dyn_cast<nn::ActivationGradOp>(op))
      key += g.getKind().str();
    for (Value v : readsOf(op)) {
      if (auto it = reg.find(v); it != reg.end()) {
        key += ",r" + std::to_string(it->second);
        continue;
      }
      auto [it, inserted] = input.try_emplace(v, static_cast<int>(fused.inputs.size()));
      if (inserted)
        fused.inputs.push_back(v);
      key += ",i" + std::to_string(it->second);
    }
    for (Value r : op->getResults()) {
      reg[r] = static_cast<int>(reg.size());
      if (llvm::any_of(r.getUsers(), [&](Operation *user) { return !members.contains(user); }))
        fused.outputs.push_back(r);
    }
  }
  for (Value out : fused.outputs)
    key += ",o" + std::to_string(reg[out]);
  std::string signature(fused.inputs.size() + fused.outputs.size(), 'p');
  fused.name = kernels_.get(key, signature, [&](KernelBody &k) {
    DenseMap<Value, Value> scalar;
    for (auto [i, v] : llvm::enumerate(fused.inputs))
      scalar[v] = k.load(k.params[i], k.index);
    for (Operation *op : group) {
      SmallVector<Value> in;
      for (Value v : readsOf(op))
        in.push_back(scalar.lookup(v));
      scalar[op->getResult(0)] = isAlias(op) ? in[0] : elementwise(k, op, in);
    }
    for (auto [i, v] : llvm::enumerate(fused.outputs))
      k.store(scalar.lookup(v), k.params[fused.inputs.size() + i], k.index);
  });
  return fused;
}

std::string CudaKernels::zero() {
  return kernels_.get("zero1", "p", [&](KernelBody &k) { k.store(k.f32(0), k.params[0], k.index); });
}

std::string CudaKernels::biasGrad() {
  return kernels_.get("bias_grad", "ppiii", [&](KernelBody &k) {
    Value c = k.index, C = k.params[3], inner = k.params[4];
    Value sum = k.reduce(k.i64(0), k.params[2], k.f32(0), [&](Value row, Value acc) {
      Value base = k.mul(k.add(k.mul(row, C), c), inner);
      return k.reduce(k.i64(0), inner, acc,
                      [&](Value j, Value a) { return k.add(a, k.load(k.params[0], k.add(base, j))); });
    });
    k.store(sum, k.params[1], c);
  });
}

std::string CudaKernels::planeSums() {
  return kernels_.get("plane_sums", "ppi", [&](KernelBody &k) {
    Value base = k.mul(k.index, k.params[2]);
    k.store(k.reduce(k.i64(0), k.params[2], k.f32(0),
                     [&](Value j, Value a) { return k.add(a, k.load(k.params[0], k.add(base, j))); }),
            k.params[1], k.index);
  });
}

// A label outside [0, classes) makes the row's loss and gradient NaN, as
// on the CPU.
std::string CudaKernels::softmaxCrossEntropy(bool grad) {
  return kernels_.get(grad ? "softmax_ce_grad" : "softmax_ce", grad ? "ppppii" : "pppii", [&](KernelBody &k) {
    Value row = k.index, n = k.params[grad ? 4 : 3], K = k.params[grad ? 5 : 4];
    Value base = k.mul(row, K);
    auto x = [&](Value j) { return k.load(k.params[0], k.add(base, j)); };
    Value max = k.reduce(k.i64(0), K, k.f32(-std::numeric_limits<float>::infinity()),
                         [&](Value j, Value m) { return k.max(m, x(j)); });
    Value sum = k.reduce(k.i64(0), K, k.f32(0), [&](Value j, Value s) { return k.add(s, k.exp(k.sub(x(j), max))); });
    Value label = arith::ExtSIOp::create(k.b, k.loc, k.b.getI64Type(), k.load(k.params[1], row, k.b.getI32Type()));
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
}

std::string CudaKernels::sgd(double momentum, double decay, bool nesterov) {
  bool moment = momentum != 0;
  std::string key = "sgd_m" + floatText(momentum) + "_wd" + floatText(decay) + (nesterov ? "_nesterov" : "");
  return kernels_.get(key, moment ? "ppppp" : "ppp", [&](KernelBody &k) {
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
}

std::string CudaKernels::adam(double beta1, double beta2, double eps, double decay) {
  std::string key =
      "adam_b" + floatText(beta1) + "_" + floatText(beta2) + "_e" + floatText(eps) + "_wd" + floatText(decay);
  return kernels_.get(key, "pppppp", [&](KernelBody &k) {
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
}

// Padding counts as zero in the mean, as in the CPU kernel.
std::string CudaKernels::pool(bool avg) {
  return kernels_.get(avg ? "avgpool" : "maxpool", "ppiiiiiii", [&](KernelBody &k) {
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
}

// For a max, an input element takes the gradient of the windows whose
// (first) maximum it is.
std::string CudaKernels::poolGrad(bool avg) {
  return kernels_.get(avg ? "avgpool_grad" : "maxpool_grad", "pppiiiiiii", [&](KernelBody &k) {
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
}

std::string CudaKernels::globalAvgPool() {
  return kernels_.get("global_avgpool", "ppi", [&](KernelBody &k) {
    Value HW = k.params[2], base = k.mul(k.index, HW);
    Value sum = k.reduce(k.i64(0), HW, k.f32(0),
                         [&](Value j, Value s) { return k.add(s, k.load(k.params[0], k.add(base, j))); });
    k.store(k.div(sum, k.toF32(HW)), k.params[1], k.index);
  });
}

std::string CudaKernels::globalAvgPoolGrad() {
  return kernels_.get("global_avgpool_grad", "ppi", [&](KernelBody &k) {
    Value HW = k.params[2];
    k.store(k.div(k.load(k.params[0], k.div(k.index, HW)), k.toF32(HW)), k.params[1], k.index);
  });
}

// Summed in double, as on the CPU; the running variance is unbiased.
std::string CudaKernels::batchNormStats(double eps, double momentum) {
  std::string key = "bn_stats_eps" + floatText(eps) + "_m" + floatText(momentum);
  return kernels_.get(key, "pppppiii", [&](KernelBody &k) {
    Value c = k.index, n = k.params[5], Cv = k.params[6], in = k.params[7];
    auto sum = [&](const std::function<Value(Value)> &term) {
      return k.reduce(k.i64(0), n, k.f64(0), [&](Value row, Value acc) {
        Value base = k.mul(k.add(k.mul(row, Cv), c), in);
        return k.reduce(k.i64(0), in, acc,
                        [&](Value j, Value a) { return k.add(a, k.toF64(term(k.load(k.params[0], k.add(base, j))))); });
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
}

std::string CudaKernels::batchNormApply() {
  return kernels_.get("bn_apply", "ppppppii", [&](KernelBody &k) {
    Value c = k.rem(k.div(k.index, k.params[7]), k.params[6]);
    Value scale = k.mul(k.load(k.params[1], c), k.load(k.params[4], c));
    Value shift = k.sub(k.load(k.params[2], c), k.mul(k.load(k.params[3], c), scale));
    k.store(k.add(k.mul(k.load(k.params[0], k.index), scale), shift), k.params[5], k.index);
  });
}

std::string CudaKernels::batchNormInfer(double eps) {
  return kernels_.get("bn_infer_eps" + floatText(eps), "ppppppii", [&](KernelBody &k) {
    Value c = k.rem(k.div(k.index, k.params[7]), k.params[6]);
    Value scale = k.div(k.load(k.params[1], c), k.sqrt(k.add(k.load(k.params[4], c), k.f32(eps))));
    Value shift = k.sub(k.load(k.params[2], c), k.mul(k.load(k.params[3], c), scale));
    k.store(k.add(k.mul(k.load(k.params[0], k.index), scale), shift), k.params[5], k.index);
  });
}

// dbeta = sum dy, dgamma = sum dy xhat, in double.
std::string CudaKernels::batchNormGradSums() {
  return kernels_.get("bn_grad_sums", "ppppppiii", [&](KernelBody &k) {
    Value c = k.index, n = k.params[6], Cv = k.params[7], in = k.params[8];
    Value m = k.load(k.params[2], c), inv = k.load(k.params[3], c);
    SmallVector<Value> s = k.reduce(k.i64(0), n, {k.f64(0), k.f64(0)}, [&](Value row, ArrayRef<Value> acc) {
      Value base = k.mul(k.add(k.mul(row, Cv), c), in);
      return k.reduce(k.i64(0), in, acc, [&](Value j, ArrayRef<Value> a) {
        Value dy = k.load(k.params[0], k.add(base, j)), xv = k.load(k.params[1], k.add(base, j));
        return SmallVector<Value>{k.add(a[0], k.toF64(dy)), k.add(a[1], k.toF64(k.mul(k.mul(dy, k.sub(xv, m)), inv)))};
      });
    });
    k.store(k.toF32(s[1]), k.params[4], c);
    k.store(k.toF32(s[0]), k.params[5], c);
  });
}

// dx = gamma invstd (dy - mean(dy) - xhat mean(dy xhat)).
std::string CudaKernels::batchNormGradInput() {
  return kernels_.get("bn_grad_input", "ppppppppiii", [&](KernelBody &k) {
    Value c = k.rem(k.div(k.index, k.params[9]), k.params[8]);
    Value count = k.toF32(k.mul(k.params[10], k.params[9]));
    Value m = k.load(k.params[3], c), inv = k.load(k.params[4], c);
    Value meanDyXhat = k.div(k.load(k.params[5], c), count), meanDy = k.div(k.load(k.params[6], c), count);
    Value xhat = k.mul(k.sub(k.load(k.params[1], k.index), m), inv);
    Value v = k.sub(k.sub(k.load(k.params[0], k.index), meanDy), k.mul(xhat, meanDyXhat));
    k.store(k.mul(k.mul(k.load(k.params[2], c), inv), v), k.params[7], k.index);
  });
}

// The CPU kernel's mask: splitmix64 of (step * 1000003 + salt) and the
// element's index, bit for bit.
std::string CudaKernels::dropout(double rate) {
  return kernels_.get("dropout_r" + floatText(rate), "ppppi", [&](KernelBody &k) {
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
}

// Mean and invstd summed in double.
std::string CudaKernels::layerNormStats(double eps) {
  return kernels_.get("ln_stats_eps" + floatText(eps), "pppi", [&](KernelBody &k) {
    Value Dv = k.params[3], base = k.mul(k.index, Dv), count = k.toF64(k.toF32(Dv));
    auto sum = [&](const std::function<Value(Value)> &term) {
      return k.reduce(k.i64(0), Dv, k.f64(0),
                      [&](Value j, Value a) { return k.add(a, k.toF64(term(k.load(k.params[0], k.add(base, j))))); });
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
}

std::string CudaKernels::layerNormApply() {
  return kernels_.get("ln_apply", "ppppppi", [&](KernelBody &k) {
    Value row = k.div(k.index, k.params[6]), d = k.rem(k.index, k.params[6]);
    Value xhat = k.mul(k.sub(k.load(k.params[0], k.index), k.load(k.params[3], row)), k.load(k.params[4], row));
    k.store(k.add(k.mul(xhat, k.load(k.params[1], d)), k.load(k.params[2], d)), k.params[5], k.index);
  });
}

// dx = invstd (g gamma - mean(g gamma) - xhat mean(g gamma xhat)).
std::string CudaKernels::layerNormGradInput() {
  return kernels_.get("ln_grad_input", "ppppppi", [&](KernelBody &k) {
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
}

// Summed over the rows in float, in row order, as the CPU does.
std::string CudaKernels::layerNormGradParams() {
  return kernels_.get("ln_grad_params", "ppppppii", [&](KernelBody &k) {
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
}

} // namespace nas
