# Conditional sub-spaces, optional blocks, multi-choice and decided names.
# RUN: nasc emit-mlir %s | FileCheck %s
block wide(x) { return relu(dense(x, oneof(256, 512))) }

model m(x: f32[N, 784]) -> f32[N, 10] {
  h = oneof(wide, tanh)(x)
  optional(name: "norm") { h = layernorm(h) }
  for act in manyof(2, relu, gelu, tanh) { h = act(h) }
  h = dense(h, 32, bias = oneof(true, false))
  return dense(dropout(h, floatv(0.1, 0.5)), 10)
}

# CHECK: %[[C:.*]] = nas.oneof "m.oneof" ["wide", "tanh"] : index
# CHECK: nas.switch %[[C]] -> tensor<?x?xf32> {
# Decisions in a candidate are named relative to it (m.oneof[0].wide.oneof).
# CHECK: nas.oneof_value "wide.oneof" [256, 512] : index
# CHECK: }, {
# CHECK: nn.tanh
# CHECK: %[[O:.*]] = nas.optional "m.norm" of "{ ... }" : index
# CHECK: nas.switch %[[O]] -> tensor<?x?xf32> {
# CHECK-NEXT: nas.yield
# CHECK: }, {
# CHECK-NEXT: nn.layernorm
# CHECK: %[[M:.*]]:2 = nas.manyof "m.manyof" ["relu", "gelu", "tanh"] {distinct} : index, index
# CHECK: nas.switch %[[M]]#0
# CHECK: nas.switch %[[M]]#1
# CHECK: %[[B:.*]] = nas.oneof "m.oneof2" ["true", "false"] : index
# CHECK: nas.switch %[[B]]
# CHECK: nn.dense %{{.*}} {units = 32 : i64}
# CHECK: }, {
# CHECK: nn.dense %{{.*}} {bias = false, units = 32 : i64}
# CHECK: %[[R:.*]] = nas.float "m.floatv" in [1.000000e-01, 5.000000e-01] : f64
# CHECK: nn.dropout %{{.*}} [%[[R]] : f64] {decided_names = ["rate"]}
