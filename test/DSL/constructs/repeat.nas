# 'repeat' with a constant count unrolls; with a decision each repetition
# has its own inline decisions, active only when the count exceeds it.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = x
  repeat 3 { h = dense(h, oneof(8, 16)) }
  repeat oneof(1, 3) { h = oneof(relu, tanh)(h) }
  repeat 0 { h = dense(h, 7) }
  return dense(h, 10)
}
# 2^3 * (2 + 2^3) = 80
# CHECK: {{.*}}repeat.nas: model m, 7 decisions, 80 candidates
# CHECK-NEXT: {{^}}m.repeat[0].oneof  oneof(8, 16){{$}}
# CHECK-NEXT: {{^}}m.repeat[1].oneof  oneof(8, 16){{$}}
# CHECK-NEXT: {{^}}m.repeat[2].oneof  oneof(8, 16){{$}}
# CHECK-NEXT: {{^}}m.repeat2  oneof(1, 3){{$}}
# CHECK-NEXT: {{^}}  m.repeat2[0].oneof  oneof(relu, tanh)  [when m.repeat2 > 0]{{$}}
# CHECK-NEXT: {{^}}  m.repeat2[1].oneof  oneof(relu, tanh)  [when m.repeat2 > 1]{{$}}
# CHECK-NEXT: {{^}}  m.repeat2[2].oneof  oneof(relu, tanh)  [when m.repeat2 > 2]{{$}}
# CHECK-NOT: {{.}}
