# floatv is continuous: the space is infinite, and the count without the
# continuous decisions is given too.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = dropout(dense(x, 64), floatv(0.1, 0.5))
  h = dropout(h, floatv(0.001, 0.1, log))
  h = dropout(h, floatv(0, 1, linear))
  h = dropout(h, floatv(-1, 1) * 0)
  return dense(h, oneof(10, 10))
}
# CHECK: {{.*}}floatv.nas: model m, 5 decisions, infinite candidates (2 when continuous decisions are left out){{$}}
# CHECK-NEXT: {{^}}m.floatv  floatv(0.1, 0.5){{$}}
# CHECK-NEXT: {{^}}m.floatv2  floatv(0.001, 0.1, log){{$}}
# CHECK-NEXT: {{^}}m.floatv3  floatv(0, 1){{$}}
# CHECK-NEXT: {{^}}m.floatv4  floatv(-1, 1){{$}}
# CHECK-NEXT: {{^}}m.oneof  oneof(10, 10){{$}}
# CHECK-NOT: {{.}}
