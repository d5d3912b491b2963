// RUN: nas-opt %s --nn-shape-inference --split-input-file --verify-diagnostics | FileCheck %s

// Dynamic result dimensions become static where the operands fix them.
// CHECK-LABEL: func.func @mlp
func.func @mlp(%x: tensor<8x784xf32>) {
  // CHECK: nn.dense %{{.*}} : tensor<8x784xf32> -> tensor<8x128xf32>
  %h = nn.dense %x {units = 128 : i64} : tensor<8x784xf32> -> tensor<?x?xf32>
  // CHECK: nn.relu %{{.*}} : tensor<8x128xf32> -> tensor<8x128xf32>
  %a = nn.relu %h : tensor<?x?xf32> -> tensor<?x?xf32>
  // CHECK: nn.tanh %{{.*}} : tensor<8x128xf32> -> tensor<8x128xf32>
  %t = nn.tanh %a : tensor<?x?xf32> -> tensor<?x?xf32>
  return
}

// -----

// A symbolic batch stays dynamic; the feature dimension is known.
// CHECK-LABEL: func.func @batch
func.func @batch(%x: tensor<?x784xf32>) {
  // CHECK: nn.dense %{{.*}} : tensor<?x784xf32> -> tensor<?x10xf32>
  %h = nn.dense %x {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x?xf32>
  return
}

// -----

// Pools with same padding keep H and W at stride 1, like conv2d.
// CHECK-LABEL: func.func @same_pool
func.func @same_pool(%x: tensor<?x4x8x8xf32>) {
  // CHECK: nn.avgpool %{{.*}} {kernel = 5 : i64, same, stride = 1 : i64} : tensor<?x4x8x8xf32> -> tensor<?x4x8x8xf32>
  %p = nn.avgpool %x {kernel = 5 : i64, stride = 1 : i64, same} : tensor<?x4x8x8xf32> -> tensor<*xf32>
  return
}
