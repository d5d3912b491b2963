// Decided settings whose values are constants become attributes again.
// RUN: nas-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @fold
func.func @fold(%x: tensor<?x784xf32>, %w: index) -> (tensor<?x?xf32>, tensor<?x?xf32>) {
  %c128 = arith.constant 128 : index
  %rate = arith.constant 0.25 : f64
  // CHECK: nn.dense %{{.*}} {units = 128 : i64} : tensor<?x784xf32> -> tensor<?x?xf32>
  %h = nn.dense %x [%c128 : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
  // CHECK: nn.dropout %{{.*}} {rate = 2.500000e-01 : f64}
  %d = nn.dropout %h [%rate : f64] {decided_names = ["rate"]} : tensor<?x?xf32> -> tensor<?x?xf32>
  // A setting still decided stays an operand.
  // CHECK: nn.dense %{{.*}} [%{{.*}} : index] {decided_names = ["units"]}
  %e = nn.dense %x [%w : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
  return %d, %e : tensor<?x?xf32>, tensor<?x?xf32>
}
