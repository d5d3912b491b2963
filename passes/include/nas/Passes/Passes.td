//===- Passes.td - The passes of nasc ------------------------*- tablegen -*-===//
#ifndef NAS_PASSES
#define NAS_PASSES

include "mlir/Pass/PassBase.td"

def NNShapeInference : Pass<"nn-shape-inference"> {
  let summary = "Make the result types of nn ops as static as their operands allow";
  let description = [{
    Visits the `nn` ops in program order and lets each refine its result type
    from its operands (the `ShapeInference` op interface). Once a candidate's
    decisions are made, this turns every tensor type static. An op whose
    operands do not fit it fails the pass with an error at its location.

    ```mlir
    %h = nn.dense %x {units = 128 : i64} : tensor<8x784xf32> -> tensor<?x?xf32>
    // becomes
    %h = nn.dense %x {units = 128 : i64} : tensor<8x784xf32> -> tensor<8x128xf32>
    ```
  }];
  let dependentDialects = ["::nas::nn::NNDialect"];
}

#endif // NAS_PASSES
