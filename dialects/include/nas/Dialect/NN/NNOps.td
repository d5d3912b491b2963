//===- NNOps.td - The nn dialect: child programs on tensors -*- tablegen -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_NN_OPS
#define NAS_NN_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "nas/Dialect/NN/ShapeInferenceInterface.td"
include "nas/Dialect/NN/GradientInterface.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let summary = "Neural-network layers on tensors: the child programs of a search space.";
  let description = [{
    An `nn` op is a layer as the user wrote it (a dense layer, a convolution,
    an activation), with its settings as attributes and its parameters
    (weights, biases, norm scales) implicit: training creates them.

    In a search space a setting may be a decision. Such a setting is an
    operand instead of an attribute: the op lists the decided settings'
    names in `decided_names` and takes their values, in that order, in
    brackets. Once the values are constants (after materialization) the
    canonicalizer turns them back into attributes.

    ```mlir
    %h = nn.dense %x [%width : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
    ```

    Result types may keep dynamic (or unknown) dimensions until every
    decision is made; `nn-shape-inference` then makes them static.
  }];
  let cppNamespace = "::nas::nn";
  let hasCanonicalizer = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic,
         !listconcat(traits, [Pure, DeclareOpInterfaceMethods<ShapeInferenceOpInterface>])>;

def NN_Tensor : TensorOf<[F32]>;
def NN_Differentiable : DeclareOpInterfaceMethods<GradientOpInterface>;

