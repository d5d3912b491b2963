//===- Kernels.h - The CPU kernels that compiled training steps call -------===//
//
// A candidate's training step is lowered (nn-lower-cpu, in
// passes/lib/LowerToCPU.cpp) and JIT-compiled (compiler/lib/CompileCPU.cpp)
// to a straight sequence of calls to these functions: the work that must be
// fast (matrix products, convolutions) goes to OpenBLAS; the rest are tight
// loops. They have C linkage so that generated code can call them by name.
//
// Conventions: every tensor is f32, row-major and contiguous; feature maps
// are NCHW; a dense weight is [M, K] (PyTorch's [out, in]); a convolution
// weight is [O, C/groups, KH, KW]. `n` is the number of samples in this call
// (it may be smaller than the batch the buffers were sized for). `count` is
// a number of floats. Output buffers never alias inputs unless said.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_KERNELS_H
#define NAS_RUNTIME_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Activation kinds, as `kind` arguments.
enum nasc_activation_kind {
  NASC_ACT_NONE = 0,
  NASC_ACT_RELU = 1,
  NASC_ACT_GELU = 2, // exact (erf) form, as PyTorch's default
  NASC_ACT_TANH = 3,
  NASC_ACT_SIGMOID = 4,
  NASC_ACT_SILU = 5,
};

/// Threads used by the kernels and by OpenBLAS (0: all cores).
void nasc_set_threads(int64_t threads);

// --- Dense ------------------------------------------------------------------
/// y[n, M] = act(x[n, K] * w[M, K]^T + b[M]); b may be null; act is a
/// nasc_activation_kind applied after the bias (a fused epilogue).
void nasc_linear(const float *x, const float *w, const float *b, float *y, int64_t n, int64_t K, int64_t M,
                 int64_t act);
/// dx[n, K] = dy[n, M] * w[M, K].
void nasc_linear_grad_input(const float *dy, const float *w, float *dx, int64_t n, int64_t K, int64_t M);
/// dw[M, K] = dy[n, M]^T * x[n, K] (overwrites dw).
void nasc_linear_grad_weight(const float *dy, const float *x, float *dw, int64_t n, int64_t K, int64_t M);
/// db[C] = sum of dy over every axis but axis 1: dy is [n, C, inner]
/// (inner = 1 for a dense layer, H*W for a convolution).
void nasc_bias_grad(const float *dy, float *db, int64_t n, int64_t C, int64_t inner);

// --- Convolution ------------------------------------------------------------
/// The shape of one 2-D convolution. OH = (H + 2*pad - dil*(KH-1) - 1)/stride + 1.
typedef struct nasc_conv_shape {
  int64_t C, H, W;   // input channels and size
  int64_t O, OH, OW; // output channels and size
  int64_t KH, KW;    // kernel size
  int64_t stride, pad, dilation, groups;
} nasc_conv_shape;
/// Floats of scratch that the conv kernels below need for `n` samples (it
/// serves any smaller n too).
int64_t nasc_conv_scratch_floats(const nasc_conv_shape *s, int64_t n);
/// y[n, O, OH, OW] = act(conv(x[n, C, H, W], w) + b[O]); b may be null.
void nasc_conv2d(const float *x, const float *w, const float *b, float *y, float *scratch, const nasc_conv_shape *s,
                 int64_t n, int64_t act);
/// dx[n, C, H, W] from dy[n, O, OH, OW] and w (overwrites dx).
void nasc_conv2d_grad_input(const float *dy, const float *w, float *dx, float *scratch, const nasc_conv_shape *s,
                            int64_t n);
/// dw[O, C/groups, KH, KW] from dy and x (overwrites dw).
void nasc_conv2d_grad_weight(const float *dy, const float *x, float *dw, float *scratch, const nasc_conv_shape *s,
                             int64_t n);

// --- Pooling ----------------------------------------------------------------
/// Max (kind 0) or average (kind 1, padding counted as zeros, divisor K*K)
/// over K x K windows: x[n, C, H, W] -> y[n, C, OH, OW]. Padding for max
/// pooling is -infinity.
void nasc_pool2d(const float *x, float *y, int64_t n, int64_t C, int64_t H, int64_t W, int64_t OH, int64_t OW,
                 int64_t K, int64_t stride, int64_t pad, int64_t kind);
/// dx (overwritten) from dy; for max pooling the gradient goes to the first
/// maximum of each window (x is read again to find it).
void nasc_pool2d_grad(const float *dy, const float *x, float *dx, int64_t n, int64_t C, int64_t H, int64_t W,
                      int64_t OH, int64_t OW, int64_t K, int64_t stride, int64_t pad, int64_t kind);
