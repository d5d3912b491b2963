//===- ShapeInferenceInterface.td - Result shapes from operands -*- tablegen -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_NN_SHAPEINFERENCEINTERFACE
#define NAS_NN_SHAPEINFERENCEINTERFACE

include "mlir/IR/OpBase.td"

def ShapeInferenceOpInterface : OpInterface<"ShapeInference"> {
  let description = [{
    An `nn` op whose result shape follows from its operand shapes and
    attributes. `nn-shape-inference` calls `inferShapes` in program order so
    that, once decisions are made, every tensor type becomes static.
  }];
  let cppNamespace = "::nas::nn";
  let methods = [
    InterfaceMethod<
      "Refines the result types from the operand types; emits an error and "
      "fails when the operands do not fit the op.",
      "::llvm::LogicalResult", "inferShapes">
  ];
}

#endif // NAS_NN_SHAPEINFERENCEINTERFACE
