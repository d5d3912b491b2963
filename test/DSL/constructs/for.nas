# 'for' unrolls over a constant list; an inline decision in the body is a
# fresh one per iteration, named after the loop variable.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 64] {
  h = x
  for w in [256, 128, 64] {
    h = oneof(relu, gelu)(dense(h, w))
  }
  for w in [] { h = dense(h, 3) }
  return h
}
# CHECK: {{.*}}for.nas: model m, 3 decisions, 8 candidates
# CHECK-NEXT: {{^}}m.w[0].oneof  oneof(relu, gelu){{$}}
# CHECK-NEXT: {{^}}m.w[1].oneof  oneof(relu, gelu){{$}}
# CHECK-NEXT: {{^}}m.w[2].oneof  oneof(relu, gelu){{$}}
# CHECK-NOT: {{.}}
