//===- KernelsTest.cpp - The CPU kernels against double references --------===//
//
// Each kernel against a naive double-precision reference written here
// (direct loops), each gradient against central differences of
// sum(dy * forward) through that reference, on small odd shapes; the
// optimizers against PyTorch's update rules step by step.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <vector>

namespace {

using Vec = std::vector<float>;
using DVec = std::vector<double>;
using Loss = std::function<double(const DVec &)>;

const float kNaN = std::numeric_limits<float>::quiet_NaN();
const int64_t kActivations[] = {NASC_ACT_NONE, NASC_ACT_RELU,    NASC_ACT_GELU,
                                NASC_ACT_TANH, NASC_ACT_SIGMOID, NASC_ACT_SILU};

Vec random(size_t count, uint32_t seed, float lo = -1, float hi = 1) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  Vec v(count);
  for (float &x : v)
    x = dist(rng);
  return v;
}

DVec widen(const Vec &v) { return DVec(v.begin(), v.end()); }

double dot(const DVec &a, const DVec &b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i)
    s += a[i] * b[i];
  return s;
}

/// Every element within tol of the reference, relative to max(1, |want|).
::testing::AssertionResult close(const Vec &got, const DVec &want, double tol = 1e-4) {
  if (got.size() != want.size())
    return ::testing::AssertionFailure() << "size " << got.size() << " vs " << want.size();
  for (size_t i = 0; i < got.size(); ++i)
    if (!(std::abs(got[i] - want[i]) <= tol * std::max(1.0, std::abs(want[i]))))
      return ::testing::AssertionFailure() << "at " << i << ": " << got[i] << " vs " << want[i];
  return ::testing::AssertionSuccess();
}

/// Central differences of loss at v.
DVec numericGrad(DVec v, const Loss &loss, double h = 1e-6) {
  DVec grad(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    double saved = v[i];
    v[i] = saved + h;
    double up = loss(v);
    v[i] = saved - h;
    double down = loss(v);
    v[i] = saved;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/// A kernel's gradient against central differences of loss at `at`.
::testing::AssertionResult matchesNumeric(const Vec &got, const Vec &at, const Loss &loss) {
  return close(got, numericGrad(widen(at), loss));
}

double activationRef(double x, int64_t kind) {
  switch (kind) {
  case NASC_ACT_RELU: return std::max(x, 0.0);
  case NASC_ACT_GELU: return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0)));
  case NASC_ACT_TANH: return std::tanh(x);
  case NASC_ACT_SIGMOID: return 1 / (1 + std::exp(-x));
  case NASC_ACT_SILU: return x / (1 + std::exp(-x));
  default: return x;
  }
}

/// y = act(y + bias[channel]), channel = (i / inner) % channels.
DVec biasActivationRef(DVec y, const Vec *bias, int64_t channels, int64_t inner, int64_t act) {
  for (size_t i = 0; i < y.size(); ++i)
    y[i] = activationRef(y[i] + (bias ? (*bias)[(i / inner) % channels] : 0.0), act);
  return y;
}

/// sum(dy * bias broadcast over the other axes), bias[(i / inner) % channels].
double biasLoss(const DVec &dy, const DVec &bias, int64_t channels, int64_t inner) {
  double sum = 0;
  for (size_t i = 0; i < dy.size(); ++i)
    sum += dy[i] * bias[(i / inner) % channels];
  return sum;
}

/// Runs body once with one thread and once with three (uneven splits).
template <class F> void withThreadCounts(F &&body) {
  for (int64_t threads : {1, 3}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    nasc_set_threads(threads);
    body();
  }
  nasc_set_threads(0);
}

//===----------------------------------------------------------------------===//
// Dense
//===----------------------------------------------------------------------===//

DVec linearRef(const DVec &x, const DVec &w, int64_t n, int64_t K, int64_t M) {
  DVec y(n * M, 0.0);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < M; ++j)
      for (int64_t k = 0; k < K; ++k)
        y[i * M + j] += x[i * K + k] * w[j * K + k];
  return y;
}

TEST(KernelsDense, LinearWithEveryEpilogue) {
  const int64_t n = 3, K = 7, M = 5;
  Vec x = random(n * K, 1, -2, 2), w = random(M * K, 2), b = random(M, 3);
  for (int64_t act : kActivations)
    for (bool bias : {false, true}) {
      SCOPED_TRACE("act " + std::to_string(act) + (bias ? " with bias" : ""));
      Vec y(n * M);
      nasc_linear(x.data(), w.data(), bias ? b.data() : nullptr, y.data(), n, K, M, act);
      EXPECT_TRUE(close(y, biasActivationRef(linearRef(widen(x), widen(w), n, K, M), bias ? &b : nullptr, M, 1, act)));
    }
}

TEST(KernelsDense, Gradients) {
  const int64_t n = 3, K = 7, M = 5;
  Vec x = random(n * K, 4), w = random(M * K, 5), dy = random(n * M, 6);
  Vec dx(n * K), dw(M * K, kNaN), db(M);
  nasc_linear_grad_input(dy.data(), w.data(), dx.data(), n, K, M);
  nasc_linear_grad_weight(dy.data(), x.data(), dw.data(), n, K, M);
  nasc_bias_grad(dy.data(), db.data(), n, M, 1);
  EXPECT_TRUE(matchesNumeric(dx, x, [&](const DVec &v) { return dot(widen(dy), linearRef(v, widen(w), n, K, M)); }));
  EXPECT_TRUE(matchesNumeric(dw, w, [&](const DVec &v) { return dot(widen(dy), linearRef(widen(x), v, n, K, M)); }));
  EXPECT_TRUE(matchesNumeric(db, Vec(M, 0.f), [&](const DVec &v) { return biasLoss(widen(dy), v, M, 1); }));
}

TEST(KernelsDense, BiasGradOverInnerAxis) {
  const int64_t n = 3, C = 4, inner = 37;
  Vec dy = random(n * C * inner, 7);
  Vec db(C);
  nasc_bias_grad(dy.data(), db.data(), n, C, inner);
  DVec want(C, 0.0);
  for (size_t i = 0; i < dy.size(); ++i)
    want[(i / inner) % C] += dy[i];
  EXPECT_TRUE(close(db, want));
}

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

