# oneof over blocks and sub-networks: a conditional space, where decisions
# inside a candidate count only when it is chosen.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
block wide(x) { return relu(dense(x, oneof(256, 512))) }
block narrow(x) { return relu(dense(x, 32)) }
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = oneof(wide, narrow)(x)
  h = oneof(dense(h, int(16, 18)), tanh(h), identity(h))
  return dense(h, 10)
}
# (2 + 1) * (3 + 1 + 1) = 15
# CHECK: {{.*}}oneof-subnetworks.nas: model m, 4 decisions, 15 candidates
# CHECK-NEXT: {{^}}m.oneof  oneof(wide, narrow){{$}}
# CHECK-NEXT: {{^}}  m.oneof[0].wide.oneof  oneof(256, 512)  [when m.oneof = wide]{{$}}
# CHECK-NEXT: {{^}}m.oneof2  oneof(dense(h, int(16, 18)), tanh(h), identity(h)){{$}}
# CHECK-NEXT: {{^}}  m.oneof2[0].int  int(16, 18)  [when m.oneof2 = dense(h, int(16, 18))]{{$}}
# CHECK-NOT: {{.}}
