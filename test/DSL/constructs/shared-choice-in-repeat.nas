# A choice made outside a repeat is one decision for every repetition when
# its candidates make no decisions of their own (NAS-Bench-201's shared cell
# edges); a choice inside the loop is one per repetition.
# RUN: nasc check --verbose %s | FileCheck %s --strict-whitespace
# RUN: nasc space %s | FileCheck %s --strict-whitespace
block wide(x) { return relu(dense(x, oneof(16, 32))) }

model m(x: f32[N, 8]) -> f32[N, 4] {
  let act = oneof(relu, tanh)
  h = x
  repeat 2 {
    h = act(h)
    h = oneof(wide, tanh)(h)
  }
  return dense(h, 4)
}
# CHECK: model m, 5 decisions, 18 candidates
# CHECK-NEXT: m.act  oneof(relu, tanh)
# CHECK-NEXT: m.repeat[0].oneof  oneof(wide, tanh)
# CHECK-NEXT:   m.repeat[0].oneof[0].wide.oneof  oneof(16, 32)  [when m.repeat[0].oneof = wide]
# CHECK-NEXT: m.repeat[1].oneof  oneof(wide, tanh)
# CHECK-NEXT:   m.repeat[1].oneof[0].wide.oneof  oneof(16, 32)  [when m.repeat[1].oneof = wide]