nasc_conv_shape convShape(int64_t C, int64_t H, int64_t W, int64_t O, int64_t KH, int64_t KW, int64_t stride,
                          int64_t pad, int64_t dilation, int64_t groups) {
  const int64_t OH = (H + 2 * pad - dilation * (KH - 1) - 1) / stride + 1,
                OW = (W + 2 * pad - dilation * (KW - 1) - 1) / stride + 1;
  return {C, H, W, O, OH, OW, KH, KW, stride, pad, dilation, groups};
}

/// f(yIndex, xIndex, wIndex) for every product term of a direct convolution.
template <class F> void forEachTap(const nasc_conv_shape &s, int64_t n, F &&f) {
  const int64_t Cg = s.C / s.groups, Og = s.O / s.groups;
  for (int64_t b = 0; b < n; ++b)
    for (int64_t o = 0; o < s.O; ++o)
      for (int64_t oh = 0; oh < s.OH; ++oh)
        for (int64_t ow = 0; ow < s.OW; ++ow)
          for (int64_t c = 0; c < Cg; ++c)
            for (int64_t kh = 0; kh < s.KH; ++kh)
              for (int64_t kw = 0; kw < s.KW; ++kw) {
                int64_t ih = oh * s.stride - s.pad + kh * s.dilation, iw = ow * s.stride - s.pad + kw * s.dilation;
                if (ih < 0 || ih >= s.H || iw < 0 || iw >= s.W)
                  continue;
                f(((b * s.O + o) * s.OH + oh) * s.OW + ow, ((b * s.C + (o / Og) * Cg + c) * s.H + ih) * s.W + iw,
                  ((o * Cg + c) * s.KH + kh) * s.KW + kw);
              }
}

DVec convRef(const nasc_conv_shape &s, int64_t n, const DVec &x, const DVec &w) {
  DVec y(n * s.O * s.OH * s.OW, 0.0);
  forEachTap(s, n, [&](int64_t yi, int64_t xi, int64_t wi) { y[yi] += x[xi] * w[wi]; });
  return y;
}

/// The convolution's buffers and scratch for n samples, with a guard after
/// the scratch that the kernels must leave alone.
struct ConvBuffers {
  ConvBuffers(const nasc_conv_shape &s, int64_t n, uint32_t seed)
      : x(random(n * s.C * s.H * s.W, seed)), w(random(s.O * s.C / s.groups * s.KH * s.KW, seed + 1)),
        b(random(s.O, seed + 2)), dy(random(n * s.O * s.OH * s.OW, seed + 3)),
        scratch(nasc_conv_scratch_floats(&s, n) + kGuard, 1234.f) {}
  static constexpr int64_t kGuard = 64;
  bool guardIntact() const {
    return std::all_of(scratch.end() - kGuard, scratch.end(), [](float v) { return v == 1234.f; });
  }
  Vec x, w, b, dy, scratch;
};

struct ConvCase {
  const char *name;
  nasc_conv_shape s;
  int64_t n;
};

const ConvCase kConvCases[] = {
    {"groups 2, stride 2, pad 1", convShape(4, 7, 9, 6, 3, 3, 2, 1, 1, 2), 3},
    {"dilation 2, 3x2 kernel", convShape(3, 8, 6, 5, 3, 2, 1, 1, 2, 1), 3},
    {"1x1", convShape(4, 5, 5, 4, 1, 1, 1, 0, 1, 1), 2},
    {"depthwise x2, stride 3", convShape(4, 6, 5, 8, 5, 3, 3, 2, 1, 4), 3},
    {"stride 2, dilation 2, pad 2", convShape(2, 9, 11, 3, 3, 3, 2, 2, 2, 1), 3},
};

TEST(KernelsConv, ForwardAgainstDirectConvolution) {
  withThreadCounts([] {
    for (const ConvCase &c : kConvCases)
      for (int64_t act : {NASC_ACT_NONE, NASC_ACT_RELU, NASC_ACT_GELU}) {
        SCOPED_TRACE(std::string(c.name) + ", act " + std::to_string(act));
        const nasc_conv_shape &s = c.s;
        ConvBuffers buf(s, c.n, 10);
        Vec y(c.n * s.O * s.OH * s.OW);
        const float *bias = act == NASC_ACT_NONE ? nullptr : buf.b.data();
        nasc_conv2d(buf.x.data(), buf.w.data(), bias, y.data(), buf.scratch.data(), &s, c.n, act);
        EXPECT_TRUE(close(y, biasActivationRef(convRef(s, c.n, widen(buf.x), widen(buf.w)), bias ? &buf.b : nullptr,
                                               s.O, s.OH * s.OW, act)));
        EXPECT_TRUE(buf.guardIntact());
      }
  });
}

TEST(KernelsConv, GradientsAgainstFiniteDifferences) {
  withThreadCounts([] {
    for (const ConvCase &c : kConvCases) {
      SCOPED_TRACE(c.name);
      const nasc_conv_shape &s = c.s;
      ConvBuffers buf(s, c.n, 20);
      Vec dx(buf.x.size(), kNaN), dw(buf.w.size(), kNaN), db(s.O);
      nasc_conv2d_grad_input(buf.dy.data(), buf.w.data(), dx.data(), buf.scratch.data(), &s, c.n);
      nasc_conv2d_grad_weight(buf.dy.data(), buf.x.data(), dw.data(), buf.scratch.data(), &s, c.n);
      nasc_bias_grad(buf.dy.data(), db.data(), c.n, s.O, s.OH * s.OW);
      const DVec dy = widen(buf.dy);
      EXPECT_TRUE(matchesNumeric(dx, buf.x, [&](const DVec &v) { return dot(dy, convRef(s, c.n, v, widen(buf.w))); }));
      EXPECT_TRUE(matchesNumeric(dw, buf.w, [&](const DVec &v) { return dot(dy, convRef(s, c.n, widen(buf.x), v)); }));
      EXPECT_TRUE(matchesNumeric(db, Vec(s.O, 0.f), [&](const DVec &v) { return biasLoss(dy, v, s.O, s.OH * s.OW); }));
      EXPECT_TRUE(buf.guardIntact());
    }
  });
}

