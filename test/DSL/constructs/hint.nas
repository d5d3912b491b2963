# A decision may carry a hint for the search algorithms (and for people);
# it travels into the IR and the decision tree.
# RUN: nasc check --verbose %s | FileCheck %s
# RUN: nasc space %s | FileCheck %s
# RUN: nasc emit-mlir %s | FileCheck %s --check-prefix=IR
# RUN: nasc space --json %s | FileCheck %s --check-prefix=JSON
model m(x: f32[N, 8]) -> f32[N, 4] {
  let width = oneof(16, 32, hint: "channels")
  h = dense(x, width)
  repeat int(1, 2, hint: "depth") { h = oneof(relu, tanh, name: "act", hint: "activation")(h) }
  return dense(h, 4)
}
# CHECK: model m, 4 decisions, 12 candidates
# CHECK-NEXT: m.width  oneof(16, 32)  hint "channels"
# CHECK-NEXT: m.repeat  int(1, 2)  hint "depth"
# CHECK-NEXT:   m.repeat[0].act  oneof(relu, tanh)  hint "activation"  [when m.repeat > 0]
# IR: nas.oneof_value "m.width" [16, 32] {hint = "channels"} : index
# IR: nas.int "m.repeat" in [1, 2] {hint = "depth"} : index
# IR: nas.oneof "act" ["relu", "tanh"] {hint = "activation"} : index
# JSON: "path": "m.width",
# JSON: "hint": "channels",
