//===- GradientInterface.td - Each op's gradient rule --------*- tablegen -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_NN_GRADIENTINTERFACE
#define NAS_NN_GRADIENTINTERFACE

include "mlir/IR/OpBase.td"

def GradientOpInterface : OpInterface<"Differentiable"> {
  let description = [{
    An `nn` op that training can differentiate. `nn-autodiff` visits the
    forward program backwards and asks each op for the gradients of its
    operands, given the gradients of its results (reverse mode).
  }];
  let cppNamespace = "::nas::nn";
  let methods = [
    InterfaceMethod<
      "Builds, at the builder's insertion point, the gradient of the loss "
      "with respect to each operand from those of the results (`resultGrads`, "
      "one per result, null where no gradient flows). Returns one value per "
      "operand, null for an operand that gets none (labels, a zero op's input).",
      "::llvm::SmallVector<::mlir::Value>", "buildGradients",
      (ins "::mlir::OpBuilder &":$builder, "::mlir::ValueRange":$resultGrads)>
  ];
}

#endif // NAS_NN_GRADIENTINTERFACE
