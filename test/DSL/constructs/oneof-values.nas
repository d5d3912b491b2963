# oneof over integers and numbers; the chosen value feeds shapes and rates.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = dense(x, oneof(64, 128, 256, 512))
  h = dropout(h, oneof(0, 0.25, 0.5))
  let k = oneof(3, 5)
  h = dense(h, k * 2)
  return dense(h, 10)
}
# CHECK: {{.*}}oneof-values.nas: model m, 3 decisions, 24 candidates
# CHECK-NEXT: {{^}}m.oneof  oneof(64, 128, 256, 512){{$}}
# CHECK-NEXT: {{^}}m.oneof2  oneof(0, 0.25, 0.5){{$}}
# CHECK-NEXT: {{^}}m.k  oneof(3, 5){{$}}
# CHECK-NOT: {{.}}