TEST(KernelsConv, ManyChunks) {
  // Large enough per sample that the samples go through sgemm in several chunks.
  const nasc_conv_shape s = convShape(32, 36, 38, 8, 3, 3, 1, 1, 1, 1);
  const int64_t n = 3;
  ASSERT_LT(nasc_conv_scratch_floats(&s, n), n * nasc_conv_scratch_floats(&s, 1));
  ConvBuffers buf(s, n, 30);
  const DVec x = widen(buf.x), w = widen(buf.w), dy = widen(buf.dy);
  DVec wantY = convRef(s, n, x, w), wantDx(x.size(), 0.0), wantDw(w.size(), 0.0);
  forEachTap(s, n, [&](int64_t yi, int64_t xi, int64_t wi) {
    wantDx[xi] += dy[yi] * w[wi];
    wantDw[wi] += dy[yi] * x[xi];
  });
  withThreadCounts([&] {
    Vec y(wantY.size()), dx(x.size(), kNaN), dw(w.size(), kNaN);
    nasc_conv2d(buf.x.data(), buf.w.data(), nullptr, y.data(), buf.scratch.data(), &s, n, NASC_ACT_NONE);
    nasc_conv2d_grad_input(buf.dy.data(), buf.w.data(), dx.data(), buf.scratch.data(), &s, n);
    nasc_conv2d_grad_weight(buf.dy.data(), buf.x.data(), dw.data(), buf.scratch.data(), &s, n);
    EXPECT_TRUE(close(y, wantY));
    EXPECT_TRUE(close(dx, wantDx));
    EXPECT_TRUE(close(dw, wantDw));
    EXPECT_TRUE(buf.guardIntact());
  });
}

