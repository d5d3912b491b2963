// Every nn op reads back as it prints.
// RUN: nas-opt %s | nas-opt | FileCheck %s

// CHECK-LABEL: func.func @layers
func.func @layers(%x: tensor<?x1x28x28xf32>, %labels: tensor<?xi32>) -> tensor<f32> {
  // CHECK: nn.conv2d %{{.*}} {channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32>
  %c = nn.conv2d %x {channels = 16 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32>
  // CHECK: nn.batchnorm %{{.*}} {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64}
  %b = nn.batchnorm %c {momentum = 0.1 : f64, eps = 1.0e-05 : f64} : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
  // CHECK: nn.relu
  %r = nn.relu %b : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
  // CHECK: nn.maxpool %{{.*}} {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64}
  %p = nn.maxpool %r {kernel = 2 : i64, stride = 2 : i64, padding = 0 : i64} : tensor<?x16x28x28xf32> -> tensor<?x16x14x14xf32>
  // CHECK: nn.avgpool
  %a = nn.avgpool %p {kernel = 3 : i64, stride = 1 : i64, padding = 1 : i64} : tensor<?x16x14x14xf32> -> tensor<?x16x14x14xf32>
  // CHECK: nn.add %{{.*}}, %{{.*}} : tensor<?x16x14x14xf32>, tensor<?x16x14x14xf32> -> tensor<?x16x14x14xf32>
  %s = nn.add %p, %a : tensor<?x16x14x14xf32>, tensor<?x16x14x14xf32> -> tensor<?x16x14x14xf32>
  // CHECK: nn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<?x16x14x14xf32>, tensor<?x16x14x14xf32> -> tensor<?x32x14x14xf32>
  %k = nn.concat %s, %a {axis = 1 : i64} : tensor<?x16x14x14xf32>, tensor<?x16x14x14xf32> -> tensor<?x32x14x14xf32>
  // CHECK: nn.zero
  %z = nn.zero %k : tensor<?x32x14x14xf32> -> tensor<?x32x14x14xf32>
  // CHECK: nn.identity
  %i = nn.identity %z : tensor<?x32x14x14xf32> -> tensor<?x32x14x14xf32>
  // CHECK: nn.global_avgpool %{{.*}} : tensor<?x32x14x14xf32> -> tensor<?x32xf32>
  %g = nn.global_avgpool %i : tensor<?x32x14x14xf32> -> tensor<?x32xf32>
  // CHECK: nn.flatten
  %f = nn.flatten %k : tensor<?x32x14x14xf32> -> tensor<?x6272xf32>
  // CHECK: nn.dense %{{.*}} {bias = false, units = 64 : i64}
  %d = nn.dense %f {units = 64 : i64, bias = false} : tensor<?x6272xf32> -> tensor<?x64xf32>
  // CHECK: nn.gelu
  %e = nn.gelu %d : tensor<?x64xf32> -> tensor<?x64xf32>
  // CHECK: nn.tanh
  %t = nn.tanh %e : tensor<?x64xf32> -> tensor<?x64xf32>
  // CHECK: nn.sigmoid
  %sg = nn.sigmoid %t : tensor<?x64xf32> -> tensor<?x64xf32>
  // CHECK: nn.silu
  %sl = nn.silu %sg : tensor<?x64xf32> -> tensor<?x64xf32>
  // CHECK: nn.layernorm %{{.*}} {eps = 1.000000e-05 : f64}
  %l = nn.layernorm %sl {eps = 1.0e-05 : f64} : tensor<?x64xf32> -> tensor<?x64xf32>
  // CHECK: nn.dropout %{{.*}} {rate = 5.000000e-01 : f64}
  %o = nn.dropout %l {rate = 0.5 : f64} : tensor<?x64xf32> -> tensor<?x64xf32>
  %y = nn.dense %o {units = 10 : i64} : tensor<?x64xf32> -> tensor<?x10xf32>
  // CHECK: nn.softmax_cross_entropy %{{.*}}, %{{.*}} : tensor<?x10xf32>, tensor<?xi32> -> tensor<f32>
  %loss = nn.softmax_cross_entropy %y, %labels : tensor<?x10xf32>, tensor<?xi32> -> tensor<f32>
  return %loss : tensor<f32>
}

// Decided settings are operands, named in decided_names.
// CHECK-LABEL: func.func @decided
func.func @decided(%x: tensor<?x784xf32>, %w: index, %rate: f64) -> tensor<?x?xf32> {
  // CHECK: nn.dense %{{.*}} [%{{.*}} : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
  %h = nn.dense %x [%w : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
  // CHECK: nn.dropout %{{.*}} [%{{.*}} : f64] {decided_names = ["rate"]}
  %d = nn.dropout %h [%rate : f64] {decided_names = ["rate"]} : tensor<?x?xf32> -> tensor<?x?xf32>
  return %d : tensor<?x?xf32>
}
