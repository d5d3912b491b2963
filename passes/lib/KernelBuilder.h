//===- KernelBuilder.h - GPU kernels written with MLIR builders -*- C++ -*-===//
//
// nn-lower-cuda writes its elementwise and reduction kernels as `gpu.func`s
// of one `gpu.module @kernels`: one thread per element (or per row, per
// channel), raw global pointers (`!llvm.ptr<1>`) into the arena and i64
// sizes as parameters, the last parameter the number of threads. The
// builder makes a kernel once per distinct body (a key names it), so a
// network of ten relu layers has one relu kernel. Private to passes/lib.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_PASSES_LIB_KERNELBUILDER_H
#define NAS_PASSES_LIB_KERNELBUILDER_H

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <functional>
#include <map>
#include <string>

namespace nas {

/// What a kernel body sees: its thread's index and its parameters.
class KernelBody {
public:
  KernelBody(mlir::OpBuilder &b, mlir::Location loc, mlir::Value index, llvm::ArrayRef<mlir::Value> params)
      : b(b), loc(loc), index(index), params(params.begin(), params.end()) {}

  mlir::Value i64(int64_t v);
  mlir::Value f32(double v);
  /// `ptr[i]` as f32, or as `type` (i32 labels, the i64 step).
  mlir::Value load(mlir::Value ptr, mlir::Value i, mlir::Type type = {});
  void store(mlir::Value v, mlir::Value ptr, mlir::Value i);
  /// `ptr[i] += v`, atomically.
  void atomicAdd(mlir::Value v, mlir::Value ptr, mlir::Value i);
  /// for (k = lo; k < hi; ++k) body(k), with no loop-carried values.
  void loop(mlir::Value lo, mlir::Value hi, const std::function<void(mlir::Value)> &body);
  /// The same carrying one f32 (an accumulator): returns its last value.
  mlir::Value reduce(mlir::Value lo, mlir::Value hi, mlir::Value init,
                     const std::function<mlir::Value(mlir::Value k, mlir::Value acc)> &body);
  /// The same carrying several values.
  llvm::SmallVector<mlir::Value>
  reduce(mlir::Value lo, mlir::Value hi, llvm::ArrayRef<mlir::Value> init,
         const std::function<llvm::SmallVector<mlir::Value>(mlir::Value k, llvm::ArrayRef<mlir::Value> acc)> &body);
  /// if (cond) then();
  void when(mlir::Value cond, const std::function<void()> &then);

  // i64 and f32 arithmetic.
  mlir::Value add(mlir::Value a, mlir::Value c);
  mlir::Value sub(mlir::Value a, mlir::Value c);
  mlir::Value mul(mlir::Value a, mlir::Value c);
  mlir::Value div(mlir::Value a, mlir::Value c); // signed for i64
  mlir::Value rem(mlir::Value a, mlir::Value c); // i64
  mlir::Value lt(mlir::Value a, mlir::Value c);  // signed for i64, ordered for f32
  mlir::Value ge(mlir::Value a, mlir::Value c);  // i64
  mlir::Value eq(mlir::Value a, mlir::Value c);  // i64
  mlir::Value isNaN(mlir::Value a);
  mlir::Value within(mlir::Value v, mlir::Value size); // 0 <= v < size, i64
  mlir::Value both(mlir::Value a, mlir::Value c);      // i1 and
  mlir::Value either(mlir::Value a, mlir::Value c);    // i1 or
  mlir::Value min(mlir::Value a, mlir::Value c);       // i64
  mlir::Value select(mlir::Value cond, mlir::Value a, mlir::Value c);
  mlir::Value max(mlir::Value a, mlir::Value c); // f32
  mlir::Value exp(mlir::Value a);
  mlir::Value log(mlir::Value a);
  mlir::Value tanh(mlir::Value a);
  mlir::Value erf(mlir::Value a);
  mlir::Value toF32(mlir::Value i); // from i64, i32 or f64
  mlir::Value toF64(mlir::Value f); // from f32
  mlir::Value f64(double v);
  mlir::Value sqrt(mlir::Value a);
  mlir::Value pow(mlir::Value a, mlir::Value c);
  // Bitwise i64 arithmetic (unsigned where it matters), for hashing.
  mlir::Value bitXor(mlir::Value a, mlir::Value c);
  mlir::Value shiftRight(mlir::Value a, int64_t bits);

  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Value index;                     // this thread's, already below the thread count
  llvm::SmallVector<mlir::Value> params; // the kernel's parameters but the thread count
};

class KernelBuilder {
public:
  explicit KernelBuilder(mlir::ModuleOp module);

  /// The kernel named after `key` (made on first use): parameters as in
  /// `signature`, 'p' a global pointer, 'i' an i64, then the i64 thread
  /// count; `body` runs in each thread below it.
  std::string get(const std::string &key, llvm::StringRef signature, const std::function<void(KernelBody &)> &body);

  /// The parameters of kernel `name` but the thread count.
  size_t arity(const std::string &name) const { return arity_.at(name); }

private:
  mlir::gpu::GPUModuleOp module_;
  std::map<std::string, std::string> names_;
  std::map<std::string, size_t> arity_;
};

} // namespace nas

#endif // NAS_PASSES_LIB_KERNELBUILDER_H
