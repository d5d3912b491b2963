//===- Passes.td - The passes of nasc ------------------------*- tablegen -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
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

def NNAutodiff : Pass<"nn-autodiff", "::mlir::ModuleOp"> {
  let summary = "Build a candidate's training step and inference functions";
  let description = [{
    From a materialized candidate (its `nas.model` function), adds:

    - `@infer(x, parameters...) -> logits`: the forward program with every
      parameter an argument (`dense0.weight`, `conv2d1.bias`,
      `batchnorm0.running_mean`, named after the layer kind and its index),
      dropout off and batch norm on its running statistics;
    - `@train_step(x, labels, lr, step, parameters..., moments...) ->
      (loss, parameters..., moments...)`: the forward program in training
      mode, the mean softmax cross-entropy, the backward program (reverse
      mode, each op's gradient from its `Differentiable` interface, summed
      over uses) and one optimizer update per parameter (`sgd` with
      momentum, weight decay and Nesterov, or `adam`, from `nas.train`).

    Arguments and results carry `nn.role` (input, labels, lr, step, param,
    state, moment, loss, logits) and `nn.name`; parameters also carry their
    initialization (`nn.init`: kaiming_uniform, fan_in_uniform, ones, zeros)
    and `nn.fan_in`, PyTorch's defaults for each layer. The learning rate and
    step are arguments so that a schedule needs no recompilation.

    ```
    nas-opt candidate.mlir --nn-autodiff
    ```
  }];
  let dependentDialects = ["::nas::nn::NNDialect", "::mlir::func::FuncDialect"];
}

def NNLowerCPU : Pass<"nn-lower-cpu", "::mlir::ModuleOp"> {
  let summary = "Lower a candidate's training functions to calls of the CPU kernels";
  let description = [{
    Turns `@train_step` and `@infer` (from `nn-autodiff`) into the LLVM
    functions `nasc_train_step(arena, n)` and `nasc_infer(arena, n)`: a
    sequence of calls to the kernels of `nas/Runtime/Kernels.h` (OpenBLAS
    for the matrix products and convolutions) on buffers of one arena, for
    `n` rows (at most `batch`). A relu, tanh or sigmoid that is a dense or
    conv layer's only consumer runs in the layer's epilogue. The tensor
    functions are removed.

    The module gets `nn.layout`, the arena's persistent slots (name, role,
    byte offset and size, shape with -1 for the batch, initialization), and
    `nn.arena_bytes`. Workspace buffers are reused once their last reader
    has run.

    ```
    nas-opt candidate.mlir --nn-autodiff --nn-lower-cpu=batch=256
    ```
  }];
  let options = [
    Option<"batch", "batch", "int64_t", /*default=*/"256", "The most rows one call handles">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def NNLowerCUDA : Pass<"nn-lower-cuda", "::mlir::ModuleOp"> {
  let summary = "Lower a candidate's training functions to a GPU launch plan and its kernels";
  let description = [{
    Turns `@train_step` and `@infer` (from `nn-autodiff`) into two lists of
    steps, the module attribute `nn.cuda_plan`, over one device arena laid
    out as for the CPU (`nn.layout`, `nn.arena_bytes`, for `batch` rows):
    kernel launches (of `gpu.module @kernels`), cuBLAS products and cuDNN
    convolutions. The steps are the runtime's plan structures
    (`runtime/include/nas/Runtime/CudaPlan.h`, the one definition of the
    plan and of its operands; `docs/cuda.md`), built by the pass and read
    back with `readCudaPlan`.

    The kernels are written with MLIR builders (GPU, SCF, arith, math and
    LLVM pointer ops), one thread per element, row or channel; contiguous
    elementwise ops over the same elements are fused into one kernel that
    stores only what is read outside it, and a layer's bias and epilogue
    activation run in one kernel after its product. Ops without a kernel
    yet are errors at their location. The tensor functions are removed.

    ```
    nas-opt candidate.mlir --nn-autodiff --nn-lower-cuda=batch=256
    ```
  }];
  let options = [
    Option<"batch", "batch", "int64_t", /*default=*/"256", "The most rows one call handles">
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::scf::SCFDialect", "::mlir::math::MathDialect",
                           "::mlir::arith::ArithDialect", "::mlir::LLVM::LLVMDialect"];
}

#endif // NAS_PASSES
