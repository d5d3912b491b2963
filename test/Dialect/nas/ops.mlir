// Every nas op reads back as it prints.
// RUN: nas-opt %s | nas-opt | FileCheck %s

// CHECK-LABEL: func.func @space
func.func @space(%x: tensor<?x784xf32>, %u: tensor<*xf32>) -> tensor<*xf32> {
  // CHECK: nas.oneof_value "m.width" [64, 128] : index
  %w = nas.oneof_value "m.width" [64, 128] : index
  // CHECK: nas.oneof_value "m.rate" [1.000000e-01, 5.000000e-01] : f64
  %r = nas.oneof_value "m.rate" [0.1, 0.5] : f64
  // CHECK: nas.int "m.depth" in [1, 3] : index
  %d = nas.int "m.depth" in [1, 3] : index
  // CHECK: nas.float "m.lr" in [1.000000e-02, 3.000000e-01] log : f64
  %lr = nas.float "m.lr" in [0.01, 0.3] log : f64
  // CHECK: nas.float "m.mix" in [0.000000e+00, 1.000000e+00] : f64
  %mix = nas.float "m.mix" in [0.0, 1.0] : f64
  // CHECK: nas.oneof "m.act" ["relu", "tanh"] : index
  %act = nas.oneof "m.act" ["relu", "tanh"] : index
  // CHECK: nas.manyof "m.pair" ["relu", "gelu", "tanh"] {distinct, sorted} : index, index
  %p:2 = nas.manyof "m.pair" ["relu", "gelu", "tanh"] {distinct, sorted} : index, index
  // CHECK: nas.optional "m.norm" : index
  %o = nas.optional "m.norm" : index
  %h = nn.dense %x [%w : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
  // CHECK: nas.repeat "m.repeat" %{{.*}} iter_args(%{{.*}} = %{{.*}}) : (tensor<*xf32>) -> (tensor<*xf32>) {
  // CHECK-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: tensor<*xf32>):
  %y = nas.repeat "m.repeat" %d iter_args(%a = %u) : (tensor<*xf32>) -> (tensor<*xf32>) {
  ^bb0(%i: index, %a: tensor<*xf32>):
    // CHECK: nas.oneof "oneof" ["relu", "tanh"] : index
    %c = nas.oneof "oneof" ["relu", "tanh"] : index
    // CHECK: nas.switch %{{.*}} -> tensor<*xf32> {
    // CHECK: nas.yield %{{.*}} : tensor<*xf32>
    // CHECK-NEXT: }, {
    %s = nas.switch %c -> tensor<*xf32> {
      %v = nn.relu %a : tensor<*xf32> -> tensor<*xf32>
      nas.yield %v : tensor<*xf32>
    }, {
      %v = nn.tanh %a : tensor<*xf32> -> tensor<*xf32>
      nas.yield %v : tensor<*xf32>
    }
    nas.yield %s : tensor<*xf32>
  }
  return %y : tensor<*xf32>
}

// CHECK: nas.section "train" {
// CHECK-NEXT: nas.setting "epochs" = 2 : i64
// CHECK: nas.setting "optimizer.lr" = %{{.*}} : f64
nas.section "train" {
  nas.setting "epochs" = 2 : i64
  nas.setting "optimizer" = "sgd"
  %lr = nas.float "train.optimizer.lr" in [0.01, 0.3] log : f64
  nas.setting "optimizer.lr" = %lr : f64
}
