// RUN: nas-opt %s --nn-autodiff --nn-lower-cpu=batch=32 --split-input-file --verify-diagnostics | FileCheck %s

// The MLP's step as kernel calls on one arena: the relu runs in the first
// layer's epilogue (activation 1), the loss and its gradient come from one
// call, the updates work in place, and the layout names every slot.
module attributes {nas.train = {batch = 32 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64, optimizer.momentum = 9.000000e-01 : f64}} {
  func.func @mlp(%x: tensor<?x784xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %h = nn.dense %x {units = 64 : i64} : tensor<?x784xf32> -> tensor<?x64xf32>
    %a = nn.relu %h : tensor<?x64xf32> -> tensor<?x64xf32>
    %y = nn.dense %a {units = 10 : i64} : tensor<?x64xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK: module attributes {{{.*}}nn.arena_bytes = {{[0-9]+}} : i64, nn.layout = [
// CHECK-SAME: {bytes = 100352 : i64, name = "input", offset = 0 : i64, role = "input", shape = [-1, 784]}
// CHECK-SAME: {bytes = 128 : i64, name = "labels", offset = 100352 : i64, role = "labels", shape = [-1]}
// CHECK-SAME: {bytes = 4 : i64, name = "lr", offset = 100480 : i64, role = "lr", shape = []}
// CHECK-SAME: {bytes = 8 : i64, name = "step", offset = 100544 : i64, role = "step", shape = []}
// CHECK-SAME: {bytes = 200704 : i64, fan_in = 784 : i64, init = "kaiming_uniform", name = "dense0.weight", offset = 100608 : i64, role = "param", shape = [64, 784]}
// CHECK-SAME: name = "dense0.weight.momentum_buffer"
// CHECK-SAME: {bytes = 4 : i64, name = "loss", offset = {{[0-9]+}} : i64, role = "loss", shape = []}
// CHECK-SAME: {bytes = 1280 : i64, name = "logits", offset = {{[0-9]+}} : i64, role = "logits", shape = [-1, 10]}
// CHECK-NOT: func.func
// CHECK: llvm.func @nasc_train_step(%{{.*}}: !llvm.ptr, %[[N:.*]]: i64)
// CHECK: %[[LR:.*]] = llvm.load {{.*}} : !llvm.ptr -> f32
// CHECK: %[[STEP:.*]] = llvm.load {{.*}} : !llvm.ptr -> i64
// CHECK: %[[RELU:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK: llvm.call @nasc_linear({{.*}}, %[[N]], {{.*}}, %[[RELU]])
// CHECK: llvm.call @nasc_linear(
// CHECK: llvm.call @nasc_softmax_cross_entropy(
// CHECK-NOT: nasc_softmax_cross_entropy
// CHECK: llvm.call @nasc_linear_grad_input(
// CHECK: llvm.call @nasc_linear_grad_weight(
// CHECK: llvm.call @nasc_bias_grad(
// CHECK: llvm.call @nasc_activation_grad(
// CHECK-NOT: nasc_linear_grad_input
// CHECK: llvm.call @nasc_linear_grad_weight(
// CHECK: llvm.call @nasc_bias_grad(
// CHECK: llvm.icmp "eq" %[[STEP]]
// CHECK: llvm.call @nasc_sgd(
// CHECK-COUNT-3: llvm.call @nasc_sgd(
// CHECK: llvm.return
// CHECK-LABEL: llvm.func @nasc_infer(
// CHECK: llvm.call @nasc_linear(
// CHECK: llvm.call @nasc_linear(
// CHECK-NEXT: llvm.return

// -----

// Convolutions get their shape as a constant and a scratch buffer; pools,
// concatenation and its gradient become copies of rows.
module attributes {nas.train = {batch = 4 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64}} {
  func.func @cnn(%x: tensor<?x1x8x8xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %c = nn.conv2d %x {channels = 4 : i64, kernel = 3 : i64, stride = 1 : i64, padding = 1 : i64, dilation = 1 : i64, groups = 1 : i64} : tensor<?x1x8x8xf32> -> tensor<?x4x8x8xf32>
    %t = nn.tanh %c : tensor<?x4x8x8xf32> -> tensor<?x4x8x8xf32>
    %a = nn.avgpool %t {kernel = 2 : i64, stride = 2 : i64, padding = 0 : i64} : tensor<?x4x8x8xf32> -> tensor<?x4x4x4xf32>
    %k = nn.concat %a, %a {axis = 1 : i64} : tensor<?x4x4x4xf32>, tensor<?x4x4x4xf32> -> tensor<?x8x4x4xf32>
    %f = nn.flatten %k : tensor<?x8x4x4xf32> -> tensor<?x128xf32>
    %y = nn.dense %f {units = 10 : i64} : tensor<?x128xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK: llvm.mlir.global internal constant @nasc_conv_shape_{{[0-9]+}}(dense<[1, 8, 8, 4, 8, 8, 3, 3, 1, 1, 1, 1]> : tensor<12xi64>)
// CHECK-LABEL: llvm.func @nasc_train_step(
// CHECK: %[[TANH:.*]] = llvm.mlir.constant(3 : i64) : i64
// CHECK: llvm.call @nasc_conv2d({{.*}}, %[[TANH]])
// CHECK: llvm.call @nasc_pool2d(
// CHECK: llvm.call @nasc_copy_rows(
// CHECK: llvm.call @nasc_copy_rows(
// CHECK: llvm.call @nasc_linear(
// CHECK: llvm.call @nasc_copy_rows(
// CHECK: llvm.call @nasc_copy_rows(
// CHECK: llvm.call @nasc_add(
// CHECK: llvm.call @nasc_pool2d_grad(
// CHECK: llvm.call @nasc_activation_grad(
// CHECK: llvm.call @nasc_conv2d_grad_weight(
