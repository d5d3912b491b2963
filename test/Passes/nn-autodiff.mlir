// RUN: nas-opt %s --nn-autodiff --split-input-file --verify-diagnostics | FileCheck %s

// A two-layer MLP with SGD: parameters become named arguments with PyTorch's
// initialization, the backward program runs in reverse, the gradient of the
// input is not computed, and each parameter gets one update.
module attributes {nas.train = {batch = 32 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64, optimizer.momentum = 9.000000e-01 : f64, optimizer.weight_decay = 1.0e-04 : f64}} {
  func.func @mlp(%x: tensor<?x784xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %h = nn.dense %x {units = 64 : i64} : tensor<?x784xf32> -> tensor<?x64xf32>
    %a = nn.relu %h : tensor<?x64xf32> -> tensor<?x64xf32>
    %y = nn.dense %a {units = 10 : i64} : tensor<?x64xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK-LABEL: func.func @infer
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32> {nn.role = "input"}
// CHECK-SAME: %[[W0:.*]]: tensor<64x784xf32> {nn.fan_in = 784 : i64, nn.init = "kaiming_uniform", nn.name = "dense0.weight", nn.role = "param"}
// CHECK-SAME: %[[B0:.*]]: tensor<64xf32> {nn.fan_in = 784 : i64, nn.init = "fan_in_uniform", nn.name = "dense0.bias", nn.role = "param"}
// CHECK-SAME: -> (tensor<?x10xf32> {nn.role = "logits"})
// CHECK: %[[H:.*]] = nn.linear %[[X]], %[[W0]], %[[B0]]
// CHECK: nn.relu %[[H]]
// CHECK: nn.linear
// CHECK-NOT: nn.softmax_cross_entropy
// CHECK: return

// CHECK-LABEL: func.func @train_step
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x784xf32> {nn.role = "input"}
// CHECK-SAME: %[[L:[^:]*]]: tensor<?xi32> {nn.role = "labels"}
// CHECK-SAME: %[[LR:[^:]*]]: f32 {nn.role = "lr"}
// CHECK-SAME: %[[STEP:[^:]*]]: i64 {nn.role = "step"}
// CHECK-SAME: %[[W0:[^:]*]]: tensor<64x784xf32>
// CHECK-SAME: %[[B0:[^:]*]]: tensor<64xf32>
// CHECK-SAME: %[[W1:[^:]*]]: tensor<10x64xf32>
// CHECK-SAME: %[[B1:[^:]*]]: tensor<10xf32>
// CHECK-SAME: %[[M0:[^:]*]]: tensor<64x784xf32> {nn.name = "dense0.weight.momentum_buffer", nn.role = "moment"}
// CHECK-SAME: -> (tensor<f32> {nn.role = "loss"}, tensor<64x784xf32> {nn.name = "dense0.weight", nn.role = "param"}
// CHECK: %[[H:.*]] = nn.linear %[[X]], %[[W0]], %[[B0]]
// CHECK: %[[A:.*]] = nn.relu %[[H]]
// CHECK: %[[Y:.*]] = nn.linear %[[A]], %[[W1]], %[[B1]]
// CHECK: %[[LOSS:.*]] = nn.softmax_cross_entropy %[[Y]], %[[L]]
// CHECK: %[[DY:.*]] = nn.softmax_cross_entropy_grad %[[Y]], %[[L]]
// CHECK: %[[DA:.*]] = nn.linear_grad_input %[[DY]], %[[W1]]
// CHECK: %[[DW1:.*]] = nn.linear_grad_weight %[[DY]], %[[A]]
// CHECK: %[[DB1:.*]] = nn.bias_grad %[[DY]]
// CHECK: %[[DH:.*]] = nn.activation_grad %[[DA]], %[[H]], %[[A]] {kind = "relu"}
// CHECK-NOT: nn.linear_grad_input
// CHECK: %[[DW0:.*]] = nn.linear_grad_weight %[[DH]], %[[X]]
// CHECK: %[[DB0:.*]] = nn.bias_grad %[[DH]]
// CHECK: %[[P0:.*]], %[[NM0:.*]] = nn.sgd_update %[[W0]], %[[DW0]], %[[M0]], %[[LR]], %[[STEP]] {momentum = 9.000000e-01 : f64, nesterov = false, weight_decay = 1.000000e-04 : f64}
// CHECK: nn.sgd_update %[[B0]], %[[DB0]]
// CHECK: nn.sgd_update %[[W1]], %[[DW1]]
// CHECK: nn.sgd_update %[[B1]], %[[DB1]]
// CHECK: return %[[LOSS]], %[[P0]]

// -----

// A CNN with batch norm, pooling, dropout, a skip connection and Adam.
// Batch norm's running statistics are state: updated by the forward pass,
// not by the optimizer. A value used twice sums its gradients.
module attributes {nas.train = {batch = 8 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "adam", optimizer.lr = 1.000000e-03 : f64}} {
  func.func @cnn(%x: tensor<?x1x8x8xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %c = nn.conv2d %x {channels = 4 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 1 : i64} : tensor<?x1x8x8xf32> -> tensor<?x4x8x8xf32>
    %n = nn.batchnorm %c {momentum = 1.000000e-01 : f64, eps = 1.000000e-05 : f64} : tensor<?x4x8x8xf32> -> tensor<?x4x8x8xf32>
    %s = nn.add %n, %c : tensor<?x4x8x8xf32>, tensor<?x4x8x8xf32> -> tensor<?x4x8x8xf32>
    %p = nn.maxpool %s {kernel = 2 : i64, stride = 2 : i64, padding = 0 : i64} : tensor<?x4x8x8xf32> -> tensor<?x4x4x4xf32>
    %g = nn.global_avgpool %p : tensor<?x4x4x4xf32> -> tensor<?x4xf32>
    %d = nn.dropout %g {rate = 2.500000e-01 : f64} : tensor<?x4xf32> -> tensor<?x4xf32>
    %y = nn.dense %d {units = 10 : i64} : tensor<?x4xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK-LABEL: func.func @infer
// CHECK-SAME: nn.fan_in = 9 : i64, nn.init = "kaiming_uniform", nn.name = "conv2d0.weight"
// CHECK-SAME: nn.init = "ones", nn.name = "batchnorm0.weight", nn.role = "param"
// CHECK-SAME: nn.init = "zeros", nn.name = "batchnorm0.running_mean", nn.role = "state"
// CHECK-SAME: nn.init = "ones", nn.name = "batchnorm0.running_var", nn.role = "state"
// CHECK: nn.conv {{.*}} {dilation = 1 : i64, groups = 1 : i64, padding = 1 : i64, stride = 1 : i64}
// CHECK: nn.batchnorm_infer
// CHECK-NOT: dropout
// CHECK: return

// CHECK-LABEL: func.func @train_step
// CHECK-SAME: %[[STEP:[^:]*]]: i64 {nn.role = "step"}
// CHECK-SAME: {nn.name = "conv2d0.weight.exp_avg", nn.role = "moment"}
// CHECK-SAME: {nn.name = "conv2d0.weight.exp_avg_sq", nn.role = "moment"}
// CHECK-SAME: {nn.name = "batchnorm0.running_mean", nn.role = "state"}
// CHECK: %[[C:.*]] = nn.conv
// CHECK: %[[N:.*]], %[[MEAN:.*]], %[[INV:.*]], %[[RM:.*]], %[[RV:.*]] = nn.batchnorm_train %[[C]]
// CHECK: %[[S:.*]] = nn.add %[[N]], %[[C]]
// CHECK: %[[P:.*]] = nn.maxpool %[[S]]
// CHECK: nn.global_avgpool %[[P]]
// CHECK: %[[D:.*]], %[[MASK:.*]] = nn.dropout_train %{{.*}}, %[[STEP]] {rate = 2.500000e-01 : f64, salt = 0 : i64}
// CHECK: nn.mul %{{.*}}, %[[MASK]]
// CHECK: nn.global_avgpool_grad
// CHECK: %[[DS:.*]] = nn.pool_grad %{{.*}}, %[[S]] {kernel = 2 : i64, kind = "max", padding = 0 : i64, stride = 2 : i64}
// CHECK: %[[DC:.*]], %[[DSCALE:.*]], %[[DSHIFT:.*]] = nn.batchnorm_grad %[[DS]], %[[C]], %{{.*}}, %[[MEAN]], %[[INV]]
// CHECK: %[[SUM:.*]] = nn.add %[[DS]], %[[DC]]
// CHECK: nn.conv_grad_weight %[[SUM]]
// CHECK: nn.bias_grad %[[SUM]]
// CHECK: nn.adam_update {{.*}} {beta1 = 9.000000e-01 : f64, beta2 = 0.99899999999999999 : f64, eps = 1.000000e-08 : f64, weight_decay = 0.000000e+00 : f64}
// CHECK: return {{.*}}%[[RM]], %[[RV]]

// -----

// expected-error @below {{has no model function (nas.model) to train}}
module {
  func.func @f(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
    return %x : tensor<?x4xf32>
  }
}

// -----

module {
  // expected-error @below {{training needs a model whose output is [N, classes], not 'tensor<?x4x4xf32>'}}
  func.func @f(%x: tensor<?x4x4xf32>) -> tensor<?x4x4xf32> attributes {nas.model} {
    return %x : tensor<?x4x4xf32>
  }
}

// -----

module {
  // expected-error @below {{training needs a model with one input and one output}}
  func.func @f(%x: tensor<?x4xf32>, %y: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {nas.model} {
    return %x : tensor<?x4xf32>
  }
}