TEST(KernelsConv, ScratchStaysModest) {
  const nasc_conv_shape s = convShape(32, 28, 28, 32, 3, 3, 1, 1, 1, 1);
  EXPECT_LE(nasc_conv_scratch_floats(&s, 256), int64_t(8) << 20); // 32 MB
  EXPECT_LE(nasc_conv_scratch_floats(&s, 7), nasc_conv_scratch_floats(&s, 256));
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

struct PoolCase {
  int64_t n, C, H, W, K, stride, pad;
  int64_t OH() const { return (H + 2 * pad - K) / stride + 1; }
  int64_t OW() const { return (W + 2 * pad - K) / stride + 1; }
};

const PoolCase kPoolCases[] = {{3, 2, 7, 6, 3, 2, 1}, {2, 3, 8, 8, 2, 2, 0}, {3, 1, 5, 7, 3, 1, 1}};

DVec poolRef(const PoolCase &p, const DVec &x, int64_t kind) {
  DVec y(p.n * p.C * p.OH() * p.OW());
  for (int64_t plane = 0; plane < p.n * p.C; ++plane)
    for (int64_t oh = 0; oh < p.OH(); ++oh)
      for (int64_t ow = 0; ow < p.OW(); ++ow) {
        double max = -INFINITY, sum = 0;
        for (int64_t kh = 0; kh < p.K; ++kh)
          for (int64_t kw = 0; kw < p.K; ++kw) {
            int64_t ih = oh * p.stride - p.pad + kh, iw = ow * p.stride - p.pad + kw;
            double v = ih < 0 || ih >= p.H || iw < 0 || iw >= p.W ? (kind == 0 ? -INFINITY : 0.0)
                                                                  : x[(plane * p.H + ih) * p.W + iw];
            max = std::max(max, v);
            sum += v;
          }
        y[(plane * p.OH() + oh) * p.OW() + ow] = kind == 0 ? max : sum / double(p.K * p.K);
      }
  return y;
}

TEST(KernelsPool, MaxAndAverageWithGradients) {
  withThreadCounts([] {
    for (const PoolCase &p : kPoolCases)
      for (int64_t kind : {0, 1}) {
        SCOPED_TRACE("H " + std::to_string(p.H) + " K " + std::to_string(p.K) + " kind " + std::to_string(kind));
        Vec x = random(p.n * p.C * p.H * p.W, 40), dy = random(p.n * p.C * p.OH() * p.OW(), 41);
        Vec y(dy.size()), dx(x.size(), kNaN);
        nasc_pool2d(x.data(), y.data(), p.n, p.C, p.H, p.W, p.OH(), p.OW(), p.K, p.stride, p.pad, kind);
        nasc_pool2d_grad(dy.data(), x.data(), dx.data(), p.n, p.C, p.H, p.W, p.OH(), p.OW(), p.K, p.stride, p.pad,
                         kind);
        EXPECT_TRUE(close(y, poolRef(p, widen(x), kind)));
        EXPECT_TRUE(matchesNumeric(dx, x, [&](const DVec &v) { return dot(widen(dy), poolRef(p, v, kind)); }));
      }
  });
}

TEST(KernelsPool, MaxGradientGoesToTheFirstMaximum) {
  // 1x3x3, K = 2, stride 1: all equal, so each window's top-left wins.
  Vec x(9, 0.5f), dy = {1, 2, 3, 4}, dx(9), y(4);
  nasc_pool2d(x.data(), y.data(), 1, 1, 3, 3, 2, 2, 2, 1, 0, 0);
  nasc_pool2d_grad(dy.data(), x.data(), dx.data(), 1, 1, 3, 3, 2, 2, 2, 1, 0, 0);
  EXPECT_EQ(y, Vec(4, 0.5f));
  EXPECT_EQ(dx, (Vec{1, 2, 0, 3, 4, 0, 0, 0, 0}));
}

TEST(KernelsPool, GlobalAverage) {
  const int64_t n = 3, C = 5, HW = 13;
  Vec x = random(n * C * HW, 50), dy = random(n * C, 51), y(n * C), dx(x.size());
  auto ref = [&](const DVec &v) {
    DVec out(n * C, 0.0);
    for (size_t i = 0; i < v.size(); ++i)
      out[i / HW] += v[i] / HW;
    return out;
  };
  nasc_global_avgpool(x.data(), y.data(), n, C, HW);
  nasc_global_avgpool_grad(dy.data(), dx.data(), n, C, HW);
  EXPECT_TRUE(close(y, ref(widen(x))));
  EXPECT_TRUE(matchesNumeric(dx, x, [&](const DVec &v) { return dot(widen(dy), ref(v)); }));
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

TEST(KernelsElementwise, ActivationsAndGradients) {
  const int64_t count = 999;
  Vec x = random(count, 60, -4, 4), dy = random(count, 61);
  for (int64_t kind : kActivations) {
    SCOPED_TRACE("act " + std::to_string(kind));
    Vec y(count), dx(count);
    nasc_activation(x.data(), y.data(), count, kind);
    DVec want(count), wantDx(count);
    for (int64_t i = 0; i < count; ++i) {
      want[i] = activationRef(x[i], kind);
      const double h = 1e-6;
      wantDx[i] = dy[i] * (activationRef(x[i] + h, kind) - activationRef(x[i] - h, kind)) / (2 * h);
    }
    EXPECT_TRUE(close(y, want));
    nasc_activation_grad(dy.data(), x.data(), y.data(), dx.data(), count, kind);
    EXPECT_TRUE(close(dx, wantDx));
    // In place: y over x, dx over dy.
    Vec inPlace = x, gradInPlace = dy;
    nasc_activation(inPlace.data(), inPlace.data(), count, kind);
    nasc_activation_grad(gradInPlace.data(), x.data(), y.data(), gradInPlace.data(), count, kind);
    EXPECT_EQ(inPlace, y);
    EXPECT_EQ(gradInPlace, dx);
  }
}

TEST(KernelsElementwise, AddMulFillCopy) {
  const Vec a0 = random(17, 70), b = random(17, 71);
  Vec a = a0, y(17);
  nasc_add(a.data(), b.data(), y.data(), 17);
  nasc_mul(a.data(), b.data(), a.data(), 17); // in place
  for (size_t i = 0; i < 17; ++i) {
    EXPECT_EQ(y[i], a0[i] + b[i]);
    EXPECT_EQ(a[i], a0[i] * b[i]);
  }
  nasc_fill_zero(y.data(), 16);
  EXPECT_EQ(Vec(y.begin(), y.end() - 1), Vec(16, 0.f));
  EXPECT_NE(y[16], 0.f);

  // Rows of 2 from a [3, 5] tensor at column 1 into a [3, 4] one at column 2.
  Vec src(15), dst(12, -1.f);
  for (int i = 0; i < 15; ++i)
    src[i] = float(i);
  nasc_copy_rows(src.data() + 1, dst.data() + 2, 3, 2, 5, 4);
  EXPECT_EQ(dst, (Vec{-1, -1, 1, 2, -1, -1, 6, 7, -1, -1, 11, 12}));
}

TEST(KernelsElementwise, Dropout) {
  const int64_t count = 100000;
  const float rate = 0.25f;
  Vec x = random(count, 80), y(count), mask(count), y2(count), mask2(count);
  nasc_dropout(x.data(), y.data(), mask.data(), count, rate, 7);
  int64_t dropped = 0;
  for (int64_t i = 0; i < count; ++i) {
    ASSERT_TRUE(mask[i] == 0.f || mask[i] == 1 / (1 - rate)) << mask[i];
    EXPECT_EQ(y[i], x[i] * mask[i]);
    dropped += mask[i] == 0.f;
  }
  EXPECT_NEAR(double(dropped) / count, rate, 0.01);
  nasc_dropout(x.data(), y2.data(), mask2.data(), count, rate, 7);
  EXPECT_EQ(mask, mask2);
  nasc_dropout(x.data(), y2.data(), mask2.data(), count, rate, 8);
  EXPECT_NE(mask, mask2);
  nasc_dropout(x.data(), y2.data(), mask2.data(), count, 0.f, 8);
  EXPECT_EQ(mask2, Vec(count, 1.f));
  EXPECT_EQ(y2, x);
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// Normalizes groups of x: element i belongs to group groupOf(i) and has
/// affine parameter index paramOf(i); biased variance.
DVec normalizeRef(const DVec &x, const DVec &gamma, const DVec &beta, int64_t groups,
                  const std::function<int64_t(int64_t)> &groupOf, const std::function<int64_t(int64_t)> &paramOf,
                  double eps, DVec *mean = nullptr, DVec *var = nullptr) {
  DVec sum(groups, 0.0), squares(groups, 0.0), count(groups, 0.0), y(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    sum[groupOf(i)] += x[i];
    count[groupOf(i)] += 1;
  }
  for (int64_t g = 0; g < groups; ++g)
    sum[g] /= count[g];
  for (size_t i = 0; i < x.size(); ++i)
    squares[groupOf(i)] += (x[i] - sum[groupOf(i)]) * (x[i] - sum[groupOf(i)]);
  for (int64_t g = 0; g < groups; ++g)
    squares[g] /= count[g];
  for (size_t i = 0; i < x.size(); ++i) {
    int64_t g = groupOf(i), p = paramOf(i);
    y[i] = (x[i] - sum[g]) / std::sqrt(squares[g] + eps) * gamma[p] + beta[p];
  }
  if (mean)
    *mean = sum;
  if (var)
    *var = squares;
  return y;
}

TEST(KernelsNorm, BatchNormTrainInferAndGradient) {
  const float eps = 1e-5f, momentum = 0.1f;
  for (int64_t inner : {1, 5, 19}) {
    SCOPED_TRACE("inner " + std::to_string(inner));
    const int64_t n = 3, C = 4, count = n * inner;
    Vec x = random(n * C * inner, 90, -2, 3), gamma = random(C, 91, 0.5f, 1.5f), beta = random(C, 92),
        dy = random(x.size(), 93);
    Vec y(x.size()), mean(C), invstd(C), runMean = random(C, 94), runVar = random(C, 95, 0.5f, 2);
    const Vec runMean0 = runMean, runVar0 = runVar;
    auto channel = [&](int64_t i) { return (i / inner) % C; };
    auto ref = [&](const DVec &v, const DVec &g, const DVec &b, DVec *m = nullptr, DVec *var = nullptr) {
      return normalizeRef(v, g, b, C, channel, channel, eps, m, var);
    };
    nasc_batchnorm_train(x.data(), gamma.data(), beta.data(), y.data(), mean.data(), invstd.data(), runMean.data(),
                         runVar.data(), n, C, inner, eps, momentum);
    DVec wantMean, wantVar;
    EXPECT_TRUE(close(y, ref(widen(x), widen(gamma), widen(beta), &wantMean, &wantVar)));
    DVec wantInvstd(C), wantRunMean(C), wantRunVar(C);
    for (int64_t c = 0; c < C; ++c) {
      wantInvstd[c] = 1 / std::sqrt(wantVar[c] + eps);
      wantRunMean[c] = (1 - momentum) * runMean0[c] + momentum * wantMean[c];
      wantRunVar[c] = (1 - momentum) * runVar0[c] + momentum * wantVar[c] * count / (count - 1);
    }
    EXPECT_TRUE(close(mean, wantMean));
    EXPECT_TRUE(close(invstd, wantInvstd));
    EXPECT_TRUE(close(runMean, wantRunMean));
    EXPECT_TRUE(close(runVar, wantRunVar));

    Vec inferred(x.size());
    nasc_batchnorm_infer(x.data(), gamma.data(), beta.data(), runMean.data(), runVar.data(), inferred.data(), n, C,
                         inner, eps);
    DVec wantInferred(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      int64_t c = channel(i);
      wantInferred[i] = (x[i] - runMean[c]) / std::sqrt(double(runVar[c]) + eps) * gamma[c] + beta[c];
    }
    EXPECT_TRUE(close(inferred, wantInferred));

    Vec dx(x.size()), dgamma(C, kNaN), dbeta(C, kNaN);
    nasc_batchnorm_grad(dy.data(), x.data(), gamma.data(), mean.data(), invstd.data(), dx.data(), dgamma.data(),
                        dbeta.data(), n, C, inner);
    const DVec d = widen(dy);
    EXPECT_TRUE(matchesNumeric(dx, x, [&](const DVec &v) { return dot(d, ref(v, widen(gamma), widen(beta))); }));
    EXPECT_TRUE(matchesNumeric(dgamma, gamma, [&](const DVec &v) { return dot(d, ref(widen(x), v, widen(beta))); }));
    EXPECT_TRUE(matchesNumeric(dbeta, beta, [&](const DVec &v) { return dot(d, ref(widen(x), widen(gamma), v)); }));
  }
}

TEST(KernelsNorm, LayerNormAndGradient) {
  const float eps = 1e-5f;
  for (int64_t D : {7, 45}) {
    SCOPED_TRACE("D " + std::to_string(D));
    const int64_t n = 3;
    Vec x = random(n * D, 100, -2, 3), gamma = random(D, 101, 0.5f, 1.5f), beta = random(D, 102),
        dy = random(x.size(), 103);
    Vec y(x.size()), mean(n), invstd(n);
    auto row = [&](int64_t i) { return i / D; };
    auto feature = [&](int64_t i) { return i % D; };
    auto ref = [&](const DVec &v, const DVec &g, const DVec &b, DVec *m = nullptr, DVec *var = nullptr) {
      return normalizeRef(v, g, b, n, row, feature, eps, m, var);
    };
    nasc_layernorm(x.data(), gamma.data(), beta.data(), y.data(), mean.data(), invstd.data(), n, D, eps);
    DVec wantMean, wantVar;
    EXPECT_TRUE(close(y, ref(widen(x), widen(gamma), widen(beta), &wantMean, &wantVar)));
    EXPECT_TRUE(close(mean, wantMean));
    for (int64_t r = 0; r < n; ++r)
      EXPECT_NEAR(invstd[r], 1 / std::sqrt(wantVar[r] + eps), 1e-4 * invstd[r]);

    Vec dx(x.size()), dgamma(D, kNaN), dbeta(D, kNaN);
    nasc_layernorm_grad(dy.data(), x.data(), gamma.data(), mean.data(), invstd.data(), dx.data(), dgamma.data(),
                        dbeta.data(), n, D);
    const DVec d = widen(dy);
    EXPECT_TRUE(matchesNumeric(dx, x, [&](const DVec &v) { return dot(d, ref(v, widen(gamma), widen(beta))); }));
    EXPECT_TRUE(matchesNumeric(dgamma, gamma, [&](const DVec &v) { return dot(d, ref(widen(x), v, widen(beta))); }));
    EXPECT_TRUE(matchesNumeric(dbeta, beta, [&](const DVec &v) { return dot(d, ref(widen(x), widen(gamma), v)); }));
  }
}

//===----------------------------------------------------------------------===//
// Loss
//===----------------------------------------------------------------------===//

double crossEntropyRef(const DVec &logits, const std::vector<int32_t> &labels, int64_t K) {
  const int64_t n = static_cast<int64_t>(labels.size());
  double total = 0;
  for (int64_t i = 0; i < n; ++i) {
    double max = *std::max_element(logits.begin() + i * K, logits.begin() + (i + 1) * K), sum = 0;
    for (int64_t k = 0; k < K; ++k)
      sum += std::exp(logits[i * K + k] - max);
    total += max + std::log(sum) - logits[i * K + labels[i]];
  }
  return total / n;
}

TEST(KernelsLoss, SoftmaxCrossEntropy) {
  const int64_t n = 4, K = 7;
  const std::vector<int32_t> labels = {3, 0, 6, 3};
  for (float offset : {0.f, 500.f}) {
    SCOPED_TRACE("offset " + std::to_string(offset));
    Vec logits = random(n * K, 110, -3, 3);
    for (float &l : logits)
      l += offset; // large logits must not overflow
    Vec dlogits(n * K);
    float loss = kNaN, lossOnly = kNaN;
    nasc_softmax_cross_entropy(logits.data(), labels.data(), &loss, dlogits.data(), n, K);
    nasc_softmax_cross_entropy(logits.data(), labels.data(), &lossOnly, nullptr, n, K);
    const double want = crossEntropyRef(widen(logits), labels, K);
    EXPECT_NEAR(loss, want, 1e-5 * std::max(1.0, want));
    EXPECT_EQ(loss, lossOnly);
    EXPECT_TRUE(matchesNumeric(dlogits, logits, [&](const DVec &v) { return crossEntropyRef(v, labels, K); }));
  }
}

TEST(KernelsLoss, LabelOutOfRangeIsNaN) {
  const int64_t n = 2, K = 3;
  Vec logits = random(n * K, 120), dlogits(n * K);
  for (int32_t bad : {-1, 3}) {
    std::vector<int32_t> labels = {1, bad};
    float loss = 0;
    nasc_softmax_cross_entropy(logits.data(), labels.data(), &loss, dlogits.data(), n, K);
    EXPECT_TRUE(std::isnan(loss)) << bad;
    EXPECT_TRUE(std::isfinite(dlogits[0])); // the valid row is still a gradient
    EXPECT_TRUE(std::isnan(dlogits[K]));
  }
}

//===----------------------------------------------------------------------===//
// Optimizers
//===----------------------------------------------------------------------===//

TEST(KernelsOptimizer, SgdHandComputed) {
  // p = 1, g = 0.5 twice, lr 0.1, momentum 0.9: m = 0.5, p = 0.95; then
  // m = 0.9*0.5 + 0.5 = 0.95, p = 0.95 - 0.095 = 0.855.
  Vec p = {1}, g = {0.5f}, m = {kNaN};
  nasc_sgd(p.data(), g.data(), m.data(), 1, 0.1f, 0.9f, 0, 0, 1);
  EXPECT_FLOAT_EQ(m[0], 0.5f);
  EXPECT_FLOAT_EQ(p[0], 0.95f);
  nasc_sgd(p.data(), g.data(), m.data(), 1, 0.1f, 0.9f, 0, 0, 0);
  EXPECT_FLOAT_EQ(m[0], 0.95f);
  EXPECT_FLOAT_EQ(p[0], 0.855f);
  // Nesterov with weight decay 0.1: d = 0.5 + 0.1 = 0.6, m = 0.6,
  // p = 1 - 0.1*(0.6 + 0.9*0.6) = 0.886.
  p = {1}, m = {kNaN};
  nasc_sgd(p.data(), g.data(), m.data(), 1, 0.1f, 0.9f, 0.1f, 1, 1);
  EXPECT_FLOAT_EQ(p[0], 0.886f);
}

TEST(KernelsOptimizer, SgdTwoStepsLikePyTorch) {
  struct Config {
    float momentum, weightDecay;
    int64_t nesterov;
  };
  const float lr = 0.05f;
  for (Config c : {Config{0.9f, 0, 0}, Config{0.9f, 1e-2f, 1}, Config{0.8f, 1e-2f, 0}, Config{0, 1e-2f, 0}}) {
    SCOPED_TRACE("momentum " + std::to_string(c.momentum) + " nesterov " + std::to_string(c.nesterov));
    const int64_t count = 11;
    Vec p = random(count, 130), m(count, kNaN);
    DVec wantP = widen(p), wantM(count);
    for (int step = 1; step <= 2; ++step) {
      Vec g = random(count, 130 + step);
      nasc_sgd(p.data(), g.data(), m.data(), count, lr, c.momentum, c.weightDecay, c.nesterov, step == 1);
      for (int64_t i = 0; i < count; ++i) { // torch.optim.SGD, dampening 0
        double d = g[i] + c.weightDecay * wantP[i];
        if (c.momentum != 0) {
          wantM[i] = step == 1 ? d : c.momentum * wantM[i] + d;
          d = c.nesterov ? d + c.momentum * wantM[i] : wantM[i];
        }
        wantP[i] -= lr * d;
      }
    }
    EXPECT_TRUE(close(p, wantP, 1e-6));
  }
}

TEST(KernelsOptimizer, AdamHandComputed) {
  // A constant gradient: the bias-corrected moments are g and g*g, so each
  // step moves p by lr * g / (|g| + eps), about lr.
  Vec p = {1}, g = {0.5f}, m = {0}, v = {0};
  nasc_adam(p.data(), g.data(), m.data(), v.data(), 1, 0.1f, 0.9f, 0.999f, 1e-8f, 0, 0, 1);
  EXPECT_FLOAT_EQ(m[0], 0.05f);
  EXPECT_NEAR(v[0], 0.00025f, 1e-8); // 1 - 0.999f is not quite 0.001
  EXPECT_FLOAT_EQ(p[0], 0.9f);
  nasc_adam(p.data(), g.data(), m.data(), v.data(), 1, 0.1f, 0.9f, 0.999f, 1e-8f, 0, 0, 2);
  EXPECT_FLOAT_EQ(m[0], 0.095f);
  EXPECT_FLOAT_EQ(p[0], 0.8f);
  // AdamW decays p first: 1 * (1 - 0.1*0.5) - 0.1 = 0.85.
  p = {1}, m = {0}, v = {0};
  nasc_adam(p.data(), g.data(), m.data(), v.data(), 1, 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f, 1, 1);
  EXPECT_FLOAT_EQ(p[0], 0.85f);
}

TEST(KernelsOptimizer, AdamAndAdamWTwoStepsLikePyTorch) {
  const float lr = 1e-2f, beta1 = 0.9f, beta2 = 0.99f, eps = 1e-8f, weightDecay = 0.1f;
  for (int64_t adamw : {0, 1}) {
    SCOPED_TRACE(adamw ? "AdamW" : "Adam");
    const int64_t count = 13;
    Vec p = random(count, 140), m(count, 0.f), v(count, 0.f);
    DVec wantP = widen(p), wantM(count, 0.0), wantV(count, 0.0);
    for (int64_t step = 1; step <= 2; ++step) {
      Vec g = random(count, 140 + step);
      nasc_adam(p.data(), g.data(), m.data(), v.data(), count, lr, beta1, beta2, eps, weightDecay, adamw, step);
      for (int64_t i = 0; i < count; ++i) { // torch.optim.Adam / AdamW
        double d = g[i];
        if (adamw)
          wantP[i] *= 1 - lr * weightDecay;
        else
          d += weightDecay * wantP[i];
        wantM[i] = beta1 * wantM[i] + (1 - beta1) * d;
        wantV[i] = beta2 * wantV[i] + (1 - beta2) * d * d;
        double mHat = wantM[i] / (1 - std::pow(beta1, step)), vHat = wantV[i] / (1 - std::pow(beta2, step));
        wantP[i] -= lr * mHat / (std::sqrt(vHat) + eps);
      }
    }
    EXPECT_TRUE(close(p, wantP, 1e-6));
    EXPECT_TRUE(close(m, wantM, 1e-6));
    EXPECT_TRUE(close(v, wantV, 1e-6));
  }
}

//===----------------------------------------------------------------------===//
// Fewer samples than the buffers were sized for
//===----------------------------------------------------------------------===//

/// Buffers sized for `batch` samples of `per` floats: the first n samples
/// random, the rest NaN (so that reading them shows).
Vec batchOf(int64_t batch, int64_t n, int64_t per, uint32_t seed) {
  Vec v = random(batch * per, seed);
  std::fill(v.begin() + n * per, v.end(), kNaN);
  return v;
}

/// The first n samples match the same call on exact-size buffers, and the
/// rest still hold the sentinel the buffer was filled with.
::testing::AssertionResult firstSamples(const Vec &padded, const Vec &exact, int64_t n, int64_t per) {
  for (int64_t i = 0; i < static_cast<int64_t>(padded.size()); ++i) {
    bool ok =
        i < n * per ? std::abs(padded[i] - exact[i]) <= 1e-6f * std::max(1.f, std::abs(exact[i])) : padded[i] == 7.f;
    if (!ok)
      return ::testing::AssertionFailure() << "at " << i << ": " << padded[i];
  }
  return ::testing::AssertionSuccess();
}

TEST(KernelsBatch, OnlyTheFirstNSamplesAreTouched) {
  const int64_t batch = 5, n = 3;
  // Dense.
  const int64_t K = 6, M = 4;
  Vec x = batchOf(batch, n, K, 150), w = random(M * K, 151), b = random(M, 152), dy = batchOf(batch, n, M, 153);
  Vec xs(x.begin(), x.begin() + n * K), dys(dy.begin(), dy.begin() + n * M);
  Vec y(batch * M, 7.f), ys(n * M), dx(batch * K, 7.f), dxs(n * K), dw(M * K), dws(M * K);
  nasc_linear(x.data(), w.data(), b.data(), y.data(), n, K, M, NASC_ACT_TANH);
  nasc_linear(xs.data(), w.data(), b.data(), ys.data(), n, K, M, NASC_ACT_TANH);
  nasc_linear_grad_input(dy.data(), w.data(), dx.data(), n, K, M);
  nasc_linear_grad_input(dys.data(), w.data(), dxs.data(), n, K, M);
  nasc_linear_grad_weight(dy.data(), x.data(), dw.data(), n, K, M);
  nasc_linear_grad_weight(dys.data(), xs.data(), dws.data(), n, K, M);
  EXPECT_TRUE(firstSamples(y, ys, n, M));
  EXPECT_TRUE(firstSamples(dx, dxs, n, K));
  EXPECT_TRUE(close(dw, widen(dws), 1e-6));

  // Convolution, with scratch sized for the whole batch.
  const nasc_conv_shape s = convShape(4, 7, 9, 6, 3, 3, 2, 1, 1, 2);
  const int64_t inPer = s.C * s.H * s.W, outPer = s.O * s.OH * s.OW;
  Vec cx = batchOf(batch, n, inPer, 160), cw = random(s.O * s.C / s.groups * 9, 161), cb = random(s.O, 164),
      cdy = batchOf(batch, n, outPer, 162);
  Vec cxs(cx.begin(), cx.begin() + n * inPer), cdys(cdy.begin(), cdy.begin() + n * outPer);
  Vec scratch(nasc_conv_scratch_floats(&s, batch)), cy(batch * outPer, 7.f), cys(n * outPer), cdx(batch * inPer, 7.f),
      cdxs(n * inPer), cdw(cw.size()), cdws(cw.size());
  nasc_conv2d(cx.data(), cw.data(), cb.data(), cy.data(), scratch.data(), &s, n, NASC_ACT_RELU);
  nasc_conv2d(cxs.data(), cw.data(), cb.data(), cys.data(), scratch.data(), &s, n, NASC_ACT_RELU);
  nasc_conv2d_grad_input(cdy.data(), cw.data(), cdx.data(), scratch.data(), &s, n);
  nasc_conv2d_grad_input(cdys.data(), cw.data(), cdxs.data(), scratch.data(), &s, n);
  nasc_conv2d_grad_weight(cdy.data(), cx.data(), cdw.data(), scratch.data(), &s, n);
  nasc_conv2d_grad_weight(cdys.data(), cxs.data(), cdws.data(), scratch.data(), &s, n);
  EXPECT_TRUE(firstSamples(cy, cys, n, outPer));
  EXPECT_TRUE(firstSamples(cdx, cdxs, n, inPer));
  EXPECT_TRUE(close(cdw, widen(cdws), 1e-6));

  // Pooling, batch norm and the loss.
  Vec py(batch * s.C * 3 * 4, 7.f), pys(n * s.C * 3 * 4), pdx(batch * inPer, 7.f), pdxs(n * inPer);
  Vec pdy = batchOf(batch, n, s.C * 3 * 4, 163), pdys(pdy.begin(), pdy.begin() + n * s.C * 3 * 4);
  nasc_pool2d(cx.data(), py.data(), n, s.C, s.H, s.W, 3, 4, 2, 2, 0, 0);
  nasc_pool2d(cxs.data(), pys.data(), n, s.C, s.H, s.W, 3, 4, 2, 2, 0, 0);
  nasc_pool2d_grad(pdy.data(), cx.data(), pdx.data(), n, s.C, s.H, s.W, 3, 4, 2, 2, 0, 0);
  nasc_pool2d_grad(pdys.data(), cxs.data(), pdxs.data(), n, s.C, s.H, s.W, 3, 4, 2, 2, 0, 0);
  EXPECT_TRUE(firstSamples(py, pys, n, s.C * 3 * 4));
  EXPECT_TRUE(firstSamples(pdx, pdxs, n, inPer));

  Vec gamma(s.C, 1.f), beta(s.C, 0.f), mean(s.C), invstd(s.C), runMean(s.C, 0.f), runVar(s.C, 1.f);
  Vec by(batch * inPer, 7.f);
  nasc_batchnorm_train(cx.data(), gamma.data(), beta.data(), by.data(), mean.data(), invstd.data(), runMean.data(),
                       runVar.data(), n, s.C, s.H * s.W, 1e-5f, 0.1f);
  for (float v : mean)
    EXPECT_TRUE(std::isfinite(v));
  EXPECT_TRUE(std::all_of(by.begin() + n * inPer, by.end(), [](float v) { return v == 7.f; }));

  const std::vector<int32_t> labels = {1, 0, 3, -5, 99};
  Vec dlogits(batch * M, 7.f);
  float loss = 0;
  nasc_softmax_cross_entropy(y.data(), labels.data(), &loss, dlogits.data(), n, M);
  EXPECT_TRUE(std::isfinite(loss));
  EXPECT_TRUE(std::all_of(dlogits.begin() + n * M, dlogits.end(), [](float v) { return v == 7.f; }));
}

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

TEST(KernelsThreads, SplitsMatchOneThread) {
  // Large enough that every kernel splits its work over three threads.
  const int64_t count = 300001, n = 4, C = 8, H = 63, HW = H * H, OH = 32, D = 4096;
  const nasc_conv_shape s = convShape(C, H, H, 16, 3, 3, 2, 1, 1, 2);
  const Vec x = random(count, 60, -3, 3), dy = random(count, 61), planes = random(n * C * HW, 62),
            pooledDy = random(n * C * OH * OH, 63), w = random(16 * 4 * 9, 64), convDy = random(n * 16 * OH * OH, 65),
            gamma = random(D, 66), beta = random(D, 67);
  std::vector<std::vector<Vec>> runs;
  withThreadCounts([&] {
    std::vector<Vec> out;
    auto add = [&](int64_t size) -> float * { return out.emplace_back(size, kNaN).data(); };
    nasc_activation(x.data(), add(count), count, NASC_ACT_GELU);
    nasc_activation_grad(dy.data(), x.data(), nullptr, add(count), count, NASC_ACT_SILU);
    nasc_add(x.data(), dy.data(), add(count), count);
    nasc_mul(x.data(), dy.data(), add(count), count);
    float *mask = add(count);
    nasc_dropout(x.data(), add(count), mask, count, 0.3f, 99);
    float *p = add(count), *m = add(count), *v = add(count);
    std::copy(x.begin(), x.end(), p);
    std::fill_n(m, count, 0.f);
    std::fill_n(v, count, 0.f);
    nasc_sgd(p, dy.data(), m, count, 0.1f, 0.9f, 0.01f, 1, 1);
    nasc_adam(p, dy.data(), m, v, count, 0.1f, 0.9f, 0.999f, 1e-8f, 0.01f, 1, 1);
    nasc_copy_rows(x.data(), add(count / 9 * 3), count / 9, 3, 9, 3);
    for (int64_t kind : {0, 1}) {
      nasc_pool2d(planes.data(), add(n * C * OH * OH), n, C, H, H, OH, OH, 3, 2, 1, kind);
      nasc_pool2d_grad(pooledDy.data(), planes.data(), add(planes.size()), n, C, H, H, OH, OH, 3, 2, 1, kind);
    }
    nasc_global_avgpool(planes.data(), add(n * C), n, C, HW);
    nasc_global_avgpool_grad(pooledDy.data(), add(planes.size()), n, C, HW);
    nasc_bias_grad(planes.data(), add(C), n, C, HW);
    float *mean = add(C), *invstd = add(C), *runMean = add(C), *runVar = add(C);
    std::fill_n(runMean, C, 0.f);
    std::fill_n(runVar, C, 1.f);
    nasc_batchnorm_train(planes.data(), gamma.data(), beta.data(), add(planes.size()), mean, invstd, runMean, runVar, n,
                         C, HW, 1e-5f, 0.1f);
    nasc_batchnorm_grad(planes.data(), planes.data(), gamma.data(), mean, invstd, add(planes.size()), add(C), add(C), n,
                        C, HW);
    const int64_t rows = count / D;
    float *lnMean = add(rows), *lnInvstd = add(rows);
    nasc_layernorm(x.data(), gamma.data(), beta.data(), add(rows * D), lnMean, lnInvstd, rows, D, 1e-5f);
    nasc_layernorm_grad(dy.data(), x.data(), gamma.data(), lnMean, lnInvstd, add(rows * D), add(D), add(D), rows, D);
    Vec scratch(nasc_conv_scratch_floats(&s, n));
    nasc_conv2d(planes.data(), w.data(), beta.data(), add(convDy.size()), scratch.data(), &s, n, NASC_ACT_SILU);
    nasc_conv2d_grad_input(convDy.data(), w.data(), add(planes.size()), scratch.data(), &s, n);
    nasc_conv2d_grad_weight(convDy.data(), planes.data(), add(w.size()), scratch.data(), &s, n);
    runs.push_back(std::move(out));
  });
  ASSERT_EQ(runs.size(), 2u);
  // Matrix products split into column blocks run sgemm on smaller shapes,
  // whose blocking sums in another order: equal to rounding, not bit for bit.
  for (size_t i = 0; i < runs[0].size(); ++i)
    EXPECT_TRUE(close(runs[1][i], widen(runs[0][i]), 1e-4)) << "output " << i;
}

} // namespace
