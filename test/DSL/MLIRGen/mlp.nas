# RUN: nasc emit-mlir %s | FileCheck %s
# RUN: nasc emit-mlir --locations %s | FileCheck %s --check-prefix=LOC
model mlp(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  let width = oneof(64, 128, 256, 512)
  h = flatten(x)
  repeat int(1, 4) {
    h = dense(h, width)
    h = oneof(relu, gelu, tanh)(h)
  }
  return dense(h, 10)
}
train {
  data = fashion_mnist; epochs = 2; batch = 256
  optimizer = sgd(lr = floatv(0.01, 0.3, log), momentum = 0.9)
}
search { maximize val_accuracy; constraint params <= 300k; trials = 50 }

# CHECK: module attributes {nas.source = "{{.*}}mlp.nas"}
# CHECK-LABEL: func.func @mlp(%{{.*}}: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model}
# CHECK: %[[W:.*]] = nas.oneof_value "mlp.width" [64, 128, 256, 512] : index
# CHECK: %[[F:.*]] = nn.flatten %{{.*}} : tensor<?x1x28x28xf32> -> tensor<?x784xf32>
# CHECK: %[[D:.*]] = nas.int "mlp.repeat" in [1, 4] : index
# CHECK: nas.repeat "mlp.repeat" %[[D]] iter_args(%[[H:.*]] = %[[F]]) : (tensor<?x784xf32>) -> (tensor<*xf32>) {
# CHECK: nn.dense %[[H]] [%[[W]] : index] {decided_names = ["units"]} : tensor<*xf32> -> tensor<?x?xf32>
# CHECK: %[[A:.*]] = nas.oneof "oneof" ["relu", "gelu", "tanh"] : index
# CHECK: nas.switch %[[A]] -> tensor<?x?xf32> {
# CHECK: nn.relu
# CHECK: }, {
# CHECK: nn.gelu
# CHECK: }, {
# CHECK: nn.tanh
# CHECK: nn.dense %{{.*}} {units = 10 : i64} : tensor<*xf32> -> tensor<?x10xf32>
# CHECK: nas.section "train" {
# CHECK: nas.setting "epochs" = 2 : i64
# CHECK: %[[LR:.*]] = nas.float "train.optimizer.lr" in [1.000000e-02, 3.000000e-01] log : f64
# CHECK: nas.setting "optimizer" = "sgd"
# CHECK: nas.setting "optimizer.lr" = %[[LR]] : f64
# CHECK: nas.section "search" {
# CHECK: nas.setting "maximize" = "val_accuracy"
# CHECK: nas.setting "constraint" = ["params", "<=", 3.000000e+05]

# Every op points back at its source construct.
# LOC: nas.oneof_value "mlp.width" {{.*}} loc(#[[WLOC:loc[0-9]+]])
# LOC: nn.dense {{.*}}decided_names{{.*}} loc(#[[DLOC:loc[0-9]+]])
# LOC-DAG: #[[WLOC]] = loc("{{.*}}mlp.nas":4:15)
# LOC-DAG: #[[DLOC]] = loc("{{.*}}mlp.nas":7:9)