// An op with settings, each an attribute or (when decided) an operand.
class NN_SettingsOp<string mnemonic, dag settings, list<Trait> traits = []> : NN_Op<mnemonic, traits> {
  let arguments = !con((ins NN_Tensor:$input), settings,
                       (ins Variadic<AnyTypeOf<[Index, F64]>>:$decided, OptionalAttr<StrArrayAttr>:$decided_names));
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input (` ` `[` $decided^ `:` type($decided) `]`)? attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

class NN_UnaryOp<string mnemonic, string what> : NN_Op<mnemonic, [NN_Differentiable]> {
  let summary = what;
  let description = [{
    The result has the shape of the input.

    ```mlir
    %y = nn.}] # mnemonic # [{ %x : tensor<?x128xf32> -> tensor<?x128xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def NN_ReluOp : NN_UnaryOp<"relu", "max(x, 0), elementwise">;
def NN_GeluOp : NN_UnaryOp<"gelu", "x * Phi(x), the Gaussian error linear unit, elementwise">;
def NN_TanhOp : NN_UnaryOp<"tanh", "Hyperbolic tangent, elementwise">;
def NN_SigmoidOp : NN_UnaryOp<"sigmoid", "1 / (1 + exp(-x)), elementwise">;
def NN_SiluOp : NN_UnaryOp<"silu", "x * sigmoid(x), elementwise">;
def NN_IdentityOp : NN_UnaryOp<"identity", "The input unchanged (a skip connection)">;
def NN_ZeroOp : NN_UnaryOp<"zero", "Zeros of the input's shape (a missing edge of a cell)">;

def NN_DenseOp : NN_SettingsOp<"dense", (ins OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$units,
                                             DefaultValuedAttr<BoolAttr, "true">:$bias)> {
  let summary = "A fully connected layer: y = x W^T + b";
  let description = [{
    Maps a rank-2 input `[N, K]` to `[N, units]`. The weight (units x K) and
    the bias (when `bias` is true) are parameters of the layer.

    ```mlir
    %y = nn.dense %x {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x10xf32>
    ```
  }];
}

def NN_Conv2dOp : NN_SettingsOp<"conv2d", (ins OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$channels,
                                               OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$kernel,
                                               OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$stride,
                                               OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$padding,
                                               UnitAttr:$same,
                                               OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$dilation,
                                               OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$groups,
                                               DefaultValuedAttr<BoolAttr, "true">:$bias)> {
  let summary = "2-D convolution of an NCHW feature map";
  let description = [{
    A square `kernel` x `kernel` window, `channels` output channels, with
    `stride`, `dilation` and `groups`. With `same` the padding keeps H and W
    at stride 1 (it is dilation * (kernel - 1) / 2, for odd kernels);
    otherwise `padding` pixels are added on each side.

    ```mlir
    %y = nn.conv2d %x {channels = 16 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 1 : i64}
        : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32>
    ```
  }];
}

class NN_PoolOp<string mnemonic, string what> : NN_SettingsOp<mnemonic,
    (ins OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$kernel,
         OptionalAttr<ConfinedAttr<I64Attr, [IntPositive]>>:$stride,
         OptionalAttr<ConfinedAttr<I64Attr, [IntNonNegative]>>:$padding,
         UnitAttr:$same), [NN_Differentiable]> {
  let summary = what # " over square windows of an NCHW feature map";
  let description = [{
    With `same` the padding is (kernel - 1) / 2 on each side, for odd
    kernels (the rule of `nn.conv2d`); otherwise `padding` pixels.

    ```mlir
    %y = nn.}] # mnemonic # [{ %x {kernel = 2 : i64, stride = 2 : i64, padding = 0 : i64} : tensor<?x16x28x28xf32> -> tensor<?x16x14x14xf32>
    ```
  }];
}
def NN_MaxPoolOp : NN_PoolOp<"maxpool", "Maximum">;
def NN_AvgPoolOp : NN_PoolOp<"avgpool", "Average (padding counts as zeros)">;

def NN_GlobalAvgPoolOp : NN_Op<"global_avgpool", [NN_Differentiable]> {
  let summary = "The mean over H and W: [N, C, H, W] to [N, C]";
  let description = [{
    ```mlir
    %y = nn.global_avgpool %x : tensor<?x64x7x7xf32> -> tensor<?x64xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def NN_FlattenOp : NN_Op<"flatten", [NN_Differentiable]> {
  let summary = "Keeps the batch dimension and merges the rest";
  let description = [{
    ```mlir
    %y = nn.flatten %x : tensor<?x1x28x28xf32> -> tensor<?x784xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def NN_BatchNormOp : NN_SettingsOp<"batchnorm", (ins OptionalAttr<F64Attr>:$momentum, OptionalAttr<F64Attr>:$eps)> {
  let summary = "Batch normalization over the channels of [N, C] or [N, C, H, W]";
  let description = [{
    ```mlir
    %y = nn.batchnorm %x {momentum = 0.1 : f64, eps = 1.0e-05 : f64} : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
    ```
  }];
}

def NN_LayerNormOp : NN_SettingsOp<"layernorm", (ins OptionalAttr<F64Attr>:$eps)> {
  let summary = "Layer normalization over all but the batch dimension";
  let description = [{
    ```mlir
    %y = nn.layernorm %x {eps = 1.0e-05 : f64} : tensor<?x128xf32> -> tensor<?x128xf32>
    ```
  }];
}

def NN_DropoutOp : NN_SettingsOp<"dropout", (ins OptionalAttr<F64Attr>:$rate)> {
  let summary = "Zeroes elements with probability `rate` while training";
  let description = [{
    ```mlir
    %y = nn.dropout %x {rate = 5.0e-01 : f64} : tensor<?x128xf32> -> tensor<?x128xf32>
    ```
  }];
}

def NN_AddOp : NN_Op<"add", [NN_Differentiable]> {
  let summary = "The elementwise sum of tensors of one shape";
  let description = [{
    ```mlir
    %y = nn.add %a, %b : tensor<?x16x28x28xf32>, tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
    ```
  }];
  let arguments = (ins Variadic<NN_Tensor>:$inputs);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` type($inputs) `->` type($output)";
  let hasVerifier = 1;
}

def NN_ConcatOp : NN_Op<"concat", [NN_Differentiable]> {
  let summary = "Joins tensors along an axis";
  let description = [{
    ```mlir
    %y = nn.concat %a, %b {axis = 1 : i64} : tensor<?x16x8x8xf32>, tensor<?x8x8x8xf32> -> tensor<?x24x8x8xf32>
    ```
  }];
  let arguments = (ins Variadic<NN_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs NN_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` type($inputs) `->` type($output)";
  let hasVerifier = 1;
}

def NN_SoftmaxCrossEntropyOp : NN_Op<"softmax_cross_entropy", [NN_Differentiable]> {
  let summary = "Mean cross-entropy of softmax(logits) against integer labels";
  let description = [{
    The loss that training minimizes: logits `[N, K]`, labels `[N]` with
    values in [0, K), result a scalar.

    ```mlir
    %loss = nn.softmax_cross_entropy %logits, %labels : tensor<?x10xf32>, tensor<?xi32> -> tensor<f32>
    ```
  }];
  let arguments = (ins NN_Tensor:$logits, TensorOf<[I32]>:$labels);
  let results = (outs 0DTensorOf<[F32]>:$loss);
  let assemblyFormat = "$logits `,` $labels attr-dict `:` type($logits) `,` type($labels) `->` type($loss)";
  let hasVerifier = 1;
}

include "nas/Dialect/NN/NNTrainOps.td"

#endif // NAS_NN_OPS
