# A decision bound by 'let' is one decision, shared by every use.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  let w = oneof(64, 128, 256)
  let k = 10
  h = relu(dense(x, w))
  h = relu(dense(h, w))
  repeat 2 { h = dense(h, w) }
  return dense(h, k)
}
# CHECK: {{.*}}let.nas: model m, 1 decision, 3 candidates
# CHECK-NEXT: {{^}}m.w  oneof(64, 128, 256){{$}}
# CHECK-NOT: {{.}}
