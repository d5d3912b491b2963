# A oneof with one candidate is warned about, but it remains a decision (as in
# PyGlove), so --verbose lists it.
# RUN: nasc check --verbose %s 2>/dev/null | FileCheck --strict-whitespace %s
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, oneof(4))
}
# CHECK: {{.*}}oneof-single-candidate-counted.nas: model m, 1 decision, 1 candidate{{$}}
# CHECK-NEXT: {{^}}m.oneof  oneof(4){{$}}
