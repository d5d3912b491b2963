//===- CudaKernels.h - The kernels nn-lower-cuda launches -------*- C++ -*-===//
//
// The bodies of nn-lower-cuda's kernels, one function per kernel family:
// each makes its kernel in `gpu.module @kernels` on first use (KernelBuilder
// names it after its key, so a body is made once) and returns its name. The
// comment of each gives the parameters in the order a launch passes them
// (p a pointer into the arena, i an integer) and what one thread does; the
// thread count comes last, from the launch. Private to passes/lib.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_LIB_CUDAKERNELS_H
#define NAS_PASSES_LIB_CUDAKERNELS_H

#include "KernelBuilder.h"

#include "mlir/IR/Operation.h"

#include <string>

namespace nas {

/// Ops that compute each element from the same element of their operands
/// (activations and their gradients, add, mul, zero), which fuse.
bool isElementwise(mlir::Operation *op);
/// Ops that only rename a buffer (identity, flatten, reshape).
bool isAlias(mlir::Operation *op);
/// The operands an elementwise op reads (an activation's gradient reads the
/// activation's output or its input, as the CPU kernel does).
llvm::SmallVector<mlir::Value> readsOf(mlir::Operation *op);

/// Contiguous elementwise ops over the same elements as one kernel.
struct FusedKernel {
  std::string name;
  /// Its parameters: the values it loads (each once), then those it stores
  /// (the ones read outside the group).
  llvm::SmallVector<mlir::Value> inputs, outputs;
};

class CudaKernels {
public:
  explicit CudaKernels(mlir::ModuleOp module) : kernels_(module) {}

  /// The parameters of kernel `name` but the thread count.
  size_t arity(const std::string &name) const { return kernels_.arity(name); }

  /// (dst, images, indices, row floats), one thread per float: a batch
  /// gathered from a data set resident on the device.
  std::string gatherRows();
  /// (dst, labels, indices), one thread per sample.
  std::string gatherLabels();
  /// (src, dst, inner, src stride, dst stride), one thread per copied float:
  /// row r's `inner` floats from src[r * src stride] to dst[r * dst stride].
  std::string copyRows();
  /// (y) or, with `bias`, (y, bias, channels, inner), one thread per
  /// element: y = activation(y + bias[channel]).
  std::string epilogue(bool bias, int64_t activation);
  /// `group` (in order, aliases included) as one kernel.
  FusedKernel fusedElementwise(llvm::ArrayRef<mlir::Operation *> group);
  /// (p), one thread: p[0] = 0.
  std::string zero();

  /// (dy, db, rows, channels, inner), one thread per channel: db[c], the sum
  /// of dy over the rows and the inner elements.
  std::string biasGrad();
  /// (x, sums, inner), one thread per plane: sums[i], the sum of plane i.
  std::string planeSums();

  /// (logits, labels, loss, [dlogits,] rows, classes), one thread per row:
  /// the mean cross-entropy added atomically to loss[0] and, with `grad`,
  /// its gradient.
  std::string softmaxCrossEntropy(bool grad);

  /// (param, grad, [momentum buffer,] lr, [step]), one thread per element;
  /// the momentum buffer and step only when `momentum` is not 0.
  std::string sgd(double momentum, double decay, bool nesterov);
  /// (param, grad, first moment, second moment, lr, step), one thread per
  /// element.
  std::string adam(double beta1, double beta2, double eps, double decay);

  /// (x, y, H, W, OH, OW, kernel, stride, padding), one thread per output:
  /// its window's max or mean.
  std::string pool(bool avg);
  /// (dy, x, dx, H, W, OH, OW, kernel, stride, padding), one thread per input
  /// element: the gradients of the windows it counts in.
  std::string poolGrad(bool avg);
  /// (x, y, HW), one thread per plane: its mean.
  std::string globalAvgPool();
  /// (dy, dx, HW), one thread per element of dx.
  std::string globalAvgPoolGrad();

  /// (x, mean, invstd, running mean, running var, rows, C, inner), one
  /// thread per channel: the batch's statistics and the running ones.
  std::string batchNormStats(double eps, double momentum);
  /// (x, scale, shift, mean, invstd, y, C, inner), one thread per element.
  std::string batchNormApply();
  /// (x, scale, shift, running mean, running var, y, C, inner), one thread
  /// per element.
  std::string batchNormInfer(double eps);
  /// (dy, x, mean, invstd, dgamma, dbeta, rows, C, inner), one thread per
  /// channel.
  std::string batchNormGradSums();
  /// (dy, x, gamma, mean, invstd, dgamma, dbeta, dx, C, inner, rows), one
  /// thread per element.
  std::string batchNormGradInput();

  /// (x, y, mask, step, salt), one thread per element: the CPU's mask.
  std::string dropout(double rate);

  /// (x, mean, invstd, D), one thread per row.
  std::string layerNormStats(double eps);
  /// (x, scale, shift, mean, invstd, y, D), one thread per element.
  std::string layerNormApply();
  /// (dy, x, gamma, mean, invstd, dx, D), one thread per row.
  std::string layerNormGradInput();
  /// (dy, x, mean, invstd, dgamma, dbeta, D, rows), one thread per feature.
  std::string layerNormGradParams();

private:
  KernelBuilder kernels_;
};

} // namespace nas

#endif // NAS_PASSES_LIB_CUDAKERNELS_H
