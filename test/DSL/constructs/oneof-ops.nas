# oneof over ops: a call of the choice applies the chosen op.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = oneof(relu, gelu, tanh, sigmoid, silu)(dense(x, 32))
  let act = oneof(relu, identity)
  h = act(h)
  h = act(h)
  return dense(h, 10)
}
# CHECK: {{.*}}oneof-ops.nas: model m, 2 decisions, 10 candidates
# CHECK-NEXT: {{^}}m.oneof  oneof(relu, gelu, tanh, sigmoid, silu){{$}}
# CHECK-NEXT: {{^}}m.act  oneof(relu, identity){{$}}
# CHECK-NOT: {{.}}
