# A choice between true and false is true or false.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4, bias = oneof(true, false))
}
# CHECK: {{.*}}oneof-bool.nas: model m, 1 decision, 2 candidates{{$}}
# CHECK-NEXT: {{^}}m.oneof  oneof(true, false){{$}}
