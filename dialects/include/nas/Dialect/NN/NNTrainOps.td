//===- NNTrainOps.td - Training-level nn ops -----------------*- tablegen -*-===//
//
// The ops `nn-autodiff` builds: layers with their parameters as explicit
// operands, the gradient of each layer, and the optimizer updates. Their
// types are static but for the batch dimension; the CPU and CUDA lowerings
// map each to a kernel call.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_NN_TRAIN_OPS
#define NAS_NN_TRAIN_OPS

class NN_TrainOp<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic, !listconcat(traits, [Pure])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

//===- Forward, with explicit parameters ----------------------------------===//

def NN_LinearOp : NN_TrainOp<"linear", [NN_Differentiable]> {
  let summary = "x W^T + b with the weight [M, K] and bias [M] as operands";
  let description = [{
    `nn.dense` once its parameters are function arguments.

    ```mlir
    %y = nn.linear %x, %w, %b : (tensor<?x784xf32>, tensor<256x784xf32>, tensor<256xf32>) -> tensor<?x256xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$weight, Optional<NN_Tensor>:$bias);
  let results = (outs NN_Tensor:$output);
  let hasVerifier = 1;
}

def NN_ConvOp : NN_TrainOp<"conv", [NN_Differentiable]> {
  let summary = "2-D convolution with the weight [O, C/groups, KH, KW] and bias [O] as operands";
  let description = [{
    `nn.conv2d` once its parameters are function arguments and its padding
    is resolved.

    ```mlir
    %y = nn.conv %x, %w, %b {stride = 1 : i64, padding = 1 : i64, dilation = 1 : i64, groups = 1 : i64}
        : (tensor<?x1x28x28xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<?x32x28x28xf32>
    ```
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$weight, Optional<NN_Tensor>:$bias,
                       I64Attr:$stride, I64Attr:$padding, I64Attr:$dilation, I64Attr:$groups);
  let results = (outs NN_Tensor:$output);
  let hasVerifier = 1;
}

def NN_BatchNormTrainOp : NN_TrainOp<"batchnorm_train", [NN_Differentiable]> {
  let summary = "Batch norm with batch statistics; updates the running statistics";
  let description = [{
    Normalizes over the batch (and H, W); returns the output, the batch
    mean and 1/sqrt(var + eps) (saved for the gradient) and the updated
    running mean and variance.
  }];
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$shift,
                       NN_Tensor:$running_mean, NN_Tensor:$running_var, F64Attr:$eps, F64Attr:$momentum);
  let results = (outs NN_Tensor:$output, NN_Tensor:$mean, NN_Tensor:$invstd,
                      NN_Tensor:$new_running_mean, NN_Tensor:$new_running_var);
}

def NN_BatchNormInferOp : NN_TrainOp<"batchnorm_infer"> {
  let summary = "Batch norm from the running statistics (inference)";
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$shift,
                       NN_Tensor:$running_mean, NN_Tensor:$running_var, F64Attr:$eps);
  let results = (outs NN_Tensor:$output);
}

def NN_LayerNormTrainOp : NN_TrainOp<"layernorm_train", [NN_Differentiable]> {
  let summary = "Layer norm with explicit scale and shift; returns the saved statistics too";
  let arguments = (ins NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$shift, F64Attr:$eps);
  let results = (outs NN_Tensor:$output, NN_Tensor:$mean, NN_Tensor:$invstd);
}

def NN_DropoutTrainOp : NN_TrainOp<"dropout_train", [NN_Differentiable]> {
  let summary = "Inverted dropout with a mask drawn from the step number";
  let description = [{
    The mask is a function of (`step`, `salt`) and the element index: the
    same on every run, different at every step and in every dropout layer.
  }];
  let arguments = (ins NN_Tensor:$input, I64:$step, F64Attr:$rate, I64Attr:$salt);
  let results = (outs NN_Tensor:$output, NN_Tensor:$mask);
}

def NN_ReshapeOp : NN_TrainOp<"reshape", [NN_Differentiable]> {
  let summary = "The same elements in another shape (the batch dimension kept)";
  let arguments = (ins NN_Tensor:$input);
  let results = (outs NN_Tensor:$output);
}

//===- Gradients -----------------------------------------------------------===//

def NN_SoftmaxCrossEntropyGradOp : NN_TrainOp<"softmax_cross_entropy_grad"> {
  let summary = "(softmax(logits) - onehot(labels)) / N";
  let arguments = (ins NN_Tensor:$logits, TensorOf<[I32]>:$labels);
  let results = (outs NN_Tensor:$grad);
}

def NN_LinearGradInputOp : NN_TrainOp<"linear_grad_input"> {
  let summary = "dx = dy W";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$weight);
  let results = (outs NN_Tensor:$input_grad);
}

def NN_LinearGradWeightOp : NN_TrainOp<"linear_grad_weight"> {
  let summary = "dW = dy^T x";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input);
  let results = (outs NN_Tensor:$weight_grad);
}

def NN_BiasGradOp : NN_TrainOp<"bias_grad"> {
  let summary = "The gradient of a bias: dy summed over every axis but 1";
  let arguments = (ins NN_Tensor:$grad);
  let results = (outs NN_Tensor:$bias_grad);
}

def NN_ConvGradInputOp : NN_TrainOp<"conv_grad_input"> {
  let summary = "The gradient of a convolution's input (its type gives the input shape)";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$weight,
                       I64Attr:$stride, I64Attr:$padding, I64Attr:$dilation, I64Attr:$groups);
  let results = (outs NN_Tensor:$input_grad);
}

def NN_ConvGradWeightOp : NN_TrainOp<"conv_grad_weight"> {
  let summary = "The gradient of a convolution's weight";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input,
                       I64Attr:$stride, I64Attr:$padding, I64Attr:$dilation, I64Attr:$groups);
  let results = (outs NN_Tensor:$weight_grad);
}

def NN_ActivationGradOp : NN_TrainOp<"activation_grad"> {
  let summary = "dx = dy * act'(x) for `kind` in relu, gelu, tanh, sigmoid, silu";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input, NN_Tensor:$output, StrAttr:$kind);
  let results = (outs NN_Tensor:$input_grad);
}

def NN_PoolGradOp : NN_TrainOp<"pool_grad"> {
  let summary = "The gradient of max or average pooling (`kind` max or avg)";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input, StrAttr:$kind,
                       I64Attr:$kernel, I64Attr:$stride, I64Attr:$padding);
  let results = (outs NN_Tensor:$input_grad);
}

def NN_GlobalAvgPoolGradOp : NN_TrainOp<"global_avgpool_grad"> {
  let summary = "dy / (H W) spread over each window";
  let arguments = (ins NN_Tensor:$grad);
  let results = (outs NN_Tensor:$input_grad);
}

def NN_BatchNormGradOp : NN_TrainOp<"batchnorm_grad"> {
  let summary = "The gradients of batch norm's input, scale and shift";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$mean, NN_Tensor:$invstd);
  let results = (outs NN_Tensor:$input_grad, NN_Tensor:$scale_grad, NN_Tensor:$shift_grad);
}

def NN_LayerNormGradOp : NN_TrainOp<"layernorm_grad"> {
  let summary = "The gradients of layer norm's input, scale and shift";
  let arguments = (ins NN_Tensor:$grad, NN_Tensor:$input, NN_Tensor:$scale, NN_Tensor:$mean, NN_Tensor:$invstd);
  let results = (outs NN_Tensor:$input_grad, NN_Tensor:$scale_grad, NN_Tensor:$shift_grad);
}

def NN_MulOp : NN_TrainOp<"mul"> {
  let summary = "The elementwise product of two tensors of one shape";
  let arguments = (ins NN_Tensor:$lhs, NN_Tensor:$rhs);
  let results = (outs NN_Tensor:$output);
}

def NN_SliceOp : NN_TrainOp<"slice"> {
  let summary = "The part of a tensor from `offset` along `axis` (its type gives the size)";
  let arguments = (ins NN_Tensor:$input, I64Attr:$axis, I64Attr:$offset);
  let results = (outs NN_Tensor:$output);
}

//===- Optimizer updates ---------------------------------------------------===//

def NN_SGDUpdateOp : NN_TrainOp<"sgd_update"> {
  let summary = "One step of SGD with momentum and weight decay (PyTorch's rule)";
  let description = [{
    Returns the new parameter and momentum buffer. `step` counts from 1; at
    step 1 the buffer starts as the gradient.

    ```mlir
    %p1, %m1 = nn.sgd_update %p, %g, %m, %lr, %step {momentum = 0.9 : f64, weight_decay = 0.0 : f64, nesterov = false}
        : (tensor<10xf32>, tensor<10xf32>, tensor<10xf32>, f32, i64) -> (tensor<10xf32>, tensor<10xf32>)
    ```
  }];
  let arguments = (ins NN_Tensor:$param, NN_Tensor:$grad, NN_Tensor:$momentum_buffer, F32:$lr, I64:$step,
                       F64Attr:$momentum, F64Attr:$weight_decay, BoolAttr:$nesterov);
  let results = (outs NN_Tensor:$new_param, NN_Tensor:$new_momentum_buffer);
}

def NN_AdamUpdateOp : NN_TrainOp<"adam_update"> {
  let summary = "One step of Adam (PyTorch's rule, bias-corrected)";
  let arguments = (ins NN_Tensor:$param, NN_Tensor:$grad, NN_Tensor:$first_moment, NN_Tensor:$second_moment,
                       F32:$lr, I64:$step, F64Attr:$beta1, F64Attr:$beta2, F64Attr:$eps, F64Attr:$weight_decay);
  let results = (outs NN_Tensor:$new_param, NN_Tensor:$new_first_moment, NN_Tensor:$new_second_moment);
}

#endif // NAS_NN_TRAIN_OPS
