// nas-opt reads back what it prints, unchanged.
// RUN: nas-opt %s | nas-opt | FileCheck %s

// CHECK-LABEL: func.func @mlp
func.func @mlp(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
  // CHECK: nas.oneof_value "mlp.width" [64, 128] : index
  %w = nas.oneof_value "mlp.width" [64, 128] : index
  // CHECK: nas.int "mlp.depth" in [1, 4] : index
  %d = nas.int "mlp.depth" in [1, 4] : index
  // CHECK: nn.dense %{{.*}} {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x10xf32>
  %h = nn.dense %x {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x10xf32>
  // CHECK: nn.relu %{{.*}} : tensor<?x10xf32> -> tensor<?x10xf32>
  %y = nn.relu %h : tensor<?x10xf32> -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}