/// y[n, C] = mean of x[n, C, HW]; the gradient spreads dy / HW.
void nasc_global_avgpool(const float *x, float *y, int64_t n, int64_t C, int64_t HW);
void nasc_global_avgpool_grad(const float *dy, float *dx, int64_t n, int64_t C, int64_t HW);

// --- Elementwise ------------------------------------------------------------
/// y = act(x) over count floats (y may alias x).
void nasc_activation(const float *x, float *y, int64_t count, int64_t kind);
/// dx = dy * act'(x); relu, sigmoid and tanh use y = act(x), the others x.
/// dx may alias dy.
void nasc_activation_grad(const float *dy, const float *x, const float *y, float *dx, int64_t count, int64_t kind);
/// y = a + b (y may alias a or b).
void nasc_add(const float *a, const float *b, float *y, int64_t count);
/// y = a * b (y may alias a or b).
void nasc_mul(const float *a, const float *b, float *y, int64_t count);
/// y = 0.
void nasc_fill_zero(float *y, int64_t count);
/// Copies rows: for each of `outer` rows, `inner` floats from
/// src + r*src_stride to dst + r*dst_stride (concat and its gradient).
void nasc_copy_rows(const float *src, float *dst, int64_t outer, int64_t inner, int64_t src_stride, int64_t dst_stride);

// --- Normalization and dropout ----------------------------------------------
/// Batch norm in training: x[n, C, inner]; statistics over n and inner
/// (biased variance for normalizing); mean[C] and invstd[C] = 1/sqrt(var+eps)
/// are saved for the gradient; running_mean/var (unbiased variance) are
/// updated in place with `momentum` as PyTorch does.
void nasc_batchnorm_train(const float *x, const float *gamma, const float *beta, float *y, float *mean, float *invstd,
                          float *running_mean, float *running_var, int64_t n, int64_t C, int64_t inner, float eps,
                          float momentum);
/// Batch norm for inference, from the running statistics.
void nasc_batchnorm_infer(const float *x, const float *gamma, const float *beta, const float *running_mean,
                          const float *running_var, float *y, int64_t n, int64_t C, int64_t inner, float eps);
/// dx, dgamma, dbeta (all overwritten) for nasc_batchnorm_train.
void nasc_batchnorm_grad(const float *dy, const float *x, const float *gamma, const float *mean, const float *invstd,
                         float *dx, float *dgamma, float *dbeta, int64_t n, int64_t C, int64_t inner);
/// Layer norm over the D features of each of n rows, with gamma[D], beta[D];
/// mean[n] and invstd[n] saved.
void nasc_layernorm(const float *x, const float *gamma, const float *beta, float *y, float *mean, float *invstd,
                    int64_t n, int64_t D, float eps);
void nasc_layernorm_grad(const float *dy, const float *x, const float *gamma, const float *mean, const float *invstd,
                         float *dx, float *dgamma, float *dbeta, int64_t n, int64_t D);
/// Inverted dropout: mask = (u >= rate) / (1 - rate) with u uniform from
/// (seed, element index) by a counter-based hash; y = x * mask.
void nasc_dropout(const float *x, float *y, float *mask, int64_t count, float rate, uint64_t seed);

// --- Loss -------------------------------------------------------------------
/// Mean softmax cross-entropy of logits[n, K] against labels[n] (int32);
/// writes the loss to *loss and, when dlogits is not null, its gradient
/// (softmax - onehot) / n. Labels outside [0, K) make the loss NaN, and
/// their rows of dlogits.
void nasc_softmax_cross_entropy(const float *logits, const int32_t *labels, float *loss, float *dlogits, int64_t n,
                                int64_t K);

// --- Optimizers (in place) --------------------------------------------------
/// PyTorch's SGD: g += wd*p; m = momentum*m + g (m = g on step 1 when
/// `first`); p -= lr * (nesterov ? g + momentum*m : m). With momentum 0, m
/// is not used (it may be null).
void nasc_sgd(float *p, const float *g, float *m, int64_t count, float lr, float momentum, float weight_decay,
              int64_t nesterov, int64_t first);
/// PyTorch's Adam (weight_decay added to g; adamw = 1 decouples it as AdamW);
/// `step` counts from 1.
void nasc_adam(float *p, const float *g, float *m, float *v, int64_t count, float lr, float beta1, float beta2,
               float eps, float weight_decay, int64_t adamw, int64_t step);

#ifdef __cplusplus
}
#endif

#endif // NAS_RUNTIME_KERNELS_H
