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

def NasMaterialize : Pass<"nas-materialize", "::mlir::ModuleOp"> {
  let summary = "Turn a search space into one candidate, given its DNA";
  let description = [{
    Fills in every decision from the DNA (JSON, by decision path, or `@file`):
    value choices become constants, each `nas.switch` is replaced by its chosen
    region, each `nas.repeat` is unrolled with its own decisions per
    repetition (`mlp.repeat[i]....`), and the `train`/`search` sections become
    the module attributes `nas.train` and `nas.search`. Decided settings of
    `nn` ops become attributes and shape inference makes every tensor type
    static. The result has no `nas` op left; its ops keep their source
    locations. The module also gets `nas.dna` (the DNA) and
    `nas.candidate_hash`, a hash of the network's structure that is equal for
    two DNAs giving the same network.

    A DNA that does not fit the space fails the pass with an error that names
    the decision.

    ```
    nas-opt space.mlir --nas-materialize='dna={"mlp.width": 1, "mlp.repeat": 1, "mlp.repeat[0].oneof": 0}'
    ```
  }];
  let options = [
    Option<"dna", "dna", "std::string", /*default=*/"\"\"",
           "The DNA as JSON (by decision path), or @FILE to read it from a file">
  ];
  let dependentDialects = ["::nas::nn::NNDialect", "::mlir::arith::ArithDialect"];
}

def NNCost : Pass<"nn-cost", "::mlir::func::FuncOp"> {
  let summary = "Report the parameters, FLOPs and activation memory of a network";
  let description = [{
    Emits a remark on each model function with its totals, per sample:
    parameters (weights and biases; batch and layer norms count their scale
    and shift), FLOPs of one forward pass (2 per multiply-add of dense and
    conv2d layers, 1 per output element of activations, dropout and each
    extra input of add, 2 per element of a norm, one per window element of a
    pooling), and activation memory (bytes of every op's output). Dimensions
    other than the batch must be static (run it on a materialized candidate).

    ```
    loc("mlp.nas":3:7): remark: params 269322, flops 538112, activations 5192 bytes per sample
    ```
  }];
}

#endif // NAS_PASSES
