//===- nas-opt.cpp - mlir-opt with the nas and nn dialects ----------------===//
//
// The developer's tool: reads MLIR, runs nasc's passes and pipelines (the
// ones the library runs: nasc-train-cpu, nasc-train-cuda,
// nasc-kernels-to-ptx), prints the result. Used by the lit tests of the
// dialects, passes and pipelines.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "nas/Dialect/NN/NNDialect.h"
#include "nas/Dialect/Nas/NasDialect.h"
#include "nas/Passes/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<nas::nn::NNDialect, nas::space::NasDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect>();
  nas::registerKernelsToPTXDialects(registry);
  nas::registerNascPasses();
  nas::registerNascPipelines();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nas-opt: the nas and nn dialects and nasc's passes\n", registry));
}
